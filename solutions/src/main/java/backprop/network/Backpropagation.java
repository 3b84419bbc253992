package backprop.network;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * Backpropagation through a whole network, chapter 4: the forward pass, the deltas of the output
 * and the inner neurons, all gradients and the update.
 *
 * <p>The error of one training example is the half squared error {@code E = 1/2 ||o - t||^2} of
 * the network's outputs {@code o} and the targets {@code t}; its derivative with respect to an
 * output is {@code o_j - t_j}, with no factor 2.
 */
public final class Backpropagation {

    private Backpropagation() {
    }

    /**
     * Exercise 4.1 of chapter 4: the forward pass, Eq. (4.1), remembering every layer's net inputs
     * and outputs for the backward pass.
     *
     * <p>Layer by layer, {@code net_j = sum_i w_ij o_i + b_j} and {@code o_j = phi(net_j)}, where
     * the {@code o_i} are the outputs of the previous layer (the input x for the first layer).
     *
     * @param network the network
     * @param input the input x, one entry per input of the network
     * @return the input, the outputs of every layer and the net inputs of every layer
     * @throws IllegalArgumentException if the input has the wrong length or is not finite
     */
    // tag::forward[]
    public static ForwardPass forward(Network network, double[] input) {
        checkForward(network, input);
        // BEGIN SOLUTION
        List<double[]> outputs = new ArrayList<>();
        List<double[]> netInputs = new ArrayList<>();
        double[] o = input;
        outputs.add(o);
        for (Layer layer : network.layers()) {
            double[] net = netInputs(layer, o);
            o = new double[net.length];
            for (int j = 0; j < net.length; j++) {
                // o_j = phi(net_j)   (Eq. 4.1)
                o[j] = layer.activation().value(net[j]);
            }
            netInputs.add(net);
            outputs.add(o);
        }
        return new ForwardPass(outputs, netInputs);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 4, exercise 4.1: compute net_j = sum_i w_ij o_i + b_j and o_j = phi(net_j) layer by layer, keeping both, in Backpropagation.forward (Eq. 4.1).");
    }
    // end::forward[]

    // BEGIN SOLUTION
    private static double[] netInputs(Layer layer, double[] o) {
        double[][] w = layer.weights();
        double[] net = layer.biases();
        for (int j = 0; j < net.length; j++) {
            for (int i = 0; i < o.length; i++) {
                // net_j = sum_i w_ij o_i + b_j   (Eq. 4.1)
                net[j] += w[i][j] * o[i];
            }
        }
        return net;
    }
    // END SOLUTION

    /**
     * Exercise 4.2 of chapter 4: the deltas of the output layer, Eq. (4.4).
     *
     * <p>For the half squared error, {@code delta_j = (o_j - t_j) phi'(net_j)}, with the
     * derivative of the layer's activation taken at the net input.
     *
     * @param layer the output layer
     * @param netInputs its net inputs {@code net_j}
     * @param outputs its outputs {@code o_j}
     * @param targets the targets {@code t_j}
     * @return one delta per neuron of the layer
     * @throws IllegalArgumentException if an array does not have one entry per neuron
     */
    // tag::outputDeltas[]
    public static double[] outputDeltas(Layer layer, double[] netInputs, double[] outputs, double[] targets) {
        checkOutputDeltas(layer, netInputs, outputs, targets);
        // BEGIN SOLUTION
        double[] delta = new double[layer.size()];
        for (int j = 0; j < delta.length; j++) {
            // delta_j = (o_j - t_j) phi'(net_j)   (Eq. 4.4)
            delta[j] = (outputs[j] - targets[j]) * layer.activation().derivative(netInputs[j]);
        }
        return delta;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 4, exercise 4.2: compute delta_j = (o_j - t_j) phi'(net_j) for every output neuron in Backpropagation.outputDeltas (Eq. 4.4).");
    }
    // end::outputDeltas[]

