package backprop.loss;

import java.util.ArrayList;
import java.util.List;

/**
 * The loss over a batch of n examples, chapter 5, under assumption 1: the loss is the average of
 * the per-example losses, Eq. (5.1), so its gradient is the average of their gradients, Eq. (5.2).
 */
public final class BatchLoss {

    private BatchLoss() {
    }

    /**
     * Exercise 5.4 of chapter 5: the average loss over a batch, Eq. (5.1):
     * {@code E = 1/n sum_x E_x}. For the half squared error this is Eq. (5.4),
     * {@code E = 1/(2n) sum_x ||y(x) - y'(x)||^2}.
     *
     * @param loss the per-example loss E_x
     * @param outputs the network's outputs, one array per example
     * @param targets the targets, one array per example, in the same order
     * @return the average loss
     * @throws IllegalArgumentException if the batch is empty or the lists differ in size
     */
    // tag::average[]
    public static double average(Loss loss, List<double[]> outputs, List<double[]> targets) {
        Vectors.checkBatch(loss, outputs, targets);
        throw new UnsupportedOperationException("Chapter 5, exercise 5.4: return E = 1/n sum_x E_x in BatchLoss.average (Eq. 5.1).");
    }
    // end::average[]

    /**
     * Exercise 5.5 of chapter 5: the gradient of the average loss with respect to each example's
     * outputs, Eq. (5.2): {@code dE/dy(x) = 1/n grad E_x}.
     *
     * <p>Only example x's loss depends on y(x), so its gradient is that example's own gradient,
     * scaled by the 1/n of the average.
     *
     * @return one gradient per example, shaped like its outputs
     * @throws IllegalArgumentException if the batch is empty or the lists differ in size
     */
    // tag::gradient[]
    public static List<double[]> gradient(Loss loss, List<double[]> outputs, List<double[]> targets) {
        Vectors.checkBatch(loss, outputs, targets);
        throw new UnsupportedOperationException("Chapter 5, exercise 5.5: return dE/dy(x) = (1/n) grad E_x for every example in BatchLoss.gradient (Eq. 5.2).");
    }
    // end::gradient[]
}
