package backprop.loss;

import java.util.ArrayList;
import java.util.List;

/**
 * The worst-case loss of chapter 5, Eq. (5.8): {@code E_max = max_x E_x}, the loss of the batch's
 * worst example.
 *
 * <p>It breaks assumption 1: it is not an average {@code 1/n sum_x E_x} of per-example losses.
 * So its gradient is not the average of the per-example gradients, Eq. (5.2) does not hold, and
 * backpropagating one example at a time and averaging gives the wrong direction. Its gradient
 * is the worst example's own gradient, and zero for every other example, whose outputs do not
 * change {@code E_max} as long as they stay below the worst (at a tie the maximum has no
 * derivative; this class then takes the first of the tied examples).
 */
public final class WorstCaseLoss {

    private WorstCaseLoss() {
    }

    /**
     * Exercise 5.6 of chapter 5: the loss of the worst example, Eq. (5.8).
     *
     * @param loss the per-example loss E_x
     * @param outputs the network's outputs, one array per example
     * @param targets the targets, one array per example
     * @return {@code max_x E_x}
     * @throws IllegalArgumentException if the batch is empty or the lists differ in size
     */
    // tag::value[]
    public static double value(Loss loss, List<double[]> outputs, List<double[]> targets) {
        Vectors.checkBatch(loss, outputs, targets);
        // BEGIN SOLUTION
        int worst = worst(loss, outputs, targets);
        // E_max = max_x E_x   (Eq. 5.8)
        return loss.value(outputs.get(worst), targets.get(worst));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 5, exercise 5.6: return E_max = max_x E_x in WorstCaseLoss.value (Eq. 5.8).");
    }
    // end::value[]

    /**
     * Exercise 5.6 of chapter 5: the gradient of the worst-case loss, Eq. (5.8), with respect to
     * each example's outputs.
     *
     * <p>Not an average of per-example gradients: the worst example gets its full gradient
     * {@code grad E_x} (no factor 1/n), every other example zeros. At a tie the first of the
     * worst examples is taken.
     *
     * @return one gradient per example, shaped like its outputs
     * @throws IllegalArgumentException if the batch is empty or the lists differ in size
     */
    // tag::gradient[]
    public static List<double[]> gradient(Loss loss, List<double[]> outputs, List<double[]> targets) {
        Vectors.checkBatch(loss, outputs, targets);
        // BEGIN SOLUTION
        int worst = worst(loss, outputs, targets);
        List<double[]> gradients = new ArrayList<>(outputs.size());
        for (int x = 0; x < outputs.size(); x++) {
            // dE_max/dy(x) = grad E_x for the worst x, 0 for the others   (Eq. 5.8)
            gradients.add(x == worst ? loss.gradient(outputs.get(x), targets.get(x))
                    : new double[outputs.get(x).length]);
        }
        return gradients;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 5, exercise 5.6: return the worst example's gradient and zeros for the others in WorstCaseLoss.gradient (Eq. 5.8).");
    }
    // end::gradient[]

    // BEGIN SOLUTION
    /** The index of the example with the largest loss; the first one at a tie. */
    private static int worst(Loss loss, List<double[]> outputs, List<double[]> targets) {
        int worst = 0;
        double largest = loss.value(outputs.get(0), targets.get(0));
        for (int x = 1; x < outputs.size(); x++) {
            double e = loss.value(outputs.get(x), targets.get(x));
            if (e > largest) {
                worst = x;
                largest = e;
            }
        }
        return worst;
    }
    // END SOLUTION
}
