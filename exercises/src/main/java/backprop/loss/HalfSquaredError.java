package backprop.loss;

/**
 * The half squared error of chapter 5, Eq. (5.3): {@code E(y, t) = 1/2 ||y - t||^2}, the loss of
 * chapters 2 and 4. The factor 1/2 cancels the 2 of the derivative, so the gradient is
 * {@code y - t}; the squared error of chapter 1, without the 1/2, has the gradient
 * {@code 2 (y - t)}.
 */
public final class HalfSquaredError implements Loss {

    /**
     * Exercise 5.1 of chapter 5: the half squared error, Eq. (5.3).
     *
     * @param output the outputs y
     * @param target the targets t, as many as outputs
     * @return {@code 1/2 sum_k (y_k - t_k)^2}
     */
    // tag::value[]
    @Override
    public double value(double[] output, double[] target) {
        Vectors.check(output, target);
        throw new UnsupportedOperationException("Chapter 5, exercise 5.1: return 1/2 ||y - t||^2 in HalfSquaredError.value (Eq. 5.3).");
    }
    // end::value[]

    /**
     * Exercise 5.1 of chapter 5: the gradient of the half squared error, Eq. (5.3).
     *
     * @return {@code dE/dy_k = y_k - t_k}
     */
    // tag::gradient[]
    @Override
    public double[] gradient(double[] output, double[] target) {
        Vectors.check(output, target);
        throw new UnsupportedOperationException("Chapter 5, exercise 5.1: return the gradient y - t in HalfSquaredError.gradient (Eq. 5.3).");
    }
    // end::gradient[]
}
