package backprop.testing;

import backprop.singlelayer.Activation;
import java.util.function.DoubleUnaryOperator;

/**
 * Activations written out for the tests of chapter 2, so that those tests do not depend on the
 * student's own logistic function of chapter 3.
 */
public final class TestActivations {

    /** phi(z) = z, phi'(z) = 1: the neuron of chapter 1, plus a bias. */
    public static final Activation IDENTITY = new Named("identity", z -> z, z -> 1.0);

    /** The logistic function with its derivative phi(z)(1 - phi(z)), from {@link Numeric#logistic}. */
    public static final Activation LOGISTIC = new Named("logistic", Numeric::logistic,
            z -> Numeric.logistic(z) * (1 - Numeric.logistic(z)));

    /** tanh, whose derivative 1 - tanh^2 differs from the logistic one at every z. */
    public static final Activation TANH = new Named("tanh", Math::tanh,
            z -> 1 - Math.tanh(z) * Math.tanh(z));

    private TestActivations() {
    }

    private record Named(String name, DoubleUnaryOperator phi, DoubleUnaryOperator slope) implements Activation {

        @Override
        public double value(double z) {
            return phi.applyAsDouble(z);
        }

        @Override
        public double derivative(double z) {
            return slope.applyAsDouble(z);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
