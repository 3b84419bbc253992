package backprop.training;

import backprop.common.Require;

/**
 * How well a network classifies, chapter 6: its predictions, their accuracy, and the confusion
 * matrix.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Exercise 6.9 of chapter 6: the class the network predicts for each row of {@code x}: the
     * index of the largest output, the first one at a tie.
     *
     * <p>Copy {@code x} into the input of a {@link Pass} with as many rows and run
     * {@link MatrixForm#forward(MatrixNetwork, Pass)}.
     *
     * @param network the network
     * @param x the inputs, one example per row, as many columns as the network has inputs
     * @return one predicted class per row
     */
    // tag::predict[]
    public static int[] predict(MatrixNetwork network, Matrix x) {
        Require.notNull(network, "network");
        Sizes.columns(x, "x", network.inputs(), () -> "the network has " + Sizes.count(network.inputs(), "input", "inputs"));
        Sizes.finite(x, "x");
        throw new UnsupportedOperationException("Chapter 6, exercise 6.9: run the forward pass of x and return the index of each row's largest output in Evaluation.predict (Eq. 6.10).");
    }
    // end::predict[]

    /**
     * Exercise 6.9 of chapter 6: the fraction of examples whose predicted class is their label,
     * Eq. (6.10): {@code accuracy = 1/n #{x : argmax_k o_xk = label_x}}.
     *
     * @param network the network
     * @param data the examples, with as many inputs and classes as the network has inputs and outputs
     * @return a number from 0 to 1
     */
    // tag::accuracy[]
    public static double accuracy(MatrixNetwork network, DataSet data) {
        checkFits(network, data);
        throw new UnsupportedOperationException("Chapter 6, exercise 6.9: return the fraction of examples whose predicted class is their label in Evaluation.accuracy (Eq. 6.10).");
    }
    // end::accuracy[]

    /**
     * The confusion matrix: {@code counts[label][predicted]} examples of class {@code label} were
     * predicted as {@code predicted}. Given code.
     */
    public static int[][] confusion(int[] labels, int[] predicted, int classes) {
        Require.notNull(labels, "labels");
        Require.notNull(predicted, "predicted");
        Require.atLeast(classes, 1, "classes");
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but predicted has "
                    + predicted.length);
        }
        int[][] counts = new int[classes][classes];
        for (int x = 0; x < labels.length; x++) {
            if (labels[x] < 0 || labels[x] >= classes || predicted[x] < 0 || predicted[x] >= classes) {
                throw new IllegalArgumentException("example " + x + " has label " + labels[x] + " and prediction "
                        + predicted[x] + ", not both classes 0 .. " + (classes - 1));
            }
            counts[labels[x]][predicted[x]]++;
        }
        return counts;
    }

    /** The data must have the network's inputs and one class per output. */
    static void checkFits(MatrixNetwork network, DataSet data) {
        Require.notNull(network, "network");
        Require.notNull(data, "data");
        if (data.features() != network.inputs()) {
            throw new IllegalArgumentException(data.name() + " has " + Sizes.count(data.features(), "input", "inputs")
                    + " but the network has " + network.inputs());
        }
        if (data.classes() != network.outputs()) {
            throw new IllegalArgumentException(data.name() + " has " + Sizes.count(data.classes(), "class", "classes")
                    + " but the network has " + Sizes.count(network.outputs(), "output", "outputs"));
        }
    }
}
