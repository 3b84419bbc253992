package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.logistic;
import static backprop.tools.grader.probes.Probe.logisticDerivative;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.needs;
import static backprop.tools.grader.probes.Probe.s;
import static backprop.tools.grader.probes.Probe.scale;

import backprop.singlelayer.Activation;
import backprop.singlelayer.ChainRule;
import backprop.singlelayer.Example;
import backprop.singlelayer.Gradient;
import backprop.singlelayer.Neuron;
import backprop.singlelayer.Training;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Probes of chapter 2. The activation is the probe's own logistic function. */
class SingleLayerProbes {

    static final Activation LOGISTIC = new Activation() {
        @Override
        public double value(double z) {
            return logistic(z);
        }

        @Override
        public double derivative(double z) {
            return logisticDerivative(z);
        }
    };

    static final double[] W = {0.4, 0.3};
    static final double B = 0.2;
    static final double[] X = {1.0, 2.0};
    static final double T = 1.0;

    @Test
    @Tag("ex2.3")
    void outputErrorDerivative() {
        double d = ChainRule.outputErrorDerivative(1, 0.25);
        mistake("sign-of-error-derivative", close(d, 0.75) || close(d, 1.5), close(d, -0.75),
                "outputErrorDerivative(t = 1, y = 0.25) gave " + s(d) + " but dE/dy = y - t = -0.75.");
        mistake("factor-half", close(d, -1.5), close(d, -0.75), "outputErrorDerivative(t = 1, y = 0.25) gave " + s(d)
                + " = 2 (y - t), the derivative of (t - y)^2; for E = 1/2 (t - y)^2 it is y - t = -0.75.");
    }

    /** The probe's own delta (o - t) phi'(net) of a neuron at an example. */
    static double delta(double[] w, double b, double[] x, double t) {
        double net = b;
        for (int i = 0; i < w.length; i++) {
            net += w[i] * x[i];
        }
        return (logistic(net) - t) * logisticDerivative(net);
    }

    /** Whether the neuron's own net input, output and dE/do, which the gradient calls, are right at (x, t). */
    static boolean partsRight(Neuron n, double[] x, double t) {
        double net = n.bias();
        for (int i = 0; i < x.length; i++) {
            net += n.weights()[i] * x[i];
        }
        double o = logistic(net);
        return close(n.netInput(x), net) && close(n.output(x), o) && close(ChainRule.outputErrorDerivative(t, o), o - t);
    }

    @Test
    @Tag("ex2.4")
    void gradient() {
        Neuron neuron = new Neuron(W, B, LOGISTIC);
        needs(partsRight(neuron, X, T), "Neuron.netInput, Neuron.output or ChainRule.outputErrorDerivative (exercises 2.1-2.3)");
        Gradient g = neuron.gradient(X, T);
        double net = 0.4 * 1 + 0.3 * 2 + 0.2;
        double o = logistic(net);
        double dEdo = o - T;
        double phi1 = logisticDerivative(net);
        double[] right = scale(X, dEdo * phi1);
        double[] dw = g.weights();
        String at = "for w = (0.4, 0.3), b = 0.2, x = (1, 2), t = 1 (net = 1.2, o = " + s(o) + "): your dE/dw = " + s(dw);
        mistake("missing-activation-derivative", close(dw, scale(X, dEdo)), close(dw, right),
                at + " equals (o - t) x without phi'(net) = " + s(phi1) + "; right: " + s(right) + ".");
        double phiOfO = logisticDerivative(o);
        mistake("derivative-at-output", close(dw, scale(X, dEdo * phiOfO)), close(dw, right),
                at + " uses phi'(o) = " + s(phiOfO) + ", the derivative called with the output; phi'(net) = " + s(phi1) + " belongs there; right: "
                + s(right) + ".");
        mistake("derivative-of-net-input", close(dw, scale(X, dEdo * net * (1 - net))), close(dw, right),
                at + " uses z(1 - z) = " + s(net * (1 - net)) + " at the net input z = 1.2; the logistic's slope is phi(z)(1 - phi(z)) = " + s(phi1)
                + "; right: " + s(right) + ".");
        mistake("factor-half", close(dw, scale(right, 2)), close(dw, right), at + " is twice the right " + s(right) + ".");
        mistake("sign-of-error-derivative", close(dw, scale(right, -1)), close(dw, right), at + " has the wrong sign; right: " + s(right) + ".");
        if (close(dw, right)) {
            double db = g.bias();
            double rightB = dEdo * phi1;
            mistake("bias-wrong-input", close(db, rightB * X[1]) || close(db, 0) || close(db, rightB * net) || close(db, rightB * B),
                    close(db, rightB), "dE/db = " + s(db) + " but the bias sees the constant input 1, so dE/db = delta = " + s(rightB) + ".");
        }
    }

