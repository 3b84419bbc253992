package backprop.training;

import backprop.common.Require;
import backprop.network.Layer;
import backprop.network.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward network of chapter 6 in matrix form: per layer a weight matrix {@code W} with a
 * row per input and a column per neuron ({@code w_ij} as in chapter 4) and a bias vector
 * {@code b}. Given code.
 *
 * <p>Every inner layer uses the logistic function; the output layer is either logistic, trained
 * with the half squared error, or a softmax trained with the cross-entropy, as {@link #output()}
 * says. Training changes the matrices and biases in place: {@link #weights(int)} and
 * {@link #biases(int)} return the network's own arrays, not copies. {@link #copy()} keeps a
 * network as it was.
 */
public final class MatrixNetwork {

    /** The output layer and the loss it is trained with. */
    public enum Output {
        /** Logistic outputs and the half squared error {@code 1/2 ||o - t||^2}, as in chapter 4. */
        SIGMOID_HALF_SQUARED_ERROR,
        /** Softmax outputs (Eq. 5.5) and the cross-entropy (Eq. 5.6), as in chapter 5. */
        SOFTMAX_CROSS_ENTROPY
    }

    private final List<Matrix> weights;
    private final List<double[]> biases;
    private final Output output;

    /**
     * A network from its weight matrices and bias vectors, copied.
     *
     * @param weights one matrix per layer; layer {@code l + 1} has as many rows as layer {@code l} has columns
     * @param biases one vector per layer, one entry per column of its matrix
     * @param output the output layer and its loss
     */
    public MatrixNetwork(List<Matrix> weights, List<double[]> biases, Output output) {
        Require.nonEmpty(weights, "weights");
        Require.nonEmpty(biases, "biases");
        Require.notNull(output, "output");
        if (weights.size() != biases.size()) {
            throw new IllegalArgumentException("weights has " + Sizes.count(weights.size(), "layer", "layers")
                    + " but biases has " + biases.size());
        }
        List<Matrix> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int layer = 0; layer < weights.size(); layer++) {
            int l = layer;
            Matrix m = Sizes.finite(weights.get(l), "weights[" + l + "]");
            if (l > 0) {
                int previous = weights.get(l - 1).columns();
                Sizes.rows(m, "weights[" + l + "]", previous, () -> "layer " + (l - 1) + " has "
                        + Sizes.count(previous, "neuron", "neurons"));
            }
            Require.finite(biases.get(l), "biases[" + l + "]");
            Sizes.vector(biases.get(l), "biases[" + l + "]", m.columns(),
                    () -> "weights[" + l + "] has " + Sizes.count(m.columns(), "column", "columns"));
            w.add(m.copy());
            b.add(biases.get(l).clone());
        }
        this.weights = List.copyOf(w);
        this.biases = List.copyOf(b);
        this.output = output;
    }

    /**
     * Chapter 4's network in matrix form: the same weights and biases. Every layer of
     * {@code network} should use the logistic function, the only activation of chapter 6.
     */
    public static MatrixNetwork of(Network network, Output output) {
        Require.notNull(network, "network");
        List<Matrix> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (Layer layer : network.layers()) {
            w.add(Matrix.of(layer.weights()));
            b.add(layer.biases());
        }
        return new MatrixNetwork(w, b, output);
    }

    /** The number of layers with weights (not counting the input). */
    public int layers() {
        return weights.size();
    }

    /** The weights of layer {@code l} (0 is the first layer after the input), the network's own matrix. */
    public Matrix weights(int l) {
        return weights.get(layer(l));
    }

    /** The biases of layer {@code l}, the network's own array. */
    public double[] biases(int l) {
        return biases.get(layer(l));
    }

    private int layer(int l) {
        if (l < 0 || l >= layers()) {
            throw new IllegalArgumentException("layer " + l + " is not a layer of this network, which has layers 0 .. " + (layers() - 1));
        }
        return l;
    }

    /** The output layer and the loss it is trained with. */
    public Output output() {
        return output;
    }

    /** The number of inputs. */
    public int inputs() {
        return weights.get(0).rows();
    }

    /** The number of outputs. */
    public int outputs() {
        return weights.get(weights.size() - 1).columns();
    }

    /** The inputs, then the neurons of each layer: {@code {64, 30, 10}}. */
    public int[] sizes() {
        int[] sizes = new int[weights.size() + 1];
        sizes[0] = inputs();
        for (int l = 0; l < weights.size(); l++) {
            sizes[l + 1] = weights.get(l).columns();
        }
        return sizes;
    }

    /** An independent copy. */
    public MatrixNetwork copy() {
        return new MatrixNetwork(weights, biases, output);
    }
}
