package backprop.network;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A numerical check of the whole network's gradients, chapter 4.
 *
 * <p>Backpropagation is easy to get almost right. The check nudges one weight at a time, measures
 * how the error {@code E = 1/2 ||o - t||^2} changes, and compares that slope with the gradient
 * that backpropagation computed, Eq. (4.8) entry by entry and Eq. (4.9) against the largest entry,
 * which decides ({@link #agree}).
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /**
     * Exercise 4.6 of chapter 4: estimate every {@code dE/dw_ij} and {@code dE/db_j} of
     * {@code E = 1/2 ||o - t||^2} with the central difference of Eq. (3.5), chapter 3:
     * {@code dE/dw ~ (E(w + h) - E(w - h)) / 2h}, changing one weight or bias and keeping all
     * others.
     *
     * @param network the network
     * @param input the input x
     * @param targets the targets t
     * @param h the step, greater than 0 (about 1e-6 works well)
     * @return the estimated gradients, shaped like the network
     * @throws IllegalArgumentException if the shapes do not fit or h is not positive
     */
    // tag::numericalGradients[]
    public static Gradients numericalGradients(Network network, double[] input, double[] targets, double h) {
        check(network, input, targets, h);
        throw new UnsupportedOperationException("Chapter 4, exercise 4.6: estimate every dE/dw_ij and dE/db_j by (E(w + h) - E(w - h)) / 2h in GradientCheck.numericalGradients (Eq. 3.5).");
    }
    // end::numericalGradients[]


    /**
     * The largest relative error between two gradients of the same network, Eq. (4.8):
     * {@code rel = |g - g~| / max(|g|, |g~|)} over every weight and bias, where two entries that
     * are both zero count as agreeing exactly. Given code.
     *
     * <p>Entry by entry, this is a strict measure: an entry that is tiny compared with the rest of
     * the gradient (a weight deep in a stack of logistic layers, say) carries the same absolute
     * rounding error of the central difference as a large one, so its relative error can reach
     * 1e-5 or more although the code is right. Decide with {@link #agree}, not with this number.
     *
     * @return the largest relative error, 0 if the gradients are equal
     * @throws IllegalArgumentException if the gradients are shaped differently
     */
    // tag::maxRelativeError[]
    public static double maxRelativeError(Gradients a, Gradients b) {
        Require.notNull(a, "a");
        Require.notNull(b, "b");
        Shapes.sameShape(b.shape(), "b", a.shape(), "a");
        List<double[][]> aw = a.weights();
        List<double[][]> bw = b.weights();
        List<double[]> ab = a.biases();
        List<double[]> bb = b.biases();
        double worst = 0;
        for (int l = 0; l < aw.size(); l++) {
            for (int j = 0; j < ab.get(l).length; j++) {
                for (int i = 0; i < aw.get(l).length; i++) {
                    worst = Math.max(worst, relativeError(aw.get(l)[i][j], bw.get(l)[i][j]));
                }
                worst = Math.max(worst, relativeError(ab.get(l)[j], bb.get(l)[j]));
            }
        }
        return worst;
    }
    // end::maxRelativeError[]

    /**
     * The tolerance of {@link #agree} for {@link #maxScaledError}. Measured with {@code h = 1e-6}
     * on {@code Network.random} logistic networks from 2-2-1 to 5-8-8-8-8-8-3, 200 seeds each
     * (chapter 4 quotes the build's own run): a correct backpropagation stays below 1e-8, and a
     * missing {@code phi'} in the first layer gives 1e-3 or more.
     */
    public static final double TOLERANCE = 1e-6;

    /**
     * The largest error between two gradients of the same network, relative to the largest entry
     * of either, Eq. (4.9): {@code max_k |g_k - g~_k| / max_k max(|g_k|, |g~_k|)} over every weight
     * and bias. Given code.
     *
     * <p>The central difference makes an absolute error of about {@code 1e-16 E / h} on every
     * entry, small and large alike; measured against the largest entry it stays near 1e-9 for
     * networks of any depth, while a wrong gradient shows errors of 1e-3 to 1.
     *
     * @return the scaled error, 0 if both gradients are zero
     * @throws IllegalArgumentException if the gradients are shaped differently
     */
    // tag::maxScaledError[]
    public static double maxScaledError(Gradients a, Gradients b) {
        Require.notNull(a, "a");
        Require.notNull(b, "b");
        Shapes.sameShape(b.shape(), "b", a.shape(), "a");
        double[] ga = flatten(a);
        double[] gb = flatten(b);
        double largest = 0;
        double worst = 0;
        for (int k = 0; k < ga.length; k++) {
            largest = Math.max(largest, Math.max(Math.abs(ga[k]), Math.abs(gb[k])));
            worst = Math.max(worst, Math.abs(ga[k] - gb[k]));
        }
        // scaled = max_k |g_k - g~_k| / max_k max(|g_k|, |g~_k|)   (Eq. 4.9)
        return largest == 0 ? worst : worst / largest;
    }
    // end::maxScaledError[]

    /**
     * Whether backpropagation's gradient and its numerical estimate agree: the scaled error of
     * Eq. (4.9) is at most {@link #TOLERANCE}. Given code.
     *
     * @param analytic the gradient from backpropagation
     * @param numeric its estimate from {@link #numericalGradients} with {@code h} about 1e-6
     * @throws IllegalArgumentException if the gradients are shaped differently
     */
    // tag::agree[]
    public static boolean agree(Gradients analytic, Gradients numeric) {
        double error = maxScaledError(analytic, numeric);
        // written so that a NaN (which Gradients never holds) could not count as agreement
        return error <= TOLERANCE;
    }
    // end::agree[]

    /** Every weight, then every bias, of each layer in turn, as one vector. */
    private static double[] flatten(Gradients g) {
        List<Double> all = new ArrayList<>();
        for (int l = 0; l < g.weights().size(); l++) {
            for (double[] row : g.weights().get(l)) {
                for (double v : row) {
                    all.add(v);
                }
            }
            for (double v : g.biases().get(l)) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // rel = |g - g~| / max(|g|, |g~|)   (Eq. 4.8)
    private static double relativeError(double g, double estimate) {
        double scale = Math.max(Math.abs(g), Math.abs(estimate));
        return scale == 0 ? 0 : Math.abs(g - estimate) / scale;
    }

    private static void check(Network network, double[] input, double[] targets, double h) {
        Require.notNull(network, "network");
        Shapes.vector(input, "input", network.inputs(),
                "the network has " + Shapes.count(network.inputs(), "input", "inputs"));
        Shapes.vector(targets, "targets", network.outputs(),
                "the network has " + Shapes.count(network.outputs(), "output", "outputs"));
        Require.positive(h, "h");
        // every parameter is moved by h: each must move, and stay finite
        for (int l = 0; l < network.layers().size(); l++) {
            Layer layer = network.layers().get(l);
            double[][] w = layer.weights();
            double[] b = layer.biases();
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    Require.step(w[i][j], "layer " + l + " weights[" + i + "][" + j + "]", h);
                }
            }
            for (int j = 0; j < b.length; j++) {
                Require.step(b[j], "layer " + l + " biases[" + j + "]", h);
            }
        }
    }
}
