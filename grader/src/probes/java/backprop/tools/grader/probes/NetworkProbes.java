package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.logistic;
import static backprop.tools.grader.probes.Probe.logisticDerivative;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.needs;
import static backprop.tools.grader.probes.Probe.s;
import static backprop.tools.grader.probes.Probe.scale;
import static backprop.tools.grader.probes.Probe.transpose;

import backprop.network.Backpropagation;
import backprop.network.ForwardPass;
import backprop.network.GradientCheck;
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
        String at = "for x = (1, 0.5) the first layer's net inputs are " + s(net0);
        mistake("transposed-weights", close(net0, swapped), close(net0, right), at
                + ", computed with w_ji; with net_j = sum_i w_ij o_i + b_j they are " + s(right) + ".");
        double[] lastInputLeftOut = {B[0][0] + W[0][0][0] * X[0], B[0][1] + W[0][0][1] * X[0]};
        boolean lastNeuronLeftOut = net0 != null && net0.length == 2 && close(net0[0], right[0]) && (close(net0[1], B[0][1]) || close(net0[1], 0));
        mistake("skips-last", lastNeuronLeftOut || close(net0, lastInputLeftOut), close(net0, right), at + ": the loop left out the last "
                + (lastNeuronLeftOut ? "neuron" : "input") + "; with every neuron and input they are " + s(right) + ".");
    }

    // an output layer of two logistic neurons, given net inputs and targets
    static final double[] NET = {0.3, -0.6};
    static final double[] TT = {1.0, 0.0};

    static Layer layer2x2() {
        return new Layer(new double[][] {{0.5, -0.4}, {0.2, 0.6}}, new double[] {0.1, -0.1}, SingleLayerProbes.LOGISTIC);
    }

    /** Names the slips of the factor phi'(net_j) of a delta: d against right = dEdo_j phi'(net_j), given dE/do_j. */
    static void slope(double[] d, double[] dEdo, double[] right, String at) {
        double[] noPhi = new double[2];
        double[] atOutput = new double[2];
        double[] netInput = new double[2];
        for (int j = 0; j < 2; j++) {
            noPhi[j] = dEdo[j];
            atOutput[j] = dEdo[j] * logisticDerivative(logistic(NET[j]));
            netInput[j] = dEdo[j] * NET[j] * (1 - NET[j]);
        }
        mistake("missing-activation-derivative", close(d, noPhi), close(d, right), at + ", without the factor phi'(net_j); right: " + s(right) + ".");
        mistake("derivative-at-output", close(d, atOutput), close(d, right), at + ", using phi'(o_j) = phi'(phi(net_j)): the derivative was called "
                + "with the output; phi'(net_j) at the net input gives " + s(right) + ".");
        mistake("derivative-of-net-input", close(d, netInput), close(d, right), at + ", which use z(1 - z) = " + s(new double[] {NET[0] * (1 - NET[0]),
            NET[1] * (1 - NET[1])}) + " at the net input z; the logistic's slope is phi(z)(1 - phi(z)) = " + s(new double[] {logisticDerivative(NET[0]),
            logisticDerivative(NET[1])}) + "; right: " + s(right) + ".");
        mistake("skips-last", d != null && d.length == 2 && close(d[0], right[0]) && close(d[1], 0), close(d, right), at
                + ": the loop left out the last neuron; right: " + s(right) + ".");
    }

    @Test
    @Tag("ex4.2")
    void outputDeltas() {
        double[] o = {logistic(NET[0]), logistic(NET[1])};
        double[] d = Backpropagation.outputDeltas(layer2x2(), NET, o, TT);
        double[] right = new double[2];
        double[] dEdo = new double[2];
        for (int j = 0; j < 2; j++) {
            dEdo[j] = o[j] - TT[j];
            right[j] = dEdo[j] * logisticDerivative(NET[j]);
        }
        String at = "for net = (0.3, -0.6), t = (1, 0) your output deltas are " + s(d);
        slope(d, dEdo, right, at);
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
        double[] sum = new double[2];
        double[] right = new double[2];
        double[][] one = new double[4][2];
        double[] allButLast = new double[2];
        for (int j = 0; j < 2; j++) {
            for (int l = 0; l < 3; l++) {
                sum[j] += next[j][l] * nd[l];
            }
            double phi1 = logisticDerivative(NET[j]);
            right[j] = sum[j] * phi1;
            // one downstream neuron only: the first, the last, the one with j's own index, or all weights times j's delta
            one[0][j] = next[j][0] * nd[0] * phi1;
            one[1][j] = next[j][2] * nd[2] * phi1;
            one[2][j] = next[j][j] * nd[j] * phi1;
            one[3][j] = (next[j][0] + next[j][1] + next[j][2]) * nd[j] * phi1;
            allButLast[j] = (next[j][0] * nd[0] + next[j][1] * nd[1]) * phi1;
        }
        String at = "with 3 downstream neurons (deltas " + s(nd) + ") your inner deltas are " + s(d);
        boolean single = false;
        for (double[] v : one) {
            single |= close(d, v);
        }
        mistake("no-sum-downstream", single, close(d, right), at + ", which use one downstream neuron's delta only; delta_j = (sum_l w_jl delta_l) "
                + "phi'(net_j) over all three gives " + s(right) + ".");
        mistake("skips-last", close(d, allButLast), close(d, right), at + ": the sum over l left out the last downstream neuron; over all three: "
                + s(right) + ".");
        slope(d, sum, right, at);
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
        double[][][][] r = gradients(W, B, X, T);
        double[] outDelta = r[1][0][1];
        needs(close(Backpropagation.outputDeltas(network(W, B).layers().get(1), nets.get(1), outs.get(2), T), outDelta)
                && close(Backpropagation.innerDeltas(network(W, B).layers().get(0), nets.get(0), network(W, B).layers().get(1), outDelta), r[1][0][0]),
                "Backpropagation.outputDeltas or innerDeltas (exercises 4.2, 4.3)");
        Gradients g = Backpropagation.gradients(network(W, B), new ForwardPass(outs, nets), T);
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

    /** The first layer's weights after the probe's own update by the gradients r with step f. */
    static double[][] moved(double[][] r, double f) {
        double[][] m = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                m[i][j] = W[0][i][j] - f * r[i][j];
            }
        }
        return m;
    }

    static final double[][] DB = {{0.3, -0.2}, {0.1}};

    static Network updated(double eta) {
        double[][][] r = gradients(W, B, X, T)[0];
        return Backpropagation.update(network(W, B), new Gradients(List.of(r[0], r[1]), List.of(DB[0], DB[1])), eta);
    }

    @Test
    @Tag("ex4.5")
    void update() {
        double[][] r = gradients(W, B, X, T)[0][0];
        Network n = updated(0.5);
        double[][] w0 = n.layers().get(0).weights();
        double[][] right = moved(r, 0.5);
        String at = "after the update with eta = 0.5 the first layer's weights are " + s(w0);
        mistake("sign-of-update", close(w0, moved(r, -0.5)), close(w0, right), at + ": they moved by +eta dE/dw; descending gives " + s(right) + ".");
        mistake("learning-rate-twice", close(w0, moved(r, 0.25)), close(w0, right), at + ": they moved by 0.5^2 dE/dw; w - 0.5 dE/dw = "
                + s(right) + ".");
        double[] b0 = n.layers().get(0).biases();
        mistake("bias-not-updated", close(w0, right) && close(b0, B[0]), close(b0, new double[] {B[0][0] - 0.15, B[0][1] + 0.1}),
                "the first layer's biases stayed " + s(b0) + "; with dE/db = (0.3, -0.2) and eta = 0.5 they become "
                + s(new double[] {B[0][0] - 0.15, B[0][1] + 0.1}) + ".");
    }

    /** The probe's own E = 1/2 ||o - t||^2 of the network (w, b) at X, T. */
    static double error(double[][][] w, double[][] b) {
        double[] o = forward(w, b, X, false)[1][w.length];
        double e = 0;
        for (int k = 0; k < o.length; k++) {
            e += (o[k] - T[k]) * (o[k] - T[k]) / 2;
        }
        return e;
    }

    /** The probe's own finite differences of E by the first layer's weights: from w - back * h to w + ahead * h, over (ahead + back) h. */
    static double[][] difference(double h, int ahead, int back) {
        double[][] g = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double[][][] plus = {copy(W[0]), W[1]};
                double[][][] minus = {copy(W[0]), W[1]};
                plus[0][i][j] += ahead * h;
                minus[0][i][j] -= back * h;
                g[i][j] = (error(plus, B) - error(minus, B)) / ((ahead + back) * h);
            }
        }
        return g;
    }

    @Test
    @Tag("ex4.6")
    void gradientCheck() {
        needs(close(Backpropagation.forward(network(W, B), X).output(), forward(W, B, X, false)[1][2]), "Backpropagation.forward (exercise 4.1)");
        double[][] g = GradientCheck.numericalGradients(network(W, B), X, T, 0.1).weights().get(0);
        double[][] right = difference(0.1, 1, 1);
        mistake("forward-difference", close(g, difference(0.1, 1, 0)) || close(g, difference(0.1, 0, 1)), close(g, right),
                "with h = 0.1 your numerical dE/dw of the first layer is " + s(g) + ", a one-sided difference over h; the central difference "
                + "(E(w + h) - E(w - h)) / 2h gives " + s(right) + ".");
    }

    /**
     * One epoch of the probe's own online training: {w0, w1, b, {{sum of the rows' losses}}}; variant: 0 right, 1 stale weights,
     * 2 climbing, 3 bias kept, 4 eta applied twice.
     */
    static double[][][] train(int variant, double eta) {
        double[][][] w = {copy(W[0]), copy(W[1])};
        double[][] b = {B[0].clone(), B[1].clone()};
        double loss = 0;
        double rate = variant == 4 ? eta * eta : eta;
        for (int row = 0; row < 4; row++) {
            double[] x = XorTraining.INPUTS.get(row).clone();
            double[] t = XorTraining.TARGETS.get(row).clone();
            double[][][] f = forward(w, b, x, false);
            double[][] nets = f[0];
            double[][] outs = f[1];
            loss += (outs[2][0] - t[0]) * (outs[2][0] - t[0]) / 2;
            double[] d1 = {(outs[2][0] - t[0]) * logisticDerivative(nets[1][0])};
            if (variant == 1) {
                step(w, b, 1, outs[1], d1, rate, variant);
            }
            double[] d0 = new double[2];
            for (int j = 0; j < 2; j++) {
                d0[j] = w[1][j][0] * d1[0] * logisticDerivative(nets[0][j]);
            }
            if (variant != 1) {
                step(w, b, 1, outs[1], d1, rate, variant);
            }
            step(w, b, 0, outs[0], d0, rate, variant);
        }
        return new double[][][] {w[0], w[1], b, {{loss}}};
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

    /** Whether the forward pass, the gradients and the update that the training calls are right at (W, B) and the first XOR row. */
    static boolean stepsRight() {
        double[] x = XorTraining.INPUTS.get(0);
        double[] t = XorTraining.TARGETS.get(0);
        double[][][] f = forward(W, B, x, false);
        ForwardPass pass = Backpropagation.forward(network(W, B), x);
        if (!close(pass.output(), f[1][2]) || !close(pass.netInputs().get(0), f[0][0])) {
            return false;
        }
        double[][][][] r = gradients(W, B, x, t);
        Gradients g = Backpropagation.gradients(network(W, B), pass, t);
        double[][] moved = moved(gradients(W, B, X, T)[0][0], 0.5);
        return close(g.weights().get(0), r[0][0]) && close(g.weights().get(1), r[0][1]) && close(g.biases().get(0), r[1][0][0])
                && close(updated(0.5).layers().get(0).weights(), moved)
                && close(updated(0.5).layers().get(0).biases(), new double[] {B[0][0] - 0.15, B[0][1] + 0.1});
    }

    @Test
    @Tag("ex4.7")
    void xorEpoch() {
        needs(stepsRight(), "Backpropagation.forward, gradients or update (exercises 4.1-4.5)");
        XorTraining.TrainingRun run = XorTraining.train(network(W, B), 2.0, 1);
        Network n = run.network();
        double[][] w0 = n.layers().get(0).weights();
        double[][] w1 = n.layers().get(1).weights();
        double[] b0 = n.layers().get(0).biases();
        String[] names = {"", "stale-weights", "sign-of-update", "bias-not-updated", "learning-rate-twice"};
        double[][][] right = train(0, 2.0);
        boolean isRight = close(w0, right[0]) && close(w1, right[1]) && close(b0, right[2][0]);
        for (int v = 1; v < names.length; v++) {
            double[][][] m = train(v, 2.0);
            boolean matches = close(w0, m[0]) && close(w1, m[1]) && close(b0, m[2][0]);
            String what = switch (v) {
                case 1 -> "the inner deltas were computed with output weights already updated for the same row";
                case 2 -> "every weight moved uphill";
                case 3 -> "the biases never changed";
                default -> "every step was 2^2 * dE/dw, the learning rate applied twice";
            };
            mistake(names[v], matches, isRight, "after one epoch on XOR with learning rate 2 the first layer's weights are " + s(w0)
                    + ": " + what + "; the right training gives " + s(right[0]) + ".");
        }
        double loss = run.epochLosses()[0];
        double sum = right[3][0][0];
        mistake("factor-n", isRight && (close(loss, sum) || close(loss, sum / 16)), close(loss, sum / 4), "the epoch's loss is " + s(loss)
                + (close(loss, sum) ? ", the SUM" : ", the sum divided by 4 twice") + " of the four rows' losses; the epoch's loss is their mean, "
                + s(sum / 4) + ".");
    }
}
