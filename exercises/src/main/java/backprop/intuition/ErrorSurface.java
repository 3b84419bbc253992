package backprop.intuition;

import backprop.common.Require;
import java.util.List;

/**
 * The error of chapter 1 sampled on a square grid of weights, ready to draw as a heat map.
 *
 * <p>{@code error[i][j]} is the mean error of Eq. (1.4) for the neuron with
 * {@code w1 = w1Values[i]} and {@code w2 = w2Values[j]}.
 *
 * @param w1Values the grid's values of w1, ascending
 * @param w2Values the grid's values of w2, ascending
 * @param error the mean squared error at each grid point
 */
public record ErrorSurface(double[] w1Values, double[] w2Values, double[][] error) {

    public ErrorSurface {
        w1Values = increasing(Require.finite(w1Values, "w1Values").clone(), "w1Values");
        w2Values = increasing(Require.finite(w2Values, "w2Values").clone(), "w2Values");
        error = copy(Require.matrix(error, "error"));
        if (error.length != w1Values.length || error[0].length != w2Values.length) {
            throw new IllegalArgumentException("error is " + error.length + " x " + error[0].length
                    + " but the grid is " + w1Values.length + " x " + w2Values.length);
        }
    }

    /** A copy of the w1 values. */
    @Override
    public double[] w1Values() {
        return w1Values.clone();
    }

    /** A copy of the w2 values. */
    @Override
    public double[] w2Values() {
        return w2Values.clone();
    }

    /** A copy of the error grid. */
    @Override
    public double[][] error() {
        return copy(error);
    }

    /**
     * Exercise 1.4: sample the mean error, Eq. (1.4) of chapter 1, on a grid.
     *
     * <p>Both weights take the {@code steps} evenly spaced values from {@code from} to {@code to},
     * both ends included: {@code from + k (to - from) / (steps - 1)} for {@code k = 0 .. steps-1}.
     *
     * @param cases the training cases the error is averaged over
     * @param from the smallest weight on the grid
     * @param to the largest weight on the grid
     * @param steps how many values each weight takes, at least 2
     * @return the sampled surface
     */
    // tag::sample[]
    public static ErrorSurface sample(List<TrainingCase> cases, double from, double to, int steps) {
        checkGrid(cases, from, to, steps);
        throw new UnsupportedOperationException("Chapter 1, exercise 1.4: sample the mean error of Eq. 1.4 on a steps x steps grid in ErrorSurface.sample.");
    }
    // end::sample[]


    private static void checkGrid(List<TrainingCase> cases, double from, double to, int steps) {
        Require.nonEmpty(cases, "cases");
        Require.finite(from, "from");
        Require.finite(to, "to");
        Require.atLeast(steps, 2, "steps");
        if (!(from < to)) {
            throw new IllegalArgumentException("from must be less than to but the range was ["
                    + from + ", " + to + "]");
        }
        if (!Double.isFinite(to - from)) {
            throw new IllegalArgumentException("the range [" + from + ", " + to + "] is too wide: to - from overflows a double");
        }
    }

    private static double[] increasing(double[] axis, String name) {
        for (int k = 1; k < axis.length; k++) {
            if (!(axis[k] > axis[k - 1])) {
                throw new IllegalArgumentException(name + " must increase along the axis, but " + name + "[" + k + "] = " + axis[k]
                        + " follows " + name + "[" + (k - 1) + "] = " + axis[k - 1]);
            }
        }
        return axis;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
