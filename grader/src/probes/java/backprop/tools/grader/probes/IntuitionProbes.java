package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.s;

import backprop.intuition.GradientDescent;
import backprop.intuition.LinearNeuron;
import backprop.intuition.SquaredError;
import backprop.intuition.TrainingCase;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Probes of chapter 1: which classic mistake do the student's numbers show? */
class IntuitionProbes {

    @Test
    @Tag("ex1.2")
    void errorFactorHalf() {
        double e = SquaredError.error(0, 2);
        mistake("factor-half", close(e, 2), close(e, 4), "SquaredError.error(t = 0, y = 2) gave " + s(e)
                + ", which is 1/2 (t - y)^2; Eq. 1.2 of chapter 1 is (t - y)^2 = 4.");
    }

    @Test
    @Tag("ex1.3")
    void derivative() {
        double d = SquaredError.derivative(0, 1);
        mistake("sign-of-error-derivative", close(d, -2) || close(d, -1), close(d, 2),
                "SquaredError.derivative(t = 0, y = 1) gave " + s(d) + " but dE/dy = 2 (y - t) = 2.");
        mistake("factor-half", close(d, 1), close(d, 2),
                "SquaredError.derivative(t = 0, y = 1) gave " + s(d) + " = y - t, the derivative of 1/2 (t - y)^2; chapter 1's E = (t - y)^2 gives 2.");
    }

    private static final List<TrainingCase> TWO = List.of(new TrainingCase(1, 1, 0), new TrainingCase(1, 0, 0));

    @Test
    @Tag("ex1.5")
    void gradient() {
        double[] g = GradientDescent.gradient(new LinearNeuron(0.5, 0.5), TWO);
        // right: mean over the two cases of 2 (y - t) x: case 1 gives (2, 2), case 2 gives (1, 0)
        double[] right = {1.5, 1.0};
        mistake("factor-n", close(g, new double[] {3, 2}), close(g, right), "GradientDescent.gradient on two cases gave "
                + s(g) + ", the SUM of the per-case gradients; the mean is " + s(right) + ".");
        mistake("factor-half", close(g, new double[] {0.75, 0.5}), close(g, right), "GradientDescent.gradient gave " + s(g)
                + ", half of " + s(right) + ": the factor 2 of dE/dy = 2 (y - t) is missing.");
        mistake("sign-of-error-derivative", close(g, new double[] {-1.5, -1}), close(g, right), "GradientDescent.gradient gave "
                + s(g) + ", the negative of " + s(right) + ".");
    }

    private static final List<TrainingCase> ONE = List.of(new TrainingCase(1, 1, 0));

    @Test
    @Tag("ex1.6")
    void step() {
        LinearNeuron next = GradientDescent.step(new LinearNeuron(0.5, 0.5), ONE, 0.1);
        double[] w = {next.w1(), next.w2()};
        mistake("sign-of-update", close(w, new double[] {0.7, 0.7}), close(w, new double[] {0.3, 0.3}),
                "one step from w = (0.5, 0.5) on the case (1, 1, 0), where dE/dw = (2, 2), with learning rate 0.1 went to "
                + s(w) + " instead of (0.3, 0.3).");
    }

    @Test
    @Tag("ex1.7")
    void fit() {
        List<LinearNeuron> path = GradientDescent.fit(new LinearNeuron(0.5, 0.5), ONE, 0.1, 1);
        LinearNeuron last = path.get(path.size() - 1);
        double[] w = {last.w1(), last.w2()};
        mistake("sign-of-update", close(w, new double[] {0.7, 0.7}), close(w, new double[] {0.3, 0.3}),
                "fitting one step from w = (0.5, 0.5) ended at " + s(w) + ": the error grew.");
    }
}
