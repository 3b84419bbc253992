package backprop.training;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything one mini-batch needs, allocated once and reused for every batch of the same size,
 * so that training allocates nothing per batch. Given code.
 *
 * <p>For a batch of {@code n} examples through layers {@code 1 .. L}: {@code activation(0)} is
 * the input batch {@code X = A_0} ({@code n x inputs}, one example per row), {@code activation(l)}
 * is {@code A_l} ({@code n x} neurons of layer {@code l}), {@code delta(l)} is
 * {@code D_l = dE/dZ_l} and {@code weightGradient(l)}, {@code biasGradient(l)} are the gradients of
 * layer {@code l} ({@code l = 1 .. L}, shaped like its weights and biases). {@link #targets()}
 * holds the targets {@code T}, one row per example.
 */
public final class Pass {

    private final List<Matrix> activations = new ArrayList<>();
    private final List<Matrix> deltas = new ArrayList<>();
    private final List<Matrix> weightGradients = new ArrayList<>();
    private final List<double[]> biasGradients = new ArrayList<>();
    private final Matrix targets;

    /** The buffers for batches of {@code n} examples through {@code network}. */
    public Pass(MatrixNetwork network, int n) {
        Require.notNull(network, "network");
        Require.atLeast(n, 1, "the batch size");
        int[] sizes = network.sizes();
        activations.add(new Matrix(n, sizes[0]));
        deltas.add(null);
        weightGradients.add(null);
        biasGradients.add(null);
        for (int l = 1; l < sizes.length; l++) {
            activations.add(new Matrix(n, sizes[l]));
            deltas.add(new Matrix(n, sizes[l]));
            weightGradients.add(new Matrix(sizes[l - 1], sizes[l]));
            biasGradients.add(new double[sizes[l]]);
        }
        targets = new Matrix(n, sizes[sizes.length - 1]);
    }

    /** The number of examples in the batch. */
    public int size() {
        return targets.rows();
    }

    /** The number of layers with weights, L. */
    public int layers() {
        return activations.size() - 1;
    }

    /** The input batch X = A_0, one example per row. */
    public Matrix input() {
        return activations.get(0);
    }

    /** The outputs of the last layer, A_L. */
    public Matrix output() {
        return activations.get(layers());
    }

    /** The targets T, one row per example. */
    public Matrix targets() {
        return targets;
    }

    /** A_l: the input for {@code l = 0}, else the outputs of layer {@code l}. */
    public Matrix activation(int l) {
        return activations.get(check(l, 0));
    }

    /** D_l = dE/dZ_l of layer {@code l}, {@code 1 <= l <= L}. */
    public Matrix delta(int l) {
        return deltas.get(check(l, 1));
    }

    /** dE/dW_l of layer {@code l}, {@code 1 <= l <= L}. */
    public Matrix weightGradient(int l) {
        return weightGradients.get(check(l, 1));
    }

    /** dE/db_l of layer {@code l}, {@code 1 <= l <= L}. */
    public double[] biasGradient(int l) {
        return biasGradients.get(check(l, 1));
    }

    /** The pass must have been made for {@code network}'s sizes. */
    void requireFits(MatrixNetwork network) {
        // read the sizes in place: this runs on every batch, and network.sizes() is a new array
        boolean fits = network.layers() + 1 == activations.size()
                && activations.get(0).columns() == network.inputs();
        for (int l = 1; fits && l < activations.size(); l++) {
            fits = activations.get(l).columns() == network.weights(l - 1).columns();
        }
        if (!fits) {
            throw new IllegalArgumentException("pass was made for another network: it does not have the sizes "
                    + Arrays.toString(network.sizes()));
        }
    }

    private int check(int l, int from) {
        if (l < from || l > layers()) {
            throw new IllegalArgumentException("layer " + l + " does not exist here: layers run from "
                    + from + " to " + layers());
        }
        return l;
    }
}
