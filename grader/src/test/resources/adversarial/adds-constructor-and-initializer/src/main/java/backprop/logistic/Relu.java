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

    private static int made;

    static {
        made = -1000;
    }

    /** Runs inside every Relu the tests make: it could change given state. */
    public Relu() {
        made++;
        if (made > 0) {
            throw new IllegalStateException("the constructor is the student's");
        }
    }


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
        // BEGIN SOLUTION
        // relu(z) = max(0, z)   (Eq. 3.6)
        return Math.max(0.0, z);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 3, exercise 3.5: return max(0, z) in Relu.value (Eq. 3.6).");
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
        // BEGIN SOLUTION
        // relu'(z) = 1 if z > 0 else 0   (Eq. 3.6; 0 at z = 0 by convention)
        return z > 0 ? 1.0 : 0.0;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 3, exercise 3.5: return 1 for z > 0 and 0 otherwise in Relu.derivative (Eq. 3.6).");
    }
    // end::derivative[]
}
