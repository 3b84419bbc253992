package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.logistic;
import static backprop.tools.grader.probes.Probe.logisticDerivative;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.s;

import backprop.logistic.Logistic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Probes of chapter 3. */
class LogisticProbes {

    @Test
    @Tag("ex3.2")
    void derivativeFromNetInput() {
        double d = new Logistic().derivative(2);
        double right = logisticDerivative(2);
        mistake("derivative-of-net-input", close(d, 2 * (1 - 2)), close(d, right), "Logistic.derivative(2) gave " + s(d)
                + " = z (1 - z); the derivative at the net input z = 2 is phi(2) (1 - phi(2)) = " + s(right) + ".");
        mistake("logistic-applied-twice", close(d, logisticDerivative(logistic(2))), close(d, right), "Logistic.derivative(2) gave "
                + s(d) + " = phi'(phi(2)): the net input went through phi twice; right: " + s(right) + ".");
    }

    @Test
    @Tag("ex3.3")
    void derivativeFromOutput() {
        double d = Logistic.derivativeFromOutput(0.75);
        mistake("logistic-applied-twice", close(d, logisticDerivative(0.75)), close(d, 0.1875), "derivativeFromOutput(0.75) gave "
                + s(d) + " = phi'(0.75): the output was passed through phi again; from the output o it is o (1 - o) = 0.1875.");
    }
}
