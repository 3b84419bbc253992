package backprop.training;

import backprop.common.Require;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Mini-batch stochastic gradient descent, chapter 6: one step per batch, one epoch per pass over
 * the shuffled training set.
 */
public final class Sgd {

    private Sgd() {
    }

    /**
     * Exercise 6.7 of chapter 6: one gradient-descent step on one mini-batch, Eq. (6.8).
     *
     * <p>The forward pass (exercise 6.2); the output deltas, Eq. (6.3) for a sigmoid output with
     * the half squared error or Eq. (6.4) for softmax with cross-entropy, as
     * {@code network.output()} says; the inner deltas from the back to the front, Eq. (6.5),
     * with the weights of the forward pass; the gradients of every layer, Eq. (6.6) and (6.7);
     * and only then the update of every layer,
     * {@code W_l <- W_l - eta dE/dW_l} and {@code b_l <- b_l - eta dE/db_l}. The network changes
     * in place.
     *
     * @param network the network, changed in place
     * @param pass a pass for {@code network} with the batch in {@code input()} and its targets in {@code targets()}
     * @param learningRate the step size eta, greater than 0
     * @throws IllegalArgumentException if the pass does not fit the network or the rate is not positive
     */
    // tag::step[]
    public static void step(MatrixNetwork network, Pass pass, double learningRate) {
        checkStep(network, pass, learningRate);
        throw new UnsupportedOperationException("Chapter 6, exercise 6.7: run the forward pass, the output and inner deltas, every layer's gradients, then W_l <- W_l - eta dE/dW_l and b_l <- b_l - eta dE/db_l in Sgd.step (Eq. 6.8).");
    }
    // end::step[]

    /**
     * Exercise 6.8 of chapter 6: one epoch of mini-batch SGD, every example used once.
     *
     * <p>First the order of the examples: {@link #shuffle(int, Random)} with {@code rng}, once per
     * epoch. Then the batches in that order: positions {@code 0 .. batchSize - 1}, then
     * {@code batchSize .. 2 batchSize - 1}, and so on; the last batch holds what is left and may be
     * smaller. For each batch, {@link DataSet#batch(int[], int, Matrix, Matrix)} copies it into a
     * {@link Pass} of its size, and {@link #step(MatrixNetwork, Pass, double)} takes one step.
     * Make one pass for the full batches and, if needed, one for the last, not one per batch.
     *
     * @param network the network, changed in place
     * @param data the training set, with as many inputs and classes as the network has inputs and outputs
     * @param batchSize the examples per batch, at least 1
     * @param learningRate the step size eta, greater than 0
     * @param rng the source of the shuffle
     * @throws IllegalArgumentException if the data does not fit the network or an argument is out of range
     */
    // tag::epoch[]
    public static void epoch(MatrixNetwork network, DataSet data, int batchSize, double learningRate, Random rng) {
        checkEpoch(network, data, batchSize, learningRate, rng);
        throw new UnsupportedOperationException("Chapter 6, exercise 6.8: shuffle the examples with Sgd.shuffle, then take one Sgd.step per batch of batchSize examples in that order in Sgd.epoch.");
    }
    // end::epoch[]

    /**
     * The order of an epoch: {@code 0 .. n-1} shuffled by Fisher-Yates, for {@code i = n-1} down to
     * 1 swapping entry i with entry {@code rng.nextInt(i + 1)}. Given code.
     */
    // tag::shuffle[]
    public static int[] shuffle(int n, Random rng) {
        Require.atLeast(n, 1, "n");
        Require.notNull(rng, "rng");
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
    // end::shuffle[]

    /**
     * Trains for {@code epochs} epochs and returns the test accuracy after each. Given code.
     *
     * @param afterEpoch called with the number of epochs done after each one (a progress bar, say); may be null
     * @return {@code accuracy[e]} after epoch {@code e + 1}
     */
    public static double[] train(MatrixNetwork network, DataSet train, DataSet test, int epochs, int batchSize,
            double learningRate, Random rng, IntConsumer afterEpoch) {
        Require.nonNegative(epochs, "epochs");
        // everything is checked before the first epoch changes the network, and even for 0 epochs
        checkEpoch(network, train, batchSize, learningRate, rng);
        Require.notNull(test, "test");
        Evaluation.checkFits(network, test);
        double[] accuracy = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            epoch(network, train, batchSize, learningRate, rng);
            accuracy[e] = Evaluation.accuracy(network, test);
            if (afterEpoch != null) {
                afterEpoch.accept(e + 1);
            }
        }
        return accuracy;
    }

    private static void checkStep(MatrixNetwork network, Pass pass, double learningRate) {
        Require.notNull(network, "network");
        Require.notNull(pass, "pass");
        Require.learningRate(learningRate);
        pass.requireFits(network);
        Sizes.finite(pass.targets(), "pass.targets()");
    }

    private static void checkEpoch(MatrixNetwork network, DataSet data, int batchSize, double learningRate, Random rng) {
        Require.notNull(network, "network");
        Require.notNull(data, "data");
        Require.notNull(rng, "rng");
        Require.atLeast(batchSize, 1, "batchSize");
        Require.learningRate(learningRate);
        Evaluation.checkFits(network, data);
    }
}
