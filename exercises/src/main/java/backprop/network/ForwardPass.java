package backprop.network;

import backprop.common.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * What the forward pass of chapter 4 remembers for the backward pass. Given code.
 *
 * <p>{@code outputs.get(0)} is the network's input x, and {@code outputs.get(l + 1)} holds the
 * outputs {@code o_j} of layer {@code l}; {@code netInputs.get(l)} holds the net inputs
 * {@code net_j} of layer {@code l}. So there is one more array of outputs than of net inputs, and
 * layer {@code l} reads its inputs from {@code outputs.get(l)}.
 *
 * @param outputs the input, then the outputs of every layer
 * @param netInputs the net inputs of every layer
 */
// tag::given[]
public record ForwardPass(List<double[]> outputs, List<double[]> netInputs) {

    public ForwardPass {
        Require.nonEmpty(netInputs, "netInputs");
        Require.nonEmpty(outputs, "outputs");
        if (outputs.size() != netInputs.size() + 1) {
            throw new IllegalArgumentException("outputs must hold one array more than netInputs (the input)"
                    + " but holds " + outputs.size() + " and netInputs " + netInputs.size());
        }
        for (int l = 0; l < netInputs.size(); l++) {
            Require.finite(outputs.get(l), "outputs[" + l + "]");
            Shapes.vector(netInputs.get(l), "netInputs[" + l + "]", outputs.get(l + 1).length,
                    "outputs[" + (l + 1) + "] has " + outputs.get(l + 1).length);
        }
        Require.finite(outputs.get(netInputs.size()), "outputs[" + netInputs.size() + "]");
        outputs = copy(outputs);
        netInputs = copy(netInputs);
    }
// end::given[]

    /** A copy of the input and the outputs of every layer. */
    @Override
    public List<double[]> outputs() {
        return copy(outputs);
    }

    /** A copy of the net inputs of every layer. */
    @Override
    public List<double[]> netInputs() {
        return copy(netInputs);
    }

    /** A copy of the network's output: the outputs of the last layer. */
    public double[] output() {
        return outputs.get(outputs.size() - 1).clone();
    }

    private static List<double[]> copy(List<double[]> arrays) {
        List<double[]> c = new ArrayList<>(arrays.size());
        for (double[] a : arrays) {
            c.add(a.clone());
        }
        return List.copyOf(c);
    }
}
