package backprop.autodiff;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Forward-mode automatic differentiation with dual numbers, chapter 7: one pass through the
 * function per input, Eq. (7.5).
 */
public final class ForwardMode {

    private ForwardMode() {
    }

    /**
     * Exercise 7.7 of chapter 7: the gradient of a function of n inputs and one output by
     * forward mode, one pass per input.
     *
     * <p>For each input k, evaluate {@code f} on dual numbers whose derivative is 1 for input k
     * and 0 for every other input (the direction e_k); the derivative of the result is
     * {@code df/dx_k}, Eq. (7.5). So the gradient costs n evaluations of f.
     *
     * @param f a function of n inputs with one output, written with {@link Dual} operations
     * @param x the point, n finite numbers
     * @return {@code df/dx_k} for every k
     */
    // tag::gradient[]
    public static double[] gradient(Function<List<Dual>, Dual> f, double[] x) {
        Require.notNull(f, "f");
        Require.finite(x, "x");
        throw new UnsupportedOperationException("Chapter 7, exercise 7.7: evaluate f once per input k on dual numbers with derivative 1 for x_k and 0 for the others, in ForwardMode.gradient (Eq. 7.5).");
    }
    // end::gradient[]
}
