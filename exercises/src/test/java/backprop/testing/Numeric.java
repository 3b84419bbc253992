package backprop.testing;

import java.util.function.DoubleUnaryOperator;

/**
 * Test-side numerics: expected values are computed here with plain JDK arithmetic, never with
 * the code under test.
 */
public final class Numeric {

    /** The step of the central differences in the tests. */
    public static final double H = 1e-6;

    private Numeric() {
    }

    /** {@code (f(x + h) - f(x - h)) / 2h}, the estimate gradients are checked against. */
    public static double centralDifference(DoubleUnaryOperator f, double x) {
        return (f.applyAsDouble(x + H) - f.applyAsDouble(x - H)) / (2 * H);
    }

    /** The logistic function, written out for the tests: {@code 1 / (1 + e^-z)}. */
    public static double logistic(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** |a - b| / max(|a|, |b|, tiny): the relative error of Eq. (4.8). */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-12);
    }
}
