package backprop.autodiff;

import backprop.common.Require;
import backprop.network.XorTraining;
import java.util.List;

/**
 * Training a network of value nodes on XOR, chapter 7: chapter 4's online training, with the
 * gradients from the backward pass of the graph instead of the recursive deltas.
 */
public final class EngineTraining {

    private EngineTraining() {
    }

    /**
     * Exercise 7.10 of chapter 7: online gradient descent on XOR with the engine.
     *
     * <p>Each epoch visits the four rows of {@code XorTraining.INPUTS} in order. For each row:
     * build the loss {@code E = 1/2 (o - t)^2} with {@link Mlp#loss(double[], double[])}, run
     * {@link Graph#backward(Value)}, and change every parameter by {@code -learningRate dE/dw},
     * Eq. (4.7), before the next row. {@code result[e]} is the mean loss of the four rows in epoch
     * e, each measured before its update. Changes the parameters of {@code mlp}.
     *
     * @param mlp the network to train, with 2 inputs and 1 output; its parameters change
     * @param learningRate the step size eta, greater than 0
     * @param epochs the number of passes over the four rows, not negative
     * @return the mean loss of each epoch
     */
    // tag::train[]
    public static double[] train(Mlp mlp, double learningRate, int epochs) {
        check(mlp, learningRate, epochs);
        throw new UnsupportedOperationException("Chapter 7, exercise 7.10: for each XOR row build the loss, run Graph.backward and step every parameter by -learningRate * gradient, recording each epoch's mean loss, in EngineTraining.train (Eq. 4.7).");
    }
    // end::train[]

    private static void check(Mlp mlp, double learningRate, int epochs) {
        Require.notNull(mlp, "mlp");
        if (mlp.inputs() != 2 || mlp.outputs() != 1) {
            throw new IllegalArgumentException("mlp has " + Mlp.count(mlp.inputs(), "input", "inputs") + " and "
                    + Mlp.count(mlp.outputs(), "output", "outputs") + " but XOR needs 2 inputs and 1 output");
        }
        Require.learningRate(learningRate);
        Require.nonNegative(epochs, "epochs");
    }
}
