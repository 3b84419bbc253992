package backprop.autodiff;

import backprop.common.Require;

/**
 * The activation of a neuron built from {@link Value} nodes, chapter 7. Given code.
 */
public enum Nonlinearity {

    /** phi(z) = z: a linear neuron. */
    IDENTITY,
    /** The logistic function of chapter 3, {@link Value#logistic()}. */
    LOGISTIC,
    /** The hyperbolic tangent, {@link Value#tanh()}. */
    TANH,
    /** ReLU of chapter 3, {@link Value#relu()}. */
    RELU;

    /** phi applied to the node z: a new node (z itself for the identity). */
    public Value apply(Value z) {
        Require.notNull(z, "z");
        return switch (this) {
            case IDENTITY -> z;
            case LOGISTIC -> z.logistic();
            case TANH -> z.tanh();
            case RELU -> z.relu();
        };
    }
}
