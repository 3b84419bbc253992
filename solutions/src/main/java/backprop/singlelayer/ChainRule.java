package backprop.singlelayer;

import backprop.common.Require;

/**
 * The first factor of the chain rule of chapter 2, Eq. (2.3): how the error changes with the
 * neuron's output.
 *
 * <p>From chapter 2 on, the loss of one example is the <em>half</em> squared error
 * {@code E = 1/2 (t - y)^2}. The factor 1/2 cancels the 2 of the power rule, so
 * {@code dE/dy = y - t}. Chapter 1 used {@code E = (t - y)^2} without the 1/2, whose derivative
 * is {@code 2 (y - t)}, Eq. (1.3). Both losses have their minimum at the same weights; only the
 * size of the gradient differs by a factor 2.
 */
public final class ChainRule {

    private ChainRule() {
    }

    /**
     * Chapter 2, exercise 2.3: the derivative of the half squared error with respect to the
     * output, Eq. (2.6).
     *
     * <p>This is the derivative of {@code E = 1/2 (t - y)^2}, not of chapter 1's
     * {@code (t - y)^2}: there is no factor 2.
     *
     * @param target the correct output t
     * @param output the neuron's output y
     * @return {@code dE/dy = y - t}: positive when the output is too large
     */
    // tag::outputErrorDerivative[]
    public static double outputErrorDerivative(double target, double output) {
        Require.finite(target, "target");
        Require.finite(output, "output");
        // BEGIN SOLUTION
        // dE/do = y - t   for E = 1/2 (t - y)^2   (Eq. 2.6)
        return output - target;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 2, exercise 2.3: return dE/dy = y - t of the half squared error in ChainRule.outputErrorDerivative (Eq. 2.6).");
    }
    // end::outputErrorDerivative[]
}