    /**
     * Exercise 4.3 of chapter 4: the deltas of an inner layer, Eq. (4.5).
     *
     * <p>{@code delta_j = (sum_l w_jl delta_l) phi'(net_j)}, where {@code w_jl = next.weights()[j][l]}
     * is the weight from neuron {@code j} of this layer to neuron {@code l} of the next layer and
     * the sum runs over all neurons {@code l} of the next layer, Eq. (4.2) and (4.3).
     *
     * @param layer the inner layer whose deltas are computed
     * @param netInputs its net inputs {@code net_j}
     * @param next the layer after it, with the weights used in the forward pass
     * @param nextDeltas the deltas of the next layer
     * @return one delta per neuron of {@code layer}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    // tag::innerDeltas[]
    public static double[] innerDeltas(Layer layer, double[] netInputs, Layer next, double[] nextDeltas) {
        checkInnerDeltas(layer, netInputs, next, nextDeltas);
        // BEGIN SOLUTION
        double[][] w = next.weights();
        double[] delta = new double[layer.size()];
        for (int j = 0; j < delta.length; j++) {
            // dE/do_j = sum_l w_jl delta_l   (Eq. 4.2)
            double dEdo = 0;
            for (int l = 0; l < nextDeltas.length; l++) {
                dEdo += w[j][l] * nextDeltas[l];
            }
            // delta_j = (sum_l w_jl delta_l) phi'(net_j)   (Eq. 4.5)
            delta[j] = dEdo * layer.activation().derivative(netInputs[j]);
        }
        return delta;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 4, exercise 4.3: compute delta_j = (sum_l w_jl delta_l) phi'(net_j) over all neurons l of the next layer in Backpropagation.innerDeltas (Eq. 4.5).");
    }
    // end::innerDeltas[]

    /**
     * Exercise 4.4 of chapter 4: the gradient of {@code E = 1/2 ||o - t||^2} with respect to every
     * weight and bias, Eq. (4.6).
     *
     * <p>The deltas go backward from the output layer (Eq. 4.4) through the inner layers (Eq. 4.5),
     * always with the weights of {@code network}, which are the weights the forward pass used.
     * Then {@code dE/dw_ij = o_i delta_j} and {@code dE/db_j = delta_j}.
     *
     * @param network the network the forward pass ran through
     * @param pass the forward pass of one input through {@code network}
     * @param targets the targets of that input, one per output of the network
     * @return the gradients, shaped like the network
     * @throws IllegalArgumentException if the pass or the targets do not fit the network
     */
    // tag::gradients[]
    public static Gradients gradients(Network network, ForwardPass pass, double[] targets) {
        checkGradients(network, pass, targets);
        // BEGIN SOLUTION
        List<Layer> layers = network.layers();
        List<double[]> o = pass.outputs();
        List<double[]> net = pass.netInputs();
        int last = layers.size() - 1;
        double[][] delta = new double[layers.size()][];
        delta[last] = outputDeltas(layers.get(last), net.get(last), o.get(last + 1), targets);
        for (int l = last - 1; l >= 0; l--) {
            delta[l] = innerDeltas(layers.get(l), net.get(l), layers.get(l + 1), delta[l + 1]);
        }
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = 0; l <= last; l++) {
            weights.add(weightGradients(o.get(l), delta[l]));
            // dE/db_j = delta_j   (Eq. 4.6)
            biases.add(delta[l]);
        }
        return new Gradients(weights, biases);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 4, exercise 4.4: compute the deltas from the output layer back and dE/dw_ij = o_i delta_j, dE/db_j = delta_j in Backpropagation.gradients (Eq. 4.6).");
    }
    // end::gradients[]

    // BEGIN SOLUTION
    private static double[][] weightGradients(double[] o, double[] delta) {
        double[][] g = new double[o.length][delta.length];
        for (int i = 0; i < o.length; i++) {
            for (int j = 0; j < delta.length; j++) {
                // dE/dw_ij = o_i delta_j   (Eq. 4.6)
                g[i][j] = o[i] * delta[j];
            }
        }
        return g;
    }
    // END SOLUTION

    /**
     * Exercise 4.5 of chapter 4: one gradient-descent step on every weight and bias, Eq. (4.7).
     *
     * <p>{@code w_ij <- w_ij - learningRate * dE/dw_ij} and {@code b_j <- b_j - learningRate * dE/db_j};
     * every layer keeps its activation.
     *
     * @param network the network before the step; it is not changed
     * @param gradients its gradients, shaped like it
     * @param learningRate the step size eta, greater than 0
     * @return a new network after the step
     * @throws IllegalArgumentException if the gradients do not fit or the learning rate is not positive
     */
    // tag::update[]
    public static Network update(Network network, Gradients gradients, double learningRate) {
        checkUpdate(network, gradients, learningRate);
        // BEGIN SOLUTION
        List<double[][]> dw = gradients.weights();
        List<double[]> db = gradients.biases();
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < network.layers().size(); l++) {
            Layer layer = network.layers().get(l);
            double[][] w = layer.weights();
            double[] b = layer.biases();
            for (int j = 0; j < b.length; j++) {
                for (int i = 0; i < w.length; i++) {
                    // Delta w_ij = -eta dE/dw_ij = -eta o_i delta_j   (Eq. 4.7)
                    w[i][j] -= learningRate * dw.get(l)[i][j];
                }
                // Delta b_j = -eta dE/db_j = -eta delta_j   (Eq. 4.7)
                b[j] -= learningRate * db.get(l)[j];
            }
            layers.add(new Layer(w, b, layer.activation()));
        }
        return new Network(layers);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 4, exercise 4.5: return a new network with w_ij - learningRate * dE/dw_ij and b_j - learningRate * dE/db_j in every layer in Backpropagation.update (Eq. 4.7).");
    }
    // end::update[]

    private static void checkForward(Network network, double[] input) {
        Require.notNull(network, "network");
        Shapes.vector(input, "input", network.inputs(),
                "the network has " + Shapes.count(network.inputs(), "input", "inputs"));
    }

    private static void checkOutputDeltas(Layer layer, double[] netInputs, double[] outputs, double[] targets) {
        Require.notNull(layer, "layer");
        String neurons = "the layer has " + Shapes.count(layer.size(), "neuron", "neurons");
        Shapes.vector(netInputs, "netInputs", layer.size(), neurons);
        Shapes.vector(outputs, "outputs", layer.size(), neurons);
        Shapes.vector(targets, "targets", layer.size(), neurons);
    }

    private static void checkInnerDeltas(Layer layer, double[] netInputs, Layer next, double[] nextDeltas) {
        Require.notNull(layer, "layer");
        Require.notNull(next, "next");
        String neurons = "the layer has " + Shapes.count(layer.size(), "neuron", "neurons");
        Shapes.vector(netInputs, "netInputs", layer.size(), neurons);
        if (next.inputs() != layer.size()) {
            throw new IllegalArgumentException("next has " + Shapes.count(next.inputs(), "input", "inputs")
                    + " but " + neurons);
        }
        Shapes.vector(nextDeltas, "nextDeltas", next.size(),
                "next has " + Shapes.count(next.size(), "neuron", "neurons"));
    }

    private static void checkGradients(Network network, ForwardPass pass, double[] targets) {
        Require.notNull(network, "network");
        Require.notNull(pass, "pass");
        List<double[]> net = pass.netInputs();
        if (net.size() != network.layers().size()) {
            throw new IllegalArgumentException("pass has " + Shapes.count(net.size(), "layer", "layers")
                    + " but the network has " + network.layers().size());
        }
        Shapes.vector(pass.outputs().get(0), "pass.outputs[0]", network.inputs(),
                "the network has " + Shapes.count(network.inputs(), "input", "inputs"));
        for (int l = 0; l < net.size(); l++) {
            int size = network.layers().get(l).size();
            Shapes.vector(net.get(l), "pass.netInputs[" + l + "]", size,
                    "layer " + l + " has " + Shapes.count(size, "neuron", "neurons"));
        }
        Shapes.vector(targets, "targets", network.outputs(),
                "the network has " + Shapes.count(network.outputs(), "output", "outputs"));
    }

    private static void checkUpdate(Network network, Gradients gradients, double learningRate) {
        Require.notNull(network, "network");
        Require.notNull(gradients, "gradients");
        Require.learningRate(learningRate);
        Shapes.sameShape(gradients.shape(), "gradients", network.shape(), "the network");
    }
}
