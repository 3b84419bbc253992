package backprop.autodiff;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * A neuron of chapter 2 built from {@link Value} nodes, chapter 7: its weights and bias are
 * leaves (the parameters), its output a graph that the backward pass differentiates.
 */
public final class Neuron {

    private final List<Value> weights;
    private final Value bias;
    private final Nonlinearity activation;

    /**
     * A neuron with the given weights and bias as new leaves named {@code w0, w1, ...} and
     * {@code b}. Given code.
     *
     * @param weights one weight per input, finite
     * @param bias the bias, finite
     * @param activation phi
     */
    public Neuron(double[] weights, double bias, Nonlinearity activation) {
        Require.finite(weights, "weights");
        Require.atLeast(weights.length, 1, "the number of weights");
        List<Value> w = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            w.add(new Value(weights[i], "w" + i));
        }
        this.weights = List.copyOf(w);
        this.bias = new Value(Require.finite(bias, "bias"), "b");
        this.activation = Require.notNull(activation, "activation");
    }

    /** The weights, one leaf per input. */
    public List<Value> weights() {
        return weights;
    }

    /** The bias, a leaf. */
    public Value bias() {
        return bias;
    }

    /** phi. */
    public Nonlinearity activation() {
        return activation;
    }

    /** The number of inputs. */
    public int inputs() {
        return weights.size();
    }

    /** The weights, then the bias: what gradient descent changes. */
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>(weights);
        p.add(bias);
        return p;
    }

    /**
     * Exercise 7.8 of chapter 7: the neuron's output as a graph, Eq. (2.1) and (2.2):
     * {@code net = sum_i w_i x_i + b}, {@code o = phi(net)}.
     *
     * <p>Build it from the weights and the bias of this neuron (not from copies of their numbers),
     * so that the backward pass reaches them; {@link Value#sum(List)} makes the net input one node.
     *
     * @param inputs one node per input
     * @return the output node
     * @throws IllegalArgumentException if there is not one input per weight
     */
    // tag::output[]
    public Value output(List<Value> inputs) {
        check(inputs);
        // BEGIN SOLUTION
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            terms.add(weights.get(i).multiply(inputs.get(i)));
        }
        terms.add(bias);
        // net = sum_i w_i x_i + b   (Eq. 2.1)
        Value net = Value.sum(terms);
        // o = phi(net)   (Eq. 2.2)
        return activation.apply(net);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.8: build net = sum_i w_i x_i + b from the neuron's own leaves and return phi(net) in Neuron.output (Eq. 2.1, 2.2).");
    }
    // end::output[]

    private void check(List<Value> inputs) {
        Require.nonEmpty(inputs, "inputs");
        if (inputs.size() != weights.size()) {
            throw new IllegalArgumentException("inputs has " + Mlp.count(inputs.size(), "entry", "entries")
                    + " but the neuron has " + Mlp.count(weights.size(), "weight", "weights"));
        }
    }
}
