package backprop.training;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Where training starts, chapter 6: random weights scaled by the fan-in, and, for comparison, the
 * standard normal start and a start with every weight equal.
 *
 * <p>{@code sizes} lists the number of inputs, then the neurons of each layer: {@code 64, 30, 10}
 * is a network with 64 inputs, 30 hidden neurons and 10 outputs.
 */
public final class Initialisation {

    private Initialisation() {
    }

    /**
     * Exercise 6.10 of chapter 6: weights scaled by the fan-in, Eq. (6.9):
     * {@code w_ij = g_ij / sqrt(n_in)} with {@code g_ij} standard normal and {@code n_in} the
     * number of inputs of the layer, so each net input starts with a spread of about 1 whatever
     * the layer's width; every bias starts at 0.
     *
     * <p>Draw {@code g_ij = rng.nextGaussian()} layer by layer, each layer's weights row by row
     * ({@code i} outer, {@code j} inner).
     *
     * @param rng the source of randomness
     * @param output the output layer and its loss
     * @param sizes the inputs, then the neurons of each layer; at least two entries, each at least 1
     * @return the new network
     */
    // tag::fanIn[]
    public static MatrixNetwork fanIn(Random rng, MatrixNetwork.Output output, int... sizes) {
        checkSizes(sizes);
        Require.notNull(rng, "rng");
        Require.notNull(output, "output");
        throw new UnsupportedOperationException("Chapter 6, exercise 6.10: draw w_ij = rng.nextGaussian() / sqrt(n_in) row by row for every layer, with biases 0, in Initialisation.fanIn (Eq. 6.9).");
    }
    // end::fanIn[]

    /**
     * Every weight and bias drawn from the standard normal distribution, layer by layer, each
     * layer's weights row by row and then its biases. Given code.
     */
    public static MatrixNetwork standardNormal(Random rng, MatrixNetwork.Output output, int... sizes) {
        checkSizes(sizes);
        Require.notNull(rng, "rng");
        List<Matrix> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            Matrix m = new Matrix(sizes[l - 1], sizes[l]);
            double[] W = m.data();
            for (int k = 0; k < W.length; k++) {
                W[k] = rng.nextGaussian();
            }
            double[] bias = new double[sizes[l]];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = rng.nextGaussian();
            }
            w.add(m);
            b.add(bias);
        }
        return new MatrixNetwork(w, b, output);
    }

    /** Every weight and every bias equal to {@code value}: the start that never breaks its symmetry. Given code. */
    public static MatrixNetwork constant(double value, MatrixNetwork.Output output, int... sizes) {
        checkSizes(sizes);
        Require.finite(value, "value");
        List<Matrix> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            Matrix m = new Matrix(sizes[l - 1], sizes[l]);
            Arrays.fill(m.data(), value);
            double[] bias = new double[sizes[l]];
            Arrays.fill(bias, value);
            w.add(m);
            b.add(bias);
        }
        return new MatrixNetwork(w, b, output);
    }

    private static void checkSizes(int[] sizes) {
        Require.notNull(sizes, "sizes");
        Require.atLeast(sizes.length, 2, "the number of sizes");
        for (int k = 0; k < sizes.length; k++) {
            Require.atLeast(sizes[k], 1, "sizes[" + k + "]");
        }
    }
}
