package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.broken;
import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.logistic;
import static backprop.tools.grader.probes.Probe.logisticDerivative;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.needs;
import static backprop.tools.grader.probes.Probe.s;

import backprop.logistic.FiniteDifference;
import backprop.logistic.Logistic;
import backprop.logistic.Relu;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Probes of chapter 3. */
class LogisticProbes {

    static final double[] FAR = {-800, -710, 710, 800};

    /** The first net input of FAR where phi is NaN, infinite or outside [0, 1], or NaN when there is none. */
    static double overflowsAt(DoubleUnaryOperator f, double low, double high) {
        for (double z : FAR) {
            double v = f.applyAsDouble(z);
            if (broken(v) || v < low || v > high) {
                return z;
            }
        }
        return Double.NaN;
    }

    static boolean rightNearZero(Logistic phi) {
        return close(phi.value(2), logistic(2)) && close(phi.value(-2), logistic(-2));
    }

    @Test
    @Tag("ex3.1")
    void valueOverflow() {
        Logistic phi = new Logistic();
        double z = overflowsAt(phi::value, 0, 1);
        needs(!Double.isNaN(z), "nothing to diagnose: no overflow");
        mistake("logistic-overflow", rightNearZero(phi), false, "Logistic.value(" + s(z) + ") gave "
                + s(phi.value(z)) + " though phi(2) = " + s(phi.value(2)) + " is right: a power of e overflowed; phi(" + s(z) + ") is "
                + (z > 0 ? "1" : "0 (about e^" + s(z) + ")") + ".");
    }

    @Test
    @Tag("ex3.2")
    void derivativeFromNetInput() {
        Logistic phi = new Logistic();
        needs(rightNearZero(phi), "Logistic.value (exercise 3.1)");
        double d = phi.derivative(2);
        double right = logisticDerivative(2);
        mistake("derivative-of-net-input", close(d, 2 * (1 - 2)), close(d, right), "Logistic.derivative(2) gave " + s(d)
                + " = z (1 - z) at the net input z = 2; the logistic's slope is phi(z) (1 - phi(z)) = " + s(right) + ".");
        mistake("logistic-applied-twice", close(d, logisticDerivative(logistic(2))), close(d, right), "Logistic.derivative(2) gave "
                + s(d) + " = phi'(phi(2)): the net input went through phi twice; right: " + s(right) + ".");
        needs(Double.isNaN(overflowsAt(phi::value, 0, 1)), "Logistic.value at large |z| (exercise 3.1)");
        double z = overflowsAt(phi::derivative, 0, 0.25);
        needs(!Double.isNaN(z), "nothing to diagnose: no overflow");
        mistake("logistic-overflow", close(d, right), false, "Logistic.derivative(" + s(z) + ") gave "
                + s(phi.derivative(z)) + " though phi'(2) = " + s(d) + " is right: a power of e overflowed; phi'("
                + s(z) + ") is 0 (to double precision).");
    }

    @Test
    @Tag("ex3.3")
    void derivativeFromOutput() {
        double d = Logistic.derivativeFromOutput(0.75);
        mistake("logistic-applied-twice", close(d, logisticDerivative(0.75)), close(d, 0.1875), "derivativeFromOutput(0.75) gave "
                + s(d) + " = phi'(0.75): the output was passed through phi again; from the output o it is o (1 - o) = 0.1875.");
    }

    @Test
    @Tag("ex3.4")
    void central() {
        // f = x^3 at x = 1, h = 0.1: central (1.331 - 0.729) / 0.2 = 3.01, forward 3.31, backward 2.71
        DoubleUnaryOperator cube = x -> x * x * x;
        double d = FiniteDifference.central(cube, 1, 0.1);
        double right = (1.331 - 0.729) / 0.2;
        mistake("forward-difference", close(d, (1.331 - 1) / 0.1) || close(d, (1 - 0.729) / 0.1), close(d, right),
                "FiniteDifference.central(x^3, x = 1, h = 0.1) gave " + s(d) + ", a one-sided difference over h; (f(1.1) - f(0.9)) / 0.2 = "
                + s(right) + ".");
    }

    @Test
    @Tag("ex3.5")
    void reluDerivative() {
        Relu relu = new Relu();
        needs(close(relu.value(2.5), 2.5) && close(relu.value(-1), 0), "Relu.value");
        double d = relu.derivative(2.5);
        mistake("relu-derivative-is-value", close(d, 2.5), close(d, 1), "Relu.derivative(2.5) gave " + s(d)
                + " = relu(2.5); the slope of max(0, z) at z = 2.5 is 1.");
    }
}
