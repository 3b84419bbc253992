package backprop.intuition;

import backprop.common.Require;

/**
 * The squared error of chapter 1, {@code E = (t - y)^2}, Eq. (1.2).
 *
 * <p>Note: this loss has no factor 1/2, so its derivative is {@code 2 (y - t)}, Eq. (1.3).
 * Chapter 2 switches to the half squared error, whose derivative is {@code y - t}.
 */
public final class SquaredError {

    private SquaredError() {
    }

    /**
     * Exercise 1.2: the error of one output, Eq. (1.2) of chapter 1.
     *
     * @param target the correct output t
     * @param output the neuron's output y
     * @return {@code (t - y)^2}
     */
    // tag::error[]
    public static double error(double target, double output) {
        check(target, output);
        throw new UnsupportedOperationException("Chapter 1, exercise 1.2: return (t - y)^2 in SquaredError.error (Eq. 1.2).");
    }
    // end::error[]

    /**
     * Exercise 1.3: the derivative of the error with respect to the output, Eq. (1.3) of chapter 1.
     *
     * @return {@code dE/dy = 2 (y - t)}
     */
    // tag::derivative[]
    public static double derivative(double target, double output) {
        check(target, output);
        throw new UnsupportedOperationException("Chapter 1, exercise 1.3: return dE/dy = 2(y - t) in SquaredError.derivative (Eq. 1.3).");
    }
    // end::derivative[]

    private static void check(double target, double output) {
        Require.finite(target, "target");
        Require.finite(output, "output");
    }
}