    /** The probe's own update of (W, B) by dE/dw = (0.1, -0.2), dE/db = 0.3 with a step of eta = f. */
    private static double[] updated(double f) {
        return new double[] {W[0] - f * 0.1, W[1] + f * 0.2};
    }

    @Test
    @Tag("ex2.5")
    void update() {
        Neuron n = new Neuron(W, B, LOGISTIC).update(new Gradient(new double[] {0.1, -0.2}, 0.3), 0.5);
        double[] w = n.weights();
        double[] right = updated(0.5);
        String at = "update with dE/dw = (0.1, -0.2), dE/db = 0.3, learning rate 0.5 from w = (0.4, 0.3), b = 0.2 gave w = " + s(w)
                + ", b = " + s(n.bias());
        mistake("sign-of-update", close(w, updated(-0.5)), close(w, right), at + "; descending gives w = " + s(right) + ".");
        mistake("learning-rate-twice", close(w, updated(0.25)), close(w, right), at + ", a step of 0.5^2 * dE/dw; w - 0.5 dE/dw = " + s(right) + ".");
        mistake("bias-not-updated", close(w, right) && close(n.bias(), B), close(n.bias(), 0.05), at + "; b should become 0.2 - 0.5 * 0.3 = 0.05.");
    }

    static final List<Example> TWO = List.of(new Example(X, T), new Example(new double[] {0.5, -1.0}, 0.0));

    /** One epoch of the probe's own online training on TWO from (W, B): {w1, w2, b}; variant 0 right, 1 climbing, 2 eta^2, 3 bias kept, 4 last example skipped. */
    static double[] epoch(int variant, double eta) {
        double[] w = W.clone();
        double b = B;
        double sign = variant == 1 ? 1 : -1;
        double step = variant == 2 ? eta * eta : eta;
        for (Example e : variant == 4 ? TWO.subList(0, 1) : TWO) {
            double d = delta(w, b, e.inputs(), e.target());
            for (int i = 0; i < w.length; i++) {
                w[i] += sign * step * d * e.inputs()[i];
            }
            b += variant == 3 ? 0 : sign * step * d;
        }
        return new double[] {w[0], w[1], b};
    }

    @Test
    @Tag("ex2.6")
    void train() {
        Neuron start = new Neuron(W, B, LOGISTIC);
        double d = delta(W, B, X, T);
        needs(partsRight(start, X, T) && close(start.gradient(X, T).weights(), scale(X, d)) && close(start.gradient(X, T).bias(), d),
                "Neuron.gradient (exercise 2.4)");
        Neuron moved = start.update(new Gradient(new double[] {0.1, -0.2}, 0.3), 0.5);
        needs(close(moved.weights(), updated(0.5)) && close(moved.bias(), 0.05), "Neuron.update (exercise 2.5)");
        Neuron n = Training.train(start, TWO, 0.5, 1);
        double[] got = {n.weights()[0], n.weights()[1], n.bias()};
        double[] right = epoch(0, 0.5);
        String at = "one epoch on x = (1, 2), t = 1 and x = (0.5, -1), t = 0 from w = (0.4, 0.3), b = 0.2 with learning rate 0.5 gave (w, b) = "
                + s(got) + "; the right epoch gives " + s(right);
        String[] names = {"", "sign-of-update", "learning-rate-twice", "bias-not-updated", "skips-last"};
        String[] what = {"", ": every step climbed", ": each step was 0.5^2 * dE/dw", ": the bias never changed", ": the last example was never used"};
        for (int v = 1; v < names.length; v++) {
            mistake(names[v], close(got, epoch(v, 0.5)), close(got, right), at + what[v] + ".");
        }
    }
}
