package backprop.network;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradient of the error with respect to every weight and bias of a network, chapter 4.
 * Given code.
 *
 * <p>It has the network's shape: {@code weights.get(l)[i][j]} is {@code dE/dw_ij} of layer
 * {@code l} and {@code biases.get(l)[j]} is {@code dE/db_j} of layer {@code l}, Eq. (4.6).
 *
 * @param weights one matrix per layer, shaped like that layer's weights
 * @param biases one array per layer, shaped like that layer's biases
 */
public record Gradients(List<double[][]> weights, List<double[]> biases) {

    public Gradients {
        Require.nonEmpty(weights, "weights");
        Require.nonEmpty(biases, "biases");
        if (weights.size() != biases.size()) {
            throw new IllegalArgumentException("weights has " + Shapes.count(weights.size(), "layer", "layers")
                    + " but biases has " + Shapes.count(biases.size(), "layer", "layers"));
        }
        for (int l = 0; l < weights.size(); l++) {
            double[][] w = Require.matrix(weights.get(l), "weights[" + l + "]");
            Shapes.vector(biases.get(l), "biases[" + l + "]", w[0].length,
                    "weights[" + l + "] has " + Shapes.count(w[0].length, "column", "columns"));
        }
        weights = copyMatrices(weights);
        biases = copyVectors(biases);
    }

    /** A copy of the weight gradients, {@code dE/dw_ij = weights().get(l)[i][j]}. */
    @Override
    public List<double[][]> weights() {
        return copyMatrices(weights);
    }

    /** A copy of the bias gradients, {@code dE/db_j = biases().get(l)[j]}. */
    @Override
    public List<double[]> biases() {
        return copyVectors(biases);
    }

    /** The number of layers. */
    public int layers() {
        return weights.size();
    }

    /** The rows and columns of each layer's matrix: {@code shape()[l] = {rows, columns}}. */
    int[][] shape() {
        int[][] shape = new int[weights.size()][];
        for (int l = 0; l < shape.length; l++) {
            shape[l] = new int[] {weights.get(l).length, weights.get(l)[0].length};
        }
        return shape;
    }

    private static List<double[][]> copyMatrices(List<double[][]> matrices) {
        List<double[][]> c = new ArrayList<>(matrices.size());
        for (double[][] m : matrices) {
            c.add(Shapes.copy(m));
        }
        return List.copyOf(c);
    }

    private static List<double[]> copyVectors(List<double[]> vectors) {
        List<double[]> c = new ArrayList<>(vectors.size());
        for (double[] v : vectors) {
            c.add(v.clone());
        }
        return List.copyOf(c);
    }
}
