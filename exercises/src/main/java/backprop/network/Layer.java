package backprop.network;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/**
 * One layer of a feed-forward network, chapter 4. Given code.
 *
 * <p>{@code weights[i][j]} is the weight {@code w_ij} on the connection from input {@code i} (an
 * output of the previous layer, or of the network's input) to neuron {@code j} of this layer: a
 * row per input, a column per neuron. Neuron {@code j} has the bias {@code biases[j]}, and every
 * neuron of the layer uses the same activation.
 *
 * @param weights the weights, {@code inputs() x size()}
 * @param biases the biases, one per neuron
 * @param activation the activation function phi and its derivative
 */
// tag::given[]
public record Layer(double[][] weights, double[] biases, Activation activation) {

    public Layer {
        Require.matrix(weights, "weights");
        Require.finite(biases, "biases");
        Require.notNull(activation, "activation");
        if (weights[0].length != biases.length) {
            throw new IllegalArgumentException("weights has "
                    + Shapes.count(weights[0].length, "column", "columns") + " but biases has "
                    + Shapes.count(biases.length, "entry", "entries"));
        }
        weights = Shapes.copy(weights);
        biases = biases.clone();
    }
// end::given[]

    /** A copy of the weights, {@code w_ij = weights()[i][j]}. */
    @Override
    public double[][] weights() {
        return Shapes.copy(weights);
    }

    /** A copy of the biases. */
    @Override
    public double[] biases() {
        return biases.clone();
    }

    /** The number of inputs of the layer: the rows of the weights. */
    public int inputs() {
        return weights.length;
    }

    /** The number of neurons of the layer: the columns of the weights. */
    public int size() {
        return biases.length;
    }
}
