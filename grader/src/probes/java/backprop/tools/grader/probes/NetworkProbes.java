package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.logistic;
import static backprop.tools.grader.probes.Probe.logisticDerivative;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.s;
import static backprop.tools.grader.probes.Probe.scale;
import static backprop.tools.grader.probes.Probe.transpose;

import backprop.network.Backpropagation;
import backprop.network.ForwardPass;
import backprop.network.Gradients;
import backprop.network.Layer;
import backprop.network.Network;
import backprop.network.XorTraining;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Probes of chapter 4, with the probe's own logistic activation and its own backpropagation. */
class NetworkProbes {

    // a 2-2-1 network whose first weight matrix is square but not symmetric: w_ij != w_ji
    static final double[][][] W = {{{0.1, 0.4}, {-0.2, 0.3}}, {{0.7}, {-0.5}}};
    static final double[][] B = {{0.05, -0.1}, {0.2}};
    static final double[] X = {1.0, 0.5};
    static final double[] T = {1.0};

    static Network network(double[][][] w, double[][] b) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < w.length; l++) {
            layers.add(new Layer(w[l], b[l], SingleLayerProbes.LOGISTIC));
        }
        return new Network(layers);
    }

    /** nets[l] and outs[l + 1] of the probe's own forward pass (outs[0] = x). */
    static double[][][] forward(double[][][] w, double[][] b, double[] x, boolean transposed) {
        double[][] nets = new double[w.length][];
        double[][] outs = new double[w.length + 1][];
        outs[0] = x;
        for (int l = 0; l < w.length; l++) {
            int n = b[l].length;
            nets[l] = new double[n];
            outs[l + 1] = new double[n];
            for (int j = 0; j < n; j++) {
                double net = b[l][j];
                for (int i = 0; i < outs[l].length; i++) {
                    net += (transposed ? w[l][j][i] : w[l][i][j]) * outs[l][i];
                }
                nets[l][j] = net;
                outs[l + 1][j] = logistic(net);
            }
        }
        return new double[][][] {nets, outs};
    }

    @Test
    @Tag("ex4.1")
    void forwardTransposed() {
        // one square layer, so that code with w_ji in place of w_ij runs (and gives other numbers)
        double[][][] w = {W[0]};
        double[][] b = {B[0]};
        ForwardPass pass = Backpropagation.forward(network(w, b), X);
        double[] net0 = pass.netInputs().get(0);
        double[] right = forward(w, b, X, false)[0][0];
        double[] swapped = forward(w, b, X, true)[0][0];
        mistake("transposed-weights", close(net0, swapped), close(net0, right), "the first layer's net inputs are " + s(net0)
                + ", computed with w_ji; with net_j = sum_i w_ij o_i + b_j they are " + s(right) + ".");
    }

    // an output layer of two logistic neurons, given net inputs and targets
    static final double[] NET = {0.3, -0.6};
    static final double[] TT = {1.0, 0.0};

    static Layer layer2x2() {
        return new Layer(new double[][] {{0.5, -0.4}, {0.2, 0.6}}, new double[] {0.1, -0.1}, SingleLayerProbes.LOGISTIC);
    }

    @Test
    @Tag("ex4.2")
    void outputDeltas() {
        double[] o = {logistic(NET[0]), logistic(NET[1])};
        double[] d = Backpropagation.outputDeltas(layer2x2(), NET, o, TT);
        double[] right = new double[2];
        double[] noPhi = new double[2];
        double[] twice = new double[2];
        for (int j = 0; j < 2; j++) {
            right[j] = (o[j] - TT[j]) * logisticDerivative(NET[j]);
            noPhi[j] = o[j] - TT[j];
            twice[j] = (o[j] - TT[j]) * logisticDerivative(o[j]);
        }
        String at = "for net = (0.3, -0.6), t = (1, 0) your output deltas are " + s(d);
        mistake("missing-activation-derivative", close(d, noPhi), close(d, right), at + " = o - t, without phi'(net); right: " + s(right) + ".");
        mistake("logistic-applied-twice", close(d, twice), close(d, right), at + ", using phi'(o) instead of phi'(net); right: " + s(right) + ".");
        mistake("factor-half", close(d, scale(right, 2)), close(d, right), at + ", twice the right " + s(right)
                + ": for E = 1/2 ||o - t||^2, dE/do = o - t.");
        mistake("sign-of-error-derivative", close(d, scale(right, -1)), close(d, right), at + ", with (t - o) for (o - t); right: " + s(right) + ".");
    }

    @Test
    @Tag("ex4.3")
    void innerDeltasSum() {
        double[][] next = {{0.5, -0.4, 0.3}, {0.2, 0.6, -0.1}};
        double[] nd = {0.1, -0.2, 0.05};
        Layer nextLayer = new Layer(next, new double[] {0, 0, 0}, SingleLayerProbes.LOGISTIC);
        double[] d = Backpropagation.innerDeltas(layer2x2(), NET, nextLayer, nd);
        double[] right = new double[2];
        double[] first = new double[2];
        double[] diagonal = new double[2];
        double[] noPhi = new double[2];
        double[] twice = new double[2];
        for (int j = 0; j < 2; j++) {
            double sum = 0;
            for (int l = 0; l < 3; l++) {
                sum += next[j][l] * nd[l];
            }
            right[j] = sum * logisticDerivative(NET[j]);
            first[j] = next[j][0] * nd[0] * logisticDerivative(NET[j]);
            diagonal[j] = next[j][j] * nd[j] * logisticDerivative(NET[j]);
            noPhi[j] = sum;
            twice[j] = sum * logisticDerivative(logistic(NET[j]));
        }
        String at = "with 3 downstream neurons (deltas " + s(nd) + ") your inner deltas are " + s(d);
        mistake("no-sum-downstream", close(d, first) || close(d, diagonal), close(d, right), at
                + ", which use one downstream neuron only; summing over all three gives " + s(right) + ".");
        mistake("missing-activation-derivative", close(d, noPhi), close(d, right), at + " = sum_l w_jl delta_l without phi'(net_j); right: " + s(right) + ".");
        mistake("logistic-applied-twice", close(d, twice), close(d, right), at + ", using phi'(o_j) instead of phi'(net_j); right: " + s(right) + ".");
    }

    @Test
    @Tag("ex4.3")
    void innerDeltasTransposed() {
        double[][] next = {{0.5, -0.4}, {0.2, 0.6}};
        double[] nd = {0.1, -0.2};
        double[] d = Backpropagation.innerDeltas(layer2x2(), NET, layer2x2(), nd);
        double[] right = new double[2];
        double[] swapped = new double[2];
        for (int j = 0; j < 2; j++) {
            right[j] = (next[j][0] * nd[0] + next[j][1] * nd[1]) * logisticDerivative(NET[j]);
            swapped[j] = (next[0][j] * nd[0] + next[1][j] * nd[1]) * logisticDerivative(NET[j]);
        }
        mistake("transposed-weights", close(d, swapped), close(d, right), "your inner deltas " + s(d)
                + " use w_lj where delta_j = (sum_l w_jl delta_l) phi'(net_j) needs w_jl = next.weights()[j][l]; right: " + s(right) + ".");
    }

    /** The probe's own gradients: {dW per layer, db per layer} for the 2-2-1 network at X, T. */
    static double[][][][] gradients(double[][][] w, double[][] b, double[] x, double[] t) {
        double[][][] f = forward(w, b, x, false);
        double[][] nets = f[0];
        double[][] outs = f[1];
        int last = w.length - 1;
        double[][] delta = new double[w.length][];
        delta[last] = new double[b[last].length];
        for (int j = 0; j < delta[last].length; j++) {
            delta[last][j] = (outs[last + 1][j] - t[j]) * logisticDerivative(nets[last][j]);
        }
        for (int l = last - 1; l >= 0; l--) {
            delta[l] = new double[b[l].length];
            for (int j = 0; j < delta[l].length; j++) {
                double sum = 0;
                for (int k = 0; k < delta[l + 1].length; k++) {
                    sum += w[l + 1][j][k] * delta[l + 1][k];
                }
                delta[l][j] = sum * logisticDerivative(nets[l][j]);
            }
        }
        double[][][] dw = new double[w.length][][];
        for (int l = 0; l <= last; l++) {
            dw[l] = new double[outs[l].length][delta[l].length];
            for (int i = 0; i < outs[l].length; i++) {
                for (int j = 0; j < delta[l].length; j++) {
                    dw[l][i][j] = outs[l][i] * delta[l][j];
                }
            }
        }
        return new double[][][][] {dw, new double[][][] {delta}};
    }

    @Test
    @Tag("ex4.4")
    void gradientsShapeAndBias() {
        double[][][] f = forward(W, B, X, false);
        List<double[]> outs = new ArrayList<>();
        List<double[]> nets = new ArrayList<>();
        for (double[] o : f[1]) {
            outs.add(o);
        }
        for (double[] n : f[0]) {
            nets.add(n);
        }
        Gradients g = Backpropagation.gradients(network(W, B), new ForwardPass(outs, nets), T);
        double[][][][] r = gradients(W, B, X, T);
        double[][] dw0 = g.weights().get(0);
        mistake("transposed-weights", close(dw0, transpose(r[0][0])), close(dw0, r[0][0]), "dE/dw of the first layer is "
                + s(dw0) + ", the transpose of dE/dw_ij = o_i delta_j = " + s(r[0][0]) + ".");
        double[] db0 = g.biases().get(0);
        double[] delta0 = r[1][0][0];
        boolean wrongInput = close(db0, scale(delta0, X[0] == 1 ? X[1] : X[0])) || close(db0, new double[delta0.length])
                || close(db0, scale(delta0, X[1]));
        mistake("bias-wrong-input", wrongInput, close(db0, delta0), "dE/db of the first layer is " + s(db0)
                + " but the bias sees the constant input 1: dE/db_j = delta_j = " + s(delta0) + ".");
    }

    @Test
    @Tag("ex4.5")
    void update() {
        double[][][] r = gradients(W, B, X, T)[0];
        double[][] db = new double[][] {{0.3, -0.2}, {0.1}};
        List<double[][]> gw = List.of(r[0], r[1]);
        List<double[]> gb = List.of(db[0], db[1]);
        Network n = Backpropagation.update(network(W, B), new Gradients(gw, gb), 0.5);
        double[][] w0 = n.layers().get(0).weights();
        double[][] right = new double[2][2];
        double[][] climb = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                right[i][j] = W[0][i][j] - 0.5 * r[0][i][j];
                climb[i][j] = W[0][i][j] + 0.5 * r[0][i][j];
            }
        }
        mistake("sign-of-update", close(w0, climb), close(w0, right), "after the update the first layer's weights are " + s(w0)
                + ": they moved by +eta dE/dw; descending gives " + s(right) + ".");
        double[] b0 = n.layers().get(0).biases();
        mistake("bias-not-updated", close(w0, right) && close(b0, B[0]), close(b0, new double[] {B[0][0] - 0.15, B[0][1] + 0.1}),
                "the first layer's biases stayed " + s(b0) + "; with dE/db = (0.3, -0.2) and eta = 0.5 they become "
                + s(new double[] {B[0][0] - 0.15, B[0][1] + 0.1}) + ".");
    }

    /** One epoch of the probe's own online training; variant: 0 right, 1 stale weights, 2 climbing, 3 bias kept. */
    static double[][][] train(int variant, double eta) {
        double[][][] w = {copy(W[0]), copy(W[1])};
        double[][] b = {B[0].clone(), B[1].clone()};
        for (int row = 0; row < 4; row++) {
            double[] x = XorTraining.INPUTS.get(row).clone();
            double[] t = XorTraining.TARGETS.get(row).clone();
            double[][][] f = forward(w, b, x, false);
            double[][] nets = f[0];
            double[][] outs = f[1];
            double[] d1 = {(outs[2][0] - t[0]) * logisticDerivative(nets[1][0])};
            if (variant == 1) {
                step(w, b, 1, outs[1], d1, eta, variant);
            }
            double[] d0 = new double[2];
            for (int j = 0; j < 2; j++) {
                d0[j] = w[1][j][0] * d1[0] * logisticDerivative(nets[0][j]);
            }
            if (variant != 1) {
                step(w, b, 1, outs[1], d1, eta, variant);
            }
            step(w, b, 0, outs[0], d0, eta, variant);
        }
        return new double[][][] {w[0], w[1], b};
    }

    private static void step(double[][][] w, double[][] b, int l, double[] o, double[] d, double eta, int variant) {
        double sign = variant == 2 ? 1 : -1;
        for (int i = 0; i < o.length; i++) {
            for (int j = 0; j < d.length; j++) {
                w[l][i][j] += sign * eta * o[i] * d[j];
            }
        }
        if (variant != 3) {
            for (int j = 0; j < d.length; j++) {
                b[l][j] += sign * eta * d[j];
            }
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @Test
    @Tag("ex4.7")
    void xorEpoch() {
        Network n = XorTraining.train(network(W, B), 2.0, 1).network();
        double[][] w0 = n.layers().get(0).weights();
        double[][] w1 = n.layers().get(1).weights();
        double[] b0 = n.layers().get(0).biases();
        String[] names = {"", "stale-weights", "sign-of-update", "bias-not-updated"};
        double[][][] right = train(0, 2.0);
        boolean isRight = close(w0, right[0]) && close(w1, right[1]) && close(b0, right[2][0]);
        for (int v = 1; v <= 3; v++) {
            double[][][] m = train(v, 2.0);
            boolean matches = close(w0, m[0]) && close(w1, m[1]) && close(b0, m[2][0]);
            String what = switch (v) {
                case 1 -> "the inner deltas were computed with output weights already updated for the same row";
                case 2 -> "every weight moved uphill";
                default -> "the biases never changed";
            };
            mistake(names[v], matches, isRight, "after one epoch on XOR with learning rate 2 the first layer's weights are " + s(w0)
                    + ": " + what + "; the right training gives " + s(right[0]) + ".");
        }
    }
}
