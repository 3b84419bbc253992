package backprop.logistic;

import backprop.common.Require;
import java.util.function.DoubleUnaryOperator;

/**
 * A numerical derivative, chapter 3: the tool that checks every analytic derivative of the course.
 */
public final class FiniteDifference {

    private FiniteDifference() {
    }

    /**
     * Chapter 3, exercise 3.4: the central difference, Eq. (3.5):
     * {@code f'(x) ~ (f(x + h) - f(x - h)) / 2h}.
     *
     * <p>Its error shrinks like {@code h^2}, and it is exact for quadratics (up to rounding).
     * Evaluate f through {@link #evaluate}, which rejects a non-finite value of f.
     *
     * @param f the function to differentiate
     * @param x where to take the derivative, finite
     * @param h the step, finite and greater than 0, with {@code x + h} and {@code x - h} finite and
     *     different from x
     * @return the estimate of {@code f'(x)}
     * @throws IllegalArgumentException if h is not such a step, or f is not finite at
     *     {@code x + h} or {@code x - h}
     */
    // tag::central[]
    public static double central(DoubleUnaryOperator f, double x, double h) {
        check(f, x, h);
        // BEGIN SOLUTION
        // f'(x) ~ (f(x + h) - f(x - h)) / 2h   (Eq. 3.5)
        return (evaluate(f, x + h) - evaluate(f, x - h)) / (2 * h);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 3, exercise 3.4: return (f(x + h) - f(x - h)) / 2h in FiniteDifference.central (Eq. 3.5).");
    }
    // end::central[]

    /** f at one point; a NaN or infinite value is rejected, naming the point. Given code. */
    private static double evaluate(DoubleUnaryOperator f, double at) {
        double value = f.applyAsDouble(at);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("f(" + at + ") is " + value
                    + "; a central difference needs finite values of f on both sides of x");
        }
        return value;
    }

    // tag::given[]
    private static void check(DoubleUnaryOperator f, double x, double h) {
        Require.notNull(f, "f");
        Require.finite(x, "x");
        Require.step(x, "x", h);
    }
    // end::given[]
}
