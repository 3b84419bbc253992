package backprop.singlelayer;

import backprop.common.Require;

/**
 * The gradient of the error of one example with respect to a neuron's parameters. Given code.
 *
 * @param weights {@code dE/dw_i} for each weight, in the order of the neuron's weights (copied)
 * @param bias {@code dE/db}
 */
// tag::given[]
public record Gradient(double[] weights, double bias) {

    public Gradient {
        weights = Require.finite(weights, "weights").clone();
        Require.finite(bias, "bias");
    }
// end::given[]

    /** A copy of {@code dE/dw_i}. */
    @Override
    public double[] weights() {
        return weights.clone();
    }
}
