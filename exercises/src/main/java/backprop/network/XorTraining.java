package backprop.network;

import backprop.common.Require;
import java.util.List;

/**
 * Training a network on XOR, chapter 4: the function a single layer cannot learn (chapter 2),
 * learned by a network with one hidden layer.
 */
public final class XorTraining {

    /** The four inputs of XOR, in the order training visits them. Do not modify the arrays. */
    public static final List<double[]> INPUTS = List.of(
            new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0}, new double[] {1, 1});

    /** The targets of the four inputs: 1 where exactly one input is 1. Do not modify the arrays. */
    public static final List<double[]> TARGETS = List.of(
            new double[] {0}, new double[] {1}, new double[] {1}, new double[] {0});

    private XorTraining() {
    }

    /**
     * The result of a training run. Given code.
     *
     * @param network the network after the last epoch
     * @param epochLosses for each epoch, the mean error over the four rows, each measured before
     *     that row's update
     */
    public record TrainingRun(Network network, double[] epochLosses) {

        public TrainingRun {
            Require.notNull(network, "network");
            epochLosses = Require.notNull(epochLosses, "epochLosses").clone();
        }

        /** A copy of the losses, one per epoch. */
        @Override
        public double[] epochLosses() {
            return epochLosses.clone();
        }
    }

    /**
     * Exercise 4.7 of chapter 4: online training on XOR.
     *
     * <p>Each epoch visits the four rows of {@link #INPUTS} in order; for each row it runs the
     * forward pass (Eq. 4.1), computes the gradients (Eq. 4.6) and takes one step (Eq. 4.7) before
     * the next row. {@code epochLosses[e]} is the mean of {@code 1/2 ||o - t||^2} over the four
     * rows during epoch {@code e}, each measured in its forward pass, before its update.
     *
     * @param start the network to start from, with 2 inputs and 1 output
     * @param learningRate the step size eta, greater than 0
     * @param epochs the number of passes over the four rows, not negative
     * @return the trained network and the loss of each epoch
     */
    // tag::train[]
    public static TrainingRun train(Network start, double learningRate, int epochs) {
        check(start, learningRate, epochs);
        throw new UnsupportedOperationException("Chapter 4, exercise 4.7: train online on the four XOR rows (forward, gradients, update per row) and record each epoch's mean loss in XorTraining.train (Eq. 4.7).");
    }
    // end::train[]


    private static void check(Network start, double learningRate, int epochs) {
        Require.notNull(start, "start");
        if (start.inputs() != 2 || start.outputs() != 1) {
            throw new IllegalArgumentException("start has " + Shapes.count(start.inputs(), "input", "inputs")
                    + " and " + Shapes.count(start.outputs(), "output", "outputs")
                    + " but XOR needs 2 inputs and 1 output");
        }
        Require.learningRate(learningRate);
        Require.nonNegative(epochs, "epochs");
    }
}
