package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/**
 * The rectified linear unit of chapter 3, Eq. (3.6): {@code relu(z) = max(0, z)}.
 *
 * <p>ReLU has a kink at {@code z = 0}, where it has no derivative: the slope is 0 on the left
 * and 1 on the right. Backpropagation still works because it only needs some value there; this
 * course uses the common convention {@code relu'(0) = 0}.
 */
public final class Relu implements Activation {

    /**
     * Chapter 3, exercise 3.5: ReLU, Eq. (3.6).
     *
     * @param z the net input, finite
     * @return {@code max(0, z)}
     */
    // tag::value[]
    @Override
    public double value(double z) {
        Require.finite(z, "z");
        throw new UnsupportedOperationException("Chapter 3, exercise 3.5: return max(0, z) in Relu.value (Eq. 3.6).");
    }
    // end::value[]

    /**
     * Chapter 3, exercise 3.5: the derivative of ReLU, Eq. (3.6): 1 for {@code z > 0}, else 0.
     *
     * <p>At {@code z = 0} ReLU is not differentiable; returning 0 there is a convention (any value
     * between 0 and 1 would be a valid subgradient), not a mathematical fact.
     *
     * @param z the net input, finite
     * @return 1 if {@code z > 0}, otherwise 0 (also at {@code z = 0})
     */
    // tag::derivative[]
    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        throw new UnsupportedOperationException("Chapter 3, exercise 3.5: return 1 for z > 0 and 0 otherwise in Relu.derivative (Eq. 3.6).");
    }
    // end::derivative[]
}
