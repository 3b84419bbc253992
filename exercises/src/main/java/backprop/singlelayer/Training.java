package backprop.singlelayer;

import backprop.common.Require;
import java.util.List;

/**
 * Training one neuron by online gradient descent, chapter 2.
 */
public final class Training {

    private Training() {
    }

    /**
     * Chapter 2, exercise 2.6: online gradient descent. For each of the {@code epochs} passes,
     * visit the examples in list order and, for each, compute the gradient of its half squared
     * error, Eq. (2.3), and take one step, Eq. (2.7).
     *
     * @param start the neuron to start from
     * @param examples the training set, in the order the examples are visited
     * @param learningRate eta, finite and greater than 0
     * @param epochs the number of passes over the examples; 0 returns {@code start}
     * @return the trained neuron
     */
    // tag::train[]
    public static Neuron train(Neuron start, List<Example> examples, double learningRate, int epochs) {
        checkTraining(start, examples, learningRate, epochs);
        throw new UnsupportedOperationException("Chapter 2, exercise 2.6: update the neuron once per example, in list order, for the given number of epochs in Training.train (Eq. 2.7).");
    }
    // end::train[]

    /**
     * How many examples the neuron gets right, for targets 0 and 1: an output counts as right
     * when it lies on the target's side of 0.5, that is closer to the target than 0.5. An output
     * of exactly 0.5 is right for neither target. Given code.
     */
    // tag::correct[]
    public static int correct(Neuron neuron, List<Example> examples) {
        checkExamples(neuron, "neuron", examples);
        int right = 0;
        for (Example example : examples) {
            if (Math.abs(neuron.output(example.inputs()) - example.target()) < 0.5) {
                right++;
            }
        }
        return right;
    }
    // end::correct[]

    private static void checkTraining(Neuron start, List<Example> examples, double learningRate, int epochs) {
        checkExamples(start, "start", examples);
        Require.learningRate(learningRate);
        Require.nonNegative(epochs, "epochs");
    }

    private static void checkExamples(Neuron neuron, String name, List<Example> examples) {
        Require.notNull(neuron, name);
        Require.nonEmpty(examples, "examples");
        for (int i = 0; i < examples.size(); i++) {
            int n = examples.get(i).inputs().length;
            if (n != neuron.inputs()) {
                throw new IllegalArgumentException("examples[" + i + "] has " + n + " inputs but the neuron has "
                        + neuron.inputs() + " weights");
            }
        }
    }
}
