package backprop.network;

import backprop.common.Require;
import backprop.singlelayer.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A feed-forward network of chapter 4: layers applied one after the other. Given code.
 *
 * <p>Layer {@code l + 1} takes the outputs of layer {@code l} as its inputs, so it has as many
 * inputs as layer {@code l} has neurons. The last layer is the output layer.
 *
 * @param layers the layers, from the input side to the output side
 */
// tag::given[]
public record Network(List<Layer> layers) {

    public Network {
        Require.nonEmpty(layers, "layers");
        layers = List.copyOf(layers);
        for (int l = 1; l < layers.size(); l++) {
            int inputs = layers.get(l).inputs();
            int previous = layers.get(l - 1).size();
            if (inputs != previous) {
                throw new IllegalArgumentException("layer " + l + " has "
                        + Shapes.count(inputs, "input", "inputs") + " but layer " + (l - 1) + " has "
                        + Shapes.count(previous, "neuron", "neurons"));
            }
        }
    }
// end::given[]

    /** The number of inputs of the network: the inputs of the first layer. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** The number of outputs of the network: the neurons of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).size();
    }

    /** The rows and columns of each layer's weights: {@code shape()[l] = {inputs, neurons}}. */
    int[][] shape() {
        int[][] shape = new int[layers.size()][];
        for (int l = 0; l < shape.length; l++) {
            shape[l] = new int[] {layers.get(l).inputs(), layers.get(l).size()};
        }
        return shape;
    }

    /**
     * A network with random weights and biases, uniform in [-1, 1].
     *
     * <p>{@code sizes} lists the number of inputs, then the number of neurons of each layer:
     * {@code random(rng, phi, 2, 2, 1)} is a 2-2-1 network with two inputs, a hidden layer of two
     * neurons and one output neuron. The numbers are drawn layer by layer, each layer's weights
     * row by row and then its biases, each as {@code 2 rng.nextDouble() - 1}.
     *
     * @param rng the source of randomness; seed it to get the same network again
     * @param activation the activation of every layer
     * @param sizes the number of inputs, then the size of each layer; at least two entries
     */
    public static Network random(Random rng, Activation activation, int... sizes) {
        Require.notNull(rng, "rng");
        Require.notNull(activation, "activation");
        Require.notNull(sizes, "sizes");
        Require.atLeast(sizes.length, 2, "the number of sizes");
        for (int k = 0; k < sizes.length; k++) {
            Require.atLeast(sizes[k], 1, "sizes[" + k + "]");
        }
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            double[][] w = new double[sizes[l - 1]][sizes[l]];
            for (double[] row : w) {
                fill(rng, row);
            }
            double[] b = new double[sizes[l]];
            fill(rng, b);
            layers.add(new Layer(w, b, activation));
        }
        return new Network(layers);
    }

    private static void fill(Random rng, double[] values) {
        for (int k = 0; k < values.length; k++) {
            values[k] = 2 * rng.nextDouble() - 1;
        }
    }
}
