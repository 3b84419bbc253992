package backprop.testing;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * A feed-forward network as plain arrays, with chapter 4's forward pass, recursive deltas,
 * gradients and online step written out for the tests of chapter 7, so that those tests compare
 * the engine with numbers computed here and never with the student's chapter-4 code.
 *
 * @param w {@code w[l][i][j]}, the weight from input i to neuron j of layer l
 * @param b {@code b[l][j]}
 * @param phi the activation
 * @param slope its derivative, at the net input
 */
public record PlainBackprop(double[][][] w, double[][] b, DoubleUnaryOperator phi, DoubleUnaryOperator slope) {

    /** The logistic function and its derivative. */
    public static PlainBackprop logistic(double[][][] w, double[][] b) {
        return new PlainBackprop(w, b, Numeric::logistic, z -> Numeric.logistic(z) * (1 - Numeric.logistic(z)));
    }

    /** A logistic network with the random weights of {@link #withRandomWeights(long, int...)}. */
    public static PlainBackprop logistic(long seed, int... sizes) {
        return logistic(null, null).withRandomWeights(seed, sizes);
    }

    /** A tanh network with the random weights of {@link #withRandomWeights(long, int...)}. */
    public static PlainBackprop tanh(long seed, int... sizes) {
        return tanh(null, null).withRandomWeights(seed, sizes);
    }

    /** tanh and 1 - tanh^2. */
    public static PlainBackprop tanh(double[][][] w, double[][] b) {
        return new PlainBackprop(w, b, Math::tanh, z -> 1 - Math.tanh(z) * Math.tanh(z));
    }

    /**
     * A network with the weights and biases that chapter 4's {@code Network.random} draws: layer
     * by layer, each layer's weights row by row, then its biases, each {@code 2 rng.nextDouble() - 1}.
     */
    public PlainBackprop withRandomWeights(long seed, int... sizes) {
        Random rng = new Random(seed);
        double[][][] w2 = new double[sizes.length - 1][][];
        double[][] b2 = new double[sizes.length - 1][];
        for (int l = 0; l < w2.length; l++) {
            w2[l] = new double[sizes[l]][sizes[l + 1]];
            for (double[] row : w2[l]) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 2 * rng.nextDouble() - 1;
                }
            }
            b2[l] = new double[sizes[l + 1]];
            for (int j = 0; j < b2[l].length; j++) {
                b2[l][j] = 2 * rng.nextDouble() - 1;
            }
        }
        return new PlainBackprop(w2, b2, phi, slope);
    }

    /** {nets, outputs}: {@code nets[l][j]}, and {@code outputs[0] = x}, {@code outputs[l + 1][j]}. */
    public double[][][] forward(double[] x) {
        double[][] nets = new double[w.length][];
        double[][] o = new double[w.length + 1][];
        o[0] = x.clone();
        for (int l = 0; l < w.length; l++) {
            nets[l] = new double[b[l].length];
            o[l + 1] = new double[b[l].length];
            for (int j = 0; j < b[l].length; j++) {
                double net = b[l][j];
                for (int i = 0; i < o[l].length; i++) {
                    net += w[l][i][j] * o[l][i];
                }
                nets[l][j] = net;
                o[l + 1][j] = phi.applyAsDouble(net);
            }
        }
        return new double[][][] {nets, o};
    }

    /** The network's outputs. */
    public double[] output(double[] x) {
        double[][] o = forward(x)[1];
        return o[o.length - 1];
    }

    /** E = 1/2 ||o - t||^2. */
    public double error(double[] x, double[] t) {
        double[] o = output(x);
        double e = 0;
        for (int k = 0; k < o.length; k++) {
            e += (o[k] - t[k]) * (o[k] - t[k]) / 2;
        }
        return e;
    }

    /** The deltas of every layer: (o - t) phi'(net) at the output, (sum_l w_jl delta_l) phi'(net_j) inside. */
    public double[][] deltas(double[] x, double[] t) {
        double[][][] f = forward(x);
        double[][] nets = f[0];
        double[][] o = f[1];
        int last = w.length - 1;
        double[][] d = new double[w.length][];
        d[last] = new double[b[last].length];
        for (int j = 0; j < d[last].length; j++) {
            d[last][j] = (o[last + 1][j] - t[j]) * slope.applyAsDouble(nets[last][j]);
        }
        for (int l = last - 1; l >= 0; l--) {
            d[l] = new double[b[l].length];
            for (int j = 0; j < d[l].length; j++) {
                double s = 0;
                for (int k = 0; k < d[l + 1].length; k++) {
                    s += w[l + 1][j][k] * d[l + 1][k];
                }
                d[l][j] = s * slope.applyAsDouble(nets[l][j]);
            }
        }
        return d;
    }

    /** dE/dw_ij = o_i delta_j for every layer. */
    public double[][][] weightGradients(double[] x, double[] t) {
        double[][] o = forward(x)[1];
        double[][] d = deltas(x, t);
        double[][][] g = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            g[l] = new double[w[l].length][b[l].length];
            for (int i = 0; i < w[l].length; i++) {
                for (int j = 0; j < b[l].length; j++) {
                    g[l][i][j] = o[l][i] * d[l][j];
                }
            }
        }
        return g;
    }

    /** The central difference of E with respect to w[l][i][j], or b[l][j] when i is -1. */
    public double centralDifference(int l, int i, int j, double[] x, double[] t) {
        double[] e = new double[2];
        for (int s = 0; s < 2; s++) {
            double[][][] w2 = copy(w);
            double[][] b2 = copy(new double[][][] {b})[0];
            double h = s == 0 ? Numeric.H : -Numeric.H;
            if (i < 0) {
                b2[l][j] += h;
            } else {
                w2[l][i][j] += h;
            }
            e[s] = new PlainBackprop(w2, b2, phi, slope).error(x, t);
        }
        return (e[0] - e[1]) / (2 * Numeric.H);
    }

    /** One online step: all deltas with these weights, then w_ij -= eta o_i delta_j and b_j -= eta delta_j. */
    public PlainBackprop step(double[] x, double[] t, double eta) {
        double[][] o = forward(x)[1];
        double[][] d = deltas(x, t);
        double[][][] w2 = copy(w);
        double[][] b2 = copy(new double[][][] {b})[0];
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < b[l].length; j++) {
                for (int i = 0; i < w[l].length; i++) {
                    w2[l][i][j] -= eta * o[l][i] * d[l][j];
                }
                b2[l][j] -= eta * d[l][j];
            }
        }
        return new PlainBackprop(w2, b2, phi, slope);
    }

    private static double[][][] copy(double[][][] m) {
        double[][][] c = new double[m.length][][];
        for (int l = 0; l < m.length; l++) {
            c[l] = new double[m[l].length][];
            for (int i = 0; i < m[l].length; i++) {
                c[l][i] = m[l][i].clone();
            }
        }
        return c;
    }
}
