package backprop.figures;

import backprop.logistic.Logistic;
import backprop.network.Backpropagation;
import backprop.network.ForwardPass;
import backprop.network.GradientCheck;
import backprop.network.Gradients;
import backprop.network.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The measurement behind chapter 4's rule for the gradient check: on {@code Network.random}
 * logistic networks of several depths, with {@code h = 1e-6}, how often the entry-wise relative
 * error of Eq. (4.8) stays at or below 1e-7, how large the scaled error of Eq. (4.9) gets for
 * the correct gradient, and how small it gets for a gradient that forgets {@code phi'} in the
 * first layer. The book quotes the numbers ({@code gc-*} in values.adoc).
 */
public final class GradientCheckStudy {

    /** The shapes, from the XOR network to a stack of five hidden layers. */
    static final int[][] SHAPES = {{2, 2, 1}, {3, 5, 4, 2}, {8, 6, 5, 4, 3}, {5, 8, 8, 8, 8, 8, 3}};
    static final int SEEDS = 200;
    static final double H = 1e-6;

    private GradientCheckStudy() {
    }

    /** One shape's results over all seeds. */
    record Result(int[] shape, int withinEntryWise, double worstCorrect, double mildestBug) {
    }

    static Result measure(int[] shape) {
        Logistic phi = new Logistic();
        int within = 0;
        double worst = 0;
        double mildest = Double.POSITIVE_INFINITY;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Random rng = new Random(seed);
            Network n = Network.random(rng, phi, shape);
            double[] x = new double[shape[0]];
            for (int k = 0; k < x.length; k++) {
                x[k] = rng.nextGaussian();
            }
            double[] t = new double[shape[shape.length - 1]];
            for (int k = 0; k < t.length; k++) {
                t[k] = rng.nextDouble();
            }
            ForwardPass pass = Backpropagation.forward(n, x);
            Gradients exact = Backpropagation.gradients(n, pass, t);
            Gradients numeric = GradientCheck.numericalGradients(n, x, t, H);
            within += GradientCheck.maxRelativeError(exact, numeric) <= 1e-7 ? 1 : 0;
            worst = Math.max(worst, GradientCheck.maxScaledError(exact, numeric));
            mildest = Math.min(mildest, GradientCheck.maxScaledError(withoutFirstSlope(exact, pass, phi), numeric));
        }
        return new Result(shape, within, worst, mildest);
    }

    /** The classic bug: the first layer's deltas without the factor phi'(net_j). */
    private static Gradients withoutFirstSlope(Gradients g, ForwardPass pass, Logistic phi) {
        double[] net = pass.netInputs().get(0);
        List<double[][]> w = new ArrayList<>(g.weights());
        List<double[]> b = new ArrayList<>(g.biases());
        double[][] first = w.get(0);
        double[] firstBias = b.get(0);
        for (int j = 0; j < net.length; j++) {
            double slope = phi.derivative(net[j]);
            firstBias[j] /= slope;
            for (double[] row : first) {
                row[j] /= slope;
            }
        }
        w.set(0, first);
        b.set(0, firstBias);
        return new Gradients(w, b);
    }

    /** The name of a shape as the book writes it: 3-5-4-2. */
    static String name(int[] shape) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < shape.length; k++) {
            s.append(k == 0 ? "" : "-").append(shape[k]);
        }
        return s.toString();
    }

    /**
     * The attributes the book quotes: gc-seeds, gc-within-SHAPE (seeds of gc-seeds whose
     * entry-wise error is at most 1e-7), gc-correct-exp (the power of ten below which the scaled
     * error of every correct gradient stays) and gc-bug-exp (the power of ten above which the
     * scaled error of every gradient without phi' lies).
     */
    static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("gc-seeds", String.valueOf(SEEDS));
        double worst = 0;
        double mildest = Double.POSITIVE_INFINITY;
        for (int[] shape : SHAPES) {
            Result r = measure(shape);
            values.put("gc-within-" + name(shape), String.valueOf(r.withinEntryWise()));
            worst = Math.max(worst, r.worstCorrect());
            mildest = Math.min(mildest, r.mildestBug());
        }
        values.put("gc-correct-exp", String.valueOf((int) Math.ceil(Math.log10(worst))));
        values.put("gc-bug-exp", String.valueOf((int) Math.floor(Math.log10(mildest))));
        return values;
    }
}
