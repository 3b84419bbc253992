package backprop.autodiff;

import backprop.common.Require;
import backprop.logistic.Logistic;
import backprop.network.Layer;
import backprop.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A feed-forward network of chapter 4 built from {@link Neuron}s of {@link Value} nodes,
 * chapter 7: a list of layers, each a list of neurons.
 *
 * <p>Neuron j of layer l holds the weights {@code w_ij} of column j of chapter 4's
 * {@code weights[i][j]}, so {@link #of(Network, Nonlinearity)} and {@link #weightGradients()}
 * translate between the two.
 */
public final class Mlp {

    private final List<List<Neuron>> layers;

    private Mlp(List<List<Neuron>> layers) {
        this.layers = layers;
    }

    /**
     * The network of chapter 4 as value nodes, with the same weights and biases. Given code.
     *
     * @param network the network
     * @param activation the activation of every neuron; it should be the one the network uses
     */
    public static Mlp of(Network network, Nonlinearity activation) {
        Require.notNull(network, "network");
        Require.notNull(activation, "activation");
        List<List<Neuron>> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            double[][] w = layer.weights();
            double[] b = layer.biases();
            List<Neuron> neurons = new ArrayList<>();
            for (int j = 0; j < b.length; j++) {
                double[] column = new double[w.length];
                for (int i = 0; i < w.length; i++) {
                    column[i] = w[i][j];
                }
                neurons.add(new Neuron(column, b[j], activation));
            }
            layers.add(List.copyOf(neurons));
        }
        return new Mlp(List.copyOf(layers));
    }

    /**
     * A network with the random weights of {@code Network.random(rng, ..., sizes)} of chapter 4:
     * the same seed gives the same numbers. Given code.
     */
    public static Mlp random(Random rng, Nonlinearity activation, int... sizes) {
        return of(Network.random(rng, new Logistic(), sizes), activation);
    }

    /** The layers, each a list of neurons, from the input side to the output. */
    public List<List<Neuron>> layers() {
        return layers;
    }

    /** The number of inputs. */
    public int inputs() {
        return layers.get(0).get(0).inputs();
    }

    /** The number of outputs: the neurons of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).size();
    }

    /** Every weight and bias, layer by layer, neuron by neuron (weights, then bias). */
    public List<Value> parameters() {
        List<Value> p = new ArrayList<>();
        for (List<Neuron> layer : layers) {
            for (Neuron n : layer) {
                p.addAll(n.parameters());
            }
        }
        return p;
    }

    /**
     * Exercise 7.9 of chapter 7: the network's outputs as a graph, layer by layer, Eq. (4.1):
     * the outputs of one layer are the inputs of every neuron of the next.
     *
     * @param inputs one node per input of the network
     * @return one node per neuron of the last layer
     * @throws IllegalArgumentException if there is not one node per input
     */
    // tag::output[]
    public List<Value> output(List<Value> inputs) {
        check(inputs);
        throw new UnsupportedOperationException("Chapter 7, exercise 7.9: feed the inputs through every layer's neurons, one layer's outputs the next layer's inputs, in Mlp.output (Eq. 4.1).");
    }
    // end::output[]

    /**
     * Exercise 7.9 of chapter 7: the half squared error {@code E = 1/2 ||o - t||^2} of the
     * network's outputs for one example, as a node (chapter 4's loss, Eq. 4.4).
     *
     * @param input the input x, one number per input of the network
     * @param targets the targets t, one per output
     * @return the node E; {@code Graph.backward(E)} gives every parameter its {@code dE/dw}
     */
    // tag::loss[]
    public Value loss(double[] input, double[] targets) {
        checkExample(input, targets);
        throw new UnsupportedOperationException("Chapter 7, exercise 7.9: build E = 1/2 sum_k (o_k - t_k)^2 from the network's output nodes in Mlp.loss.");
    }
    // end::loss[]

    /** {@code dE/dw_ij} of every layer, shaped like chapter 4's weights, from the last backward pass. Given code. */
    public double[][][] weightGradients() {
        double[][][] g = new double[layers.size()][][];
        for (int l = 0; l < g.length; l++) {
            List<Neuron> layer = layers.get(l);
            g[l] = new double[layer.get(0).inputs()][layer.size()];
            for (int j = 0; j < layer.size(); j++) {
                for (int i = 0; i < g[l].length; i++) {
                    g[l][i][j] = layer.get(j).weights().get(i).gradient();
                }
            }
        }
        return g;
    }

    /** {@code dE/db_j} of every layer, from the last backward pass. Given code. */
    public double[][] biasGradients() {
        double[][] g = new double[layers.size()][];
        for (int l = 0; l < g.length; l++) {
            List<Neuron> layer = layers.get(l);
            g[l] = new double[layer.size()];
            for (int j = 0; j < layer.size(); j++) {
                g[l][j] = layer.get(j).bias().gradient();
            }
        }
        return g;
    }

    /** "1 input", "2 inputs": a count with its noun. */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private void check(List<Value> inputs) {
        Require.nonEmpty(inputs, "inputs");
        if (inputs.size() != inputs()) {
            throw new IllegalArgumentException("inputs has " + count(inputs.size(), "entry", "entries")
                    + " but the network has " + count(inputs(), "input", "inputs"));
        }
    }

    private void checkExample(double[] input, double[] targets) {
        Require.finite(input, "input");
        Require.finite(targets, "targets");
        if (input.length != inputs()) {
            throw new IllegalArgumentException("input has " + count(input.length, "entry", "entries")
                    + " but the network has " + count(inputs(), "input", "inputs"));
        }
        if (targets.length != outputs()) {
            throw new IllegalArgumentException("targets has " + count(targets.length, "entry", "entries")
                    + " but the network has " + count(outputs(), "output", "outputs"));
        }
    }
}
