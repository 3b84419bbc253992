package backprop.loss;

import backprop.common.Require;

/**
 * Softmax followed by the categorical cross-entropy, chapter 5: the loss for classification.
 *
 * <p>The output y of the network is here the vector of logits z (the net inputs of the last layer,
 * with no activation); softmax turns them into probabilities p, Eq. (5.5), and the loss compares
 * p with the target distribution t, Eq. (5.6). The target is a probability vector: entries in
 * [0, 1] that sum to 1, usually one-hot (a 1 for the correct class).
 */
public final class SoftmaxCrossEntropy implements Loss {

    /** How far the target's sum may lie from 1. */
    static final double SUM_TOLERANCE = 1e-9;

    /**
     * Exercise 5.2 of chapter 5: softmax, computed stably, Eq. (5.5):
     * {@code p_k = e^(z_k - m) / sum_i e^(z_i - m)} with {@code m = max_i z_i}.
     *
     * <p>Subtracting m changes nothing mathematically but keeps every exponent at most 0, so
     * {@code e^800} never overflows.
     *
     * @param z the logits, at least one, all finite
     * @return the probabilities p, positive or 0 and summing to 1
     */
    // tag::softmax[]
    public static double[] softmax(double[] z) {
        checkLogits(z);
        throw new UnsupportedOperationException("Chapter 5, exercise 5.2: return p_k = e^(z_k - m) / sum_i e^(z_i - m) with m = max z in SoftmaxCrossEntropy.softmax (Eq. 5.5).");
    }
    // end::softmax[]

    /**
     * Exercise 5.3 of chapter 5: the cross-entropy of softmax(z) against the target, Eq. (5.6):
     * {@code E = -sum_k t_k log p_k}.
     *
     * <p>Computed without forming {@code log p_k} from a p that may have underflowed to 0:
     * {@code log p_k = (z_k - m) - log sum_i e^(z_i - m)} with {@code m = max z}, in that order,
     * so that the logarithm is not lost in rounding when it is added to a large m. An entry with
     * {@code t_k = 0} adds nothing and is left out, even where {@code m - z_k} overflows.
     *
     * @param output the logits z
     * @param target a probability vector, as long as z
     * @return the cross-entropy, at least 0
     */
    // tag::value[]
    @Override
    public double value(double[] output, double[] target) {
        check(output, target);
        throw new UnsupportedOperationException("Chapter 5, exercise 5.3: return -sum_k t_k log p_k with log p_k = (z_k - m) - log sum_i e^(z_i - m), skipping t_k = 0, in SoftmaxCrossEntropy.value (Eq. 5.6).");
    }
    // end::value[]

    /**
     * Exercise 5.3 of chapter 5: the gradient of the cross-entropy with respect to the logits,
     * Eq. (5.7): {@code dE/dz_k = p_k - t_k}.
     *
     * @param output the logits z
     * @param target a probability vector, as long as z
     * @return {@code softmax(z) - t}
     */
    // tag::gradient[]
    @Override
    public double[] gradient(double[] output, double[] target) {
        check(output, target);
        throw new UnsupportedOperationException("Chapter 5, exercise 5.3: return dE/dz_k = p_k - t_k in SoftmaxCrossEntropy.gradient (Eq. 5.7).");
    }
    // end::gradient[]


    private static void checkLogits(double[] z) {
        Require.finite(z, "z");
        if (z.length == 0) {
            throw new IllegalArgumentException("z is empty; it needs at least one entry");
        }
    }

    private static void check(double[] output, double[] target) {
        Vectors.check(output, target);
        double sum = 0;
        for (int k = 0; k < target.length; k++) {
            if (target[k] < 0 || target[k] > 1) {
                throw new IllegalArgumentException("target[" + k + "] must lie in [0, 1] but was " + target[k]);
            }
            sum += target[k];
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("target must sum to 1 (a probability vector) but sums to " + sum);
        }
    }
}
