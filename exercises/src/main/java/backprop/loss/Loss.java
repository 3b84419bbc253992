package backprop.loss;

/**
 * The loss of one training example, chapter 5: a number computed from the network's outputs and
 * the targets only (assumption 2), together with its gradient. Given code.
 *
 * <p>Implementations reject arrays of different lengths, empty arrays and NaN or infinite entries
 * with an {@link IllegalArgumentException}.
 */
// tag::loss[]
public interface Loss {

    /** The loss {@code E_x} of one example, from the outputs y and the targets t. */
    double value(double[] output, double[] target);

    /** The gradient {@code dE_x/dy}: one entry per output. */
    double[] gradient(double[] output, double[] target);
}
// end::loss[]
