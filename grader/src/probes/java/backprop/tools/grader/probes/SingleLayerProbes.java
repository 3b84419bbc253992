package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.logistic;
import static backprop.tools.grader.probes.Probe.logisticDerivative;
import static backprop.tools.grader.probes.Probe.mistake;
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

    @Test
    @Tag("ex2.4")
    void gradient() {
        Gradient g = new Neuron(W, B, LOGISTIC).gradient(X, T);
        double net = 0.4 * 1 + 0.3 * 2 + 0.2;
        double o = logistic(net);
        double dEdo = o - T;
        double phi1 = logisticDerivative(net);
        double[] right = {dEdo * phi1 * X[0], dEdo * phi1 * X[1]};
        double[] dw = g.weights();
        String at = "for w = (0.4, 0.3), b = 0.2, x = (1, 2), t = 1 (net = 1.2, o = " + s(o) + "): your dE/dw = " + s(dw);
        mistake("missing-activation-derivative", close(dw, new double[] {dEdo * X[0], dEdo * X[1]}), close(dw, right),
                at + " equals (o - t) x without phi'(net) = " + s(phi1) + "; right: " + s(right) + ".");
        double phiOfO = logisticDerivative(o);
        mistake("logistic-applied-twice", close(dw, new double[] {dEdo * phiOfO * X[0], dEdo * phiOfO * X[1]}), close(dw, right),
                at + " uses phi'(o) = " + s(phiOfO) + " where phi'(net) = " + s(phi1) + " belongs; right: " + s(right) + ".");
        mistake("factor-half", close(dw, scale(right, 2)), close(dw, right), at + " is twice the right " + s(right) + ".");
        mistake("sign-of-error-derivative", close(dw, scale(right, -1)), close(dw, right), at + " has the wrong sign; right: " + s(right) + ".");
        if (close(dw, right)) {
            double db = g.bias();
            double rightB = dEdo * phi1;
            mistake("bias-wrong-input", close(db, rightB * X[1]) || close(db, 0) || close(db, rightB * net) || close(db, rightB * B),
                    close(db, rightB), "dE/db = " + s(db) + " but the bias sees the constant input 1, so dE/db = delta = " + s(rightB) + ".");
        }
    }

    @Test
    @Tag("ex2.5")
    void update() {
        Neuron n = new Neuron(W, B, LOGISTIC).update(new Gradient(new double[] {0.1, -0.2}, 0.3), 0.5);
        double[] w = n.weights();
        double[] right = {0.35, 0.4};
        String at = "update with dE/dw = (0.1, -0.2), dE/db = 0.3, learning rate 0.5 from w = (0.4, 0.3), b = 0.2 gave w = " + s(w)
                + ", b = " + s(n.bias());
        mistake("sign-of-update", close(w, new double[] {0.45, 0.2}), close(w, right), at + "; descending gives w = " + s(right) + ".");
        mistake("bias-not-updated", close(w, right) && close(n.bias(), B), close(n.bias(), 0.05), at + "; b should become 0.2 - 0.5 * 0.3 = 0.05.");
    }

    @Test
    @Tag("ex2.6")
    void train() {
        Neuron start = new Neuron(W, B, LOGISTIC);
        Neuron n = Training.train(start, List.of(new Example(X, T)), 0.5, 1);
        double net = 1.2;
        double delta = (logistic(net) - T) * logisticDerivative(net);
        double[] right = {W[0] - 0.5 * delta * X[0], W[1] - 0.5 * delta * X[1]};
        double[] climb = {W[0] + 0.5 * delta * X[0], W[1] + 0.5 * delta * X[1]};
        String at = "one epoch on x = (1, 2), t = 1 from w = (0.4, 0.3), b = 0.2 with learning rate 0.5 gave w = " + s(n.weights())
                + ", b = " + s(n.bias());
        mistake("sign-of-update", close(n.weights(), climb), close(n.weights(), right), at + "; descending gives " + s(right) + ".");
        mistake("bias-not-updated", close(n.weights(), right) && close(n.bias(), B), close(n.bias(), B - 0.5 * delta),
                at + "; b should become " + s(B - 0.5 * delta) + ".");
    }
}
