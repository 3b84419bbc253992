package backprop.singlelayer;

import backprop.common.Require;

/**
 * One neuron of chapter 2: weights {@code w_k} on its inputs, a bias b and an activation phi.
 *
 * <p>The bias is the weight of an extra input that is always 1. A neuron is a value: training
 * never changes it but makes a new one, see {@link #update}.
 *
 * @param weights the weights {@code w_1 .. w_n}, at least one, all finite (copied)
 * @param bias the bias b
 * @param activation the activation function phi
 */
// tag::given[]
public record Neuron(double[] weights, double bias, Activation activation) {

    public Neuron {
        weights = Require.finite(weights, "weights").clone();
        if (weights.length == 0) {
            throw new IllegalArgumentException("weights is empty; a neuron needs at least one input");
        }
        Require.finite(bias, "bias");
        Require.notNull(activation, "activation");
    }
// end::given[]

    /** A copy of the weights. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The number of inputs the neuron takes, one per weight. */
    public int inputs() {
        return weights.length;
    }

    /**
     * Chapter 2, exercise 2.1: the net input, the weighted sum of the inputs plus the bias,
     * Eq. (2.1).
     *
     * @param inputs the inputs {@code x_1 .. x_n}, one per weight
     * @return {@code net = sum_k w_k x_k + b}
     * @throws IllegalArgumentException if the number of inputs differs from the number of weights,
     *     or an input is not finite
     */
    // tag::netInput[]
    public double netInput(double[] inputs) {
        checkInputs(inputs);
        // BEGIN SOLUTION
        // net = sum_k w_k x_k + b   (Eq. 2.1)
        double net = bias;
        for (int k = 0; k < weights.length; k++) {
            net += weights[k] * inputs[k];
        }
        return net;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 2, exercise 2.1: return net = sum_k w_k x_k + b in Neuron.netInput (Eq. 2.1).");
    }
    // end::netInput[]

    /**
     * Chapter 2, exercise 2.2: the neuron's output, the net input passed through the activation,
     * Eq. (2.2).
     *
     * @param inputs the inputs {@code x_1 .. x_n}, one per weight
     * @return {@code o = phi(net)}
     */
    // tag::output[]
    public double output(double[] inputs) {
        checkInputs(inputs);
        // BEGIN SOLUTION
        // o = phi(net)   (Eq. 2.2)
        return activation.value(netInput(inputs));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 2, exercise 2.2: return o = phi(net) in Neuron.output (Eq. 2.2).");
    }
    // end::output[]

    /**
     * Chapter 2, exercise 2.4: the gradient of the half squared error {@code E = 1/2 (t - o)^2}
     * of one example with respect to every weight and the bias, by the chain rule, Eq. (2.3).
     *
     * <p>{@code dE/dw_i} is the product of three factors: {@code dE/do = o - t}, Eq. (2.6);
     * {@code do/dnet = phi'(net)}, Eq. (2.5); {@code dnet/dw_i = x_i}, Eq. (2.4). The bias is the
     * weight of an input that is always 1, so {@code dnet/db = 1}.
     *
     * @param inputs the inputs {@code x_1 .. x_n}, one per weight
     * @param target the correct output t
     * @return {@code dE/dw_i} for every weight and {@code dE/db}
     */
    // tag::gradient[]
    public Gradient gradient(double[] inputs, double target) {
        checkInputs(inputs);
        Require.finite(target, "target");
        // BEGIN SOLUTION
        double net = netInput(inputs);
        double o = activation.value(net);
        // dE/do = o - t   (Eq. 2.6)
        double dEdo = ChainRule.outputErrorDerivative(target, o);
        // do/dnet = phi'(net)   (Eq. 2.5)
        double dodnet = activation.derivative(net);
        double dEdnet = dEdo * dodnet;
        double[] dw = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            // dE/dw_i = dE/do * do/dnet * dnet/dw_i, with dnet/dw_i = x_i   (Eq. 2.3, 2.4)
            dw[i] = dEdnet * inputs[i];
        }
        // dE/db = dE/do * do/dnet * 1: the bias sees the constant input 1   (Eq. 2.4)
        return new Gradient(dw, dEdnet);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 2, exercise 2.4: multiply the three factors dE/do, do/dnet and dnet/dw_i into dE/dw_i and dE/db in Neuron.gradient (Eq. 2.3).");
    }
    // end::gradient[]

    /**
     * Chapter 2, exercise 2.5: one gradient-descent step, Eq. (2.7):
     * {@code w_i <- w_i - eta dE/dw_i} and {@code b <- b - eta dE/db}.
     *
     * @param gradient the gradient of the error, one entry per weight
     * @param learningRate eta, finite and greater than 0
     * @return a new neuron with the same activation; this one is unchanged
     */
    // tag::update[]
    public Neuron update(Gradient gradient, double learningRate) {
        checkGradient(gradient);
        Require.learningRate(learningRate);
        // BEGIN SOLUTION
        double[] dw = gradient.weights();
        double[] w = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            // Delta w_i = -eta dE/dw_i   (Eq. 2.7)
            w[i] = weights[i] - learningRate * dw[i];
        }
        // Delta b = -eta dE/db   (Eq. 2.7)
        double b = bias - learningRate * gradient.bias();
        return new Neuron(w, b, activation);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 2, exercise 2.5: return a new neuron with w_i - eta dE/dw_i and b - eta dE/db in Neuron.update (Eq. 2.7).");
    }
    // end::update[]

    private void checkInputs(double[] inputs) {
        Require.notNull(inputs, "inputs");
        if (inputs.length != weights.length) {
            throw new IllegalArgumentException("inputs has " + inputs.length + " entries but the neuron has "
                    + weights.length + " weights");
        }
        Require.finite(inputs, "inputs");
    }

    private void checkGradient(Gradient gradient) {
        Require.notNull(gradient, "gradient");
        int n = gradient.weights().length;
        if (n != weights.length) {
            throw new IllegalArgumentException("gradient has " + n + " weights but the neuron has "
                    + weights.length + " weights");
        }
    }
}
