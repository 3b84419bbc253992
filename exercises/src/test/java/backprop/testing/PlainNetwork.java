package backprop.testing;

import backprop.training.Matrix;
import backprop.training.MatrixNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The tests' own mini-batch training for chapter 6, one example and one neuron at a time with
 * plain arrays: chapter 4's sums (Eq. 4.1 to 4.7) averaged over the batch (Eq. 5.2). Expected
 * values of the matrix code come from here, never from the code under test.
 */
public final class PlainNetwork {

    /** {@code w[l][i][j]}, {@code b[l][j]}: layer l from the input side. */
    public final double[][][] w;
    public final double[][] b;
    public final boolean softmax;

    private PlainNetwork(double[][][] w, double[][] b, boolean softmax) {
        this.w = w;
        this.b = b;
        this.softmax = softmax;
    }

    /** A plain copy of the network's numbers (read with the given accessors). */
    public static PlainNetwork of(MatrixNetwork n) {
        double[][][] w = new double[n.layers()][][];
        double[][] b = new double[n.layers()][];
        for (int l = 0; l < n.layers(); l++) {
            w[l] = n.weights(l).toArray();
            b[l] = n.biases(l).clone();
        }
        return new PlainNetwork(w, b, n.output() == MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY);
    }

    /** A random network with entries uniform in [-1, 1], drawn layer by layer, weights row by row then biases. */
    public static MatrixNetwork random(Random rng, MatrixNetwork.Output output, int... sizes) {
        List<Matrix> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            double[][] m = new double[sizes[l - 1]][sizes[l]];
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 2 * rng.nextDouble() - 1;
                }
            }
            double[] bias = new double[sizes[l]];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = 2 * rng.nextDouble() - 1;
            }
            w.add(Matrix.of(m));
            b.add(bias);
        }
        return new MatrixNetwork(w, b, output);
    }

    /** A matrix of entries uniform in [lo, hi]. */
    public static double[][] uniform(Random rng, int rows, int columns, double lo, double hi) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = lo + (hi - lo) * rng.nextDouble();
            }
        }
        return m;
    }

    /** One-hot rows for the labels. */
    public static double[][] oneHot(int[] labels, int classes) {
        double[][] t = new double[labels.length][classes];
        for (int x = 0; x < labels.length; x++) {
            t[x][labels[x]] = 1;
        }
        return t;
    }

    /** The outputs of every layer for one input: {@code o[0] = x}, {@code o[l + 1]} of layer l. */
    public double[][] outputs(double[] x) {
        double[][] o = new double[w.length + 1][];
        o[0] = x.clone();
        for (int l = 0; l < w.length; l++) {
            double[] net = new double[b[l].length];
            for (int j = 0; j < net.length; j++) {
                net[j] = b[l][j];
                for (int i = 0; i < o[l].length; i++) {
                    net[j] += w[l][i][j] * o[l][i];
                }
            }
            o[l + 1] = new double[net.length];
            if (softmax && l == w.length - 1) {
                double max = Double.NEGATIVE_INFINITY;
                for (double z : net) {
                    max = Math.max(max, z);
                }
                double sum = 0;
                for (double z : net) {
                    sum += Math.exp(z - max);
                }
                for (int j = 0; j < net.length; j++) {
                    o[l + 1][j] = Math.exp(net[j] - max) / sum;
                }
            } else {
                for (int j = 0; j < net.length; j++) {
                    o[l + 1][j] = Numeric.logistic(net[j]);
                }
            }
        }
        return o;
    }

    /** The deltas of every layer for one example: {@code delta[l]} of layer l. */
    public double[][] deltas(double[] x, double[] t) {
        double[][] o = outputs(x);
        int last = w.length - 1;
        double[][] delta = new double[w.length][];
        double[] out = o[last + 1];
        delta[last] = new double[out.length];
        for (int j = 0; j < out.length; j++) {
            delta[last][j] = softmax ? out[j] - t[j] : (out[j] - t[j]) * out[j] * (1 - out[j]);
        }
        for (int l = last - 1; l >= 0; l--) {
            double[] a = o[l + 1];
            delta[l] = new double[a.length];
            for (int j = 0; j < a.length; j++) {
                double sum = 0;
                for (int k = 0; k < delta[l + 1].length; k++) {
                    sum += w[l + 1][j][k] * delta[l + 1][k];
                }
                delta[l][j] = sum * a[j] * (1 - a[j]);
            }
        }
        return delta;
    }

    /** The batch-averaged weight gradients {@code gw[l][i][j]} and, in {@code gb}, the bias gradients. */
    public double[][][] gradients(double[][] xs, double[][] ts, double[][] gb) {
        double[][][] gw = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            gw[l] = new double[w[l].length][w[l][0].length];
            gb[l] = new double[b[l].length];
        }
        int n = xs.length;
        for (int x = 0; x < n; x++) {
            double[][] o = outputs(xs[x]);
            double[][] delta = deltas(xs[x], ts[x]);
            for (int l = 0; l < w.length; l++) {
                for (int j = 0; j < b[l].length; j++) {
                    gb[l][j] += delta[l][j] / n;
                    for (int i = 0; i < w[l].length; i++) {
                        gw[l][i][j] += o[l][i] * delta[l][j] / n;
                    }
                }
            }
        }
        return gw;
    }

    /** One step on a batch: all gradients first, then the update. */
    public void step(double[][] xs, double[][] ts, double eta) {
        double[][] gb = new double[w.length][];
        double[][][] gw = gradients(xs, ts, gb);
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < b[l].length; j++) {
                b[l][j] -= eta * gb[l][j];
                for (int i = 0; i < w[l].length; i++) {
                    w[l][i][j] -= eta * gw[l][i][j];
                }
            }
        }
    }

    /** Fisher-Yates: for i = n-1 down to 1, swap i with rng.nextInt(i + 1) (the course's order). */
    public static int[] order(int n, Random rng) {
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

    /** One epoch over the examples in the given order, in batches of {@code batch}, the last one smaller. */
    public void epoch(double[][] xs, double[][] ts, int[] order, int batch, double eta) {
        for (int from = 0; from < order.length; from += batch) {
            int m = Math.min(batch, order.length - from);
            double[][] bx = new double[m][];
            double[][] bt = new double[m][];
            for (int r = 0; r < m; r++) {
                bx[r] = xs[order[from + r]];
                bt[r] = ts[order[from + r]];
            }
            step(bx, bt, eta);
        }
    }

    /** The index of the largest output, the first at a tie. */
    public int predict(double[] x) {
        double[] o = outputs(x)[w.length];
        int best = 0;
        for (int k = 1; k < o.length; k++) {
            if (o[k] > o[best]) {
                best = k;
            }
        }
        return best;
    }
}
