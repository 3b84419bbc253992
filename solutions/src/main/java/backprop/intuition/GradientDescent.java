package backprop.intuition;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent on the error surface of chapter 1.
 *
 * <p>The error is the mean squared error over the training cases, Eq. (1.4); its gradient is
 * Eq. (1.5) and one step is Eq. (1.6).
 */
public final class GradientDescent {

    private GradientDescent() {
    }

    /**
     * Exercise 1.5: the gradient of the mean error with respect to the two weights, Eq. (1.5).
     *
     * @return {@code {dE/dw1, dE/dw2}}
     */
    // tag::gradient[]
    public static double[] gradient(LinearNeuron neuron, List<TrainingCase> cases) {
        Require.notNull(neuron, "neuron");
        Require.nonEmpty(cases, "cases");
        // BEGIN SOLUTION
        double dw1 = 0;
        double dw2 = 0;
        for (TrainingCase c : cases) {
            // dE/dy = 2 (y - t)   (Eq. 1.3)
            double dy = SquaredError.derivative(c.target(), neuron.output(c));
            dw1 += dy * c.x1();
            dw2 += dy * c.x2();
        }
        // dE/dw_k = 1/n sum_c 2 (y_c - t_c) x_kc   (Eq. 1.5)
        int n = cases.size();
        return new double[] {dw1 / n, dw2 / n};
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 1, exercise 1.5: return {dE/dw1, dE/dw2} of Eq. 1.5 in GradientDescent.gradient.");
    }
    // end::gradient[]

    /**
     * Exercise 1.6: one step downhill, Eq. (1.6): {@code w_k <- w_k - learningRate * dE/dw_k}.
     *
     * @return the neuron after the step; the argument is unchanged
     */
    // tag::step[]
    public static LinearNeuron step(LinearNeuron neuron, List<TrainingCase> cases, double learningRate) {
        Require.learningRate(learningRate);
        // BEGIN SOLUTION
        double[] g = gradient(neuron, cases);
        // w_k <- w_k - eta dE/dw_k   (Eq. 1.6)
        return new LinearNeuron(neuron.w1() - learningRate * g[0], neuron.w2() - learningRate * g[1]);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 1, exercise 1.6: take one step w_k - learningRate * dE/dw_k (Eq. 1.6) in GradientDescent.step.");
    }
    // end::step[]

    /**
     * Exercise 1.7: repeat {@link #step} and record the path.
     *
     * @return {@code steps + 1} neurons: the start, then the neuron after each step
     */
    // tag::fit[]
    public static List<LinearNeuron> fit(LinearNeuron start, List<TrainingCase> cases,
            double learningRate, int steps) {
        Require.notNull(start, "start");
        Require.nonEmpty(cases, "cases");
        Require.learningRate(learningRate);
        Require.nonNegative(steps, "steps");
        if (steps == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("steps must be less than " + Integer.MAX_VALUE + ": the path holds steps + 1 neurons");
        }
        // BEGIN SOLUTION
        List<LinearNeuron> path = new ArrayList<>(steps + 1);
        path.add(start);
        LinearNeuron current = start;
        for (int s = 0; s < steps; s++) {
            current = step(current, cases, learningRate);
            path.add(current);
        }
        return List.copyOf(path);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 1, exercise 1.7: call step repeatedly and return the path of steps + 1 neurons in GradientDescent.fit.");
    }
    // end::fit[]
}
