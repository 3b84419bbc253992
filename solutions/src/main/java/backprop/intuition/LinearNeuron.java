package backprop.intuition;

import backprop.common.Require;

/**
 * The linear neuron of chapter 1: two inputs, two weights, no activation and no bias.
 *
 * @param w1 the weight on the connection from input 1
 * @param w2 the weight on the connection from input 2
 */
// tag::given[]
public record LinearNeuron(double w1, double w2) {

    public LinearNeuron {
        Require.finite(w1, "w1");
        Require.finite(w2, "w2");
    }
// end::given[]

    /**
     * Exercise 1.1: the neuron's output, the weighted sum of its inputs, Eq. (1.1) of chapter 1.
     *
     * @return {@code y = x1*w1 + x2*w2}
     * @throws IllegalArgumentException if an input is NaN or infinite
     */
    // tag::output[]
    public double output(double x1, double x2) {
        Require.finite(x1, "x1");
        Require.finite(x2, "x2");
        // BEGIN SOLUTION
        // y = x1 w1 + x2 w2   (Eq. 1.1)
        return x1 * w1 + x2 * w2;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 1, exercise 1.1: return y = x1*w1 + x2*w2 in LinearNeuron.output (Eq. 1.1).");
    }
    // end::output[]

    /** The output for the inputs of a training case. Given code. */
    public double output(TrainingCase c) {
        Require.notNull(c, "c");
        return output(c.x1(), c.x2());
    }
}
