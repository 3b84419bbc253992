package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.needs;
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

    static final LinearNeuron HALF = new LinearNeuron(0.5, 0.5);

    /** Three cases at w = (0.5, 0.5): y = 1, 0.5, 0.5 and dE/dy = 2, 1, -1. */
    static final List<TrainingCase> THREE = List.of(new TrainingCase(1, 1, 0), new TrainingCase(1, 0, 0), new TrainingCase(0, 1, 1));

    /** Whether the student's output and dE/dy, which the gradient calls, are right on the three cases. */
    static boolean partsRight() {
        double[] y = {1, 0.5, 0.5};
        for (int c = 0; c < 3; c++) {
            TrainingCase k = THREE.get(c);
            if (!close(HALF.output(k), y[c]) || !close(SquaredError.derivative(k.target(), y[c]), 2 * (y[c] - k.target()))) {
                return false;
            }
        }
        return true;
    }

    @Test
    @Tag("ex1.5")
    void gradient() {
        needs(partsRight(), "LinearNeuron.output or SquaredError.derivative (exercises 1.1, 1.3)");
        double[] g = GradientDescent.gradient(HALF, THREE);
        // the per-case gradients 2 (y - t) x are (2, 2), (1, 0), (0, -1): sum (3, 1), mean (1, 1/3)
        double[] right = {1, 1.0 / 3};
        String at = "GradientDescent.gradient at w = (0.5, 0.5) on three cases whose gradients are (2, 2), (1, 0), (0, -1) gave " + s(g);
        mistake("factor-n", close(g, new double[] {3, 1}) || close(g, new double[] {1.0 / 3, 1.0 / 9}), close(g, right), at
                + (close(g, new double[] {3, 1}) ? ", their SUM" : ", the sum divided by n twice") + "; the mean divides by n = 3 once: " + s(right) + ".");
        mistake("factor-half", close(g, new double[] {0.5, 1.0 / 6}), close(g, right), at
                + ", half of " + s(right) + ": the factor 2 of dE/dy = 2 (y - t) is missing.");
        mistake("sign-of-error-derivative", close(g, new double[] {-1, -1.0 / 3}), close(g, right), at + ", the negative of " + s(right) + ".");
        mistake("skips-last", close(g, new double[] {1, 2.0 / 3}) || close(g, new double[] {1.5, 1}), close(g, right), at
                + ", which leaves out the last case; over all three: " + s(right) + ".");
    }

    private static final List<TrainingCase> ONE = List.of(new TrainingCase(1, 1, 0));

    /** The probe's neuron after one step of size eta * factor from (0.5, 0.5) on ONE, where dE/dw = (2, 2). */
    private static double[] after(double factor) {
        return new double[] {0.5 - factor * 2, 0.5 - factor * 2};
    }

    private static void step(String what, double[] w) {
        String at = what + " from w = (0.5, 0.5) on the case (1, 1, 0), where dE/dw = (2, 2), with learning rate 0.1 went to " + s(w);
        mistake("sign-of-update", close(w, after(-0.1)), close(w, after(0.1)), at + " instead of " + s(after(0.1)) + ": it climbed.");
        mistake("learning-rate-twice", close(w, after(0.01)), close(w, after(0.1)), at + ", a step of 0.1^2 * dE/dw; w - 0.1 dE/dw = "
                + s(after(0.1)) + ".");
    }

    @Test
    @Tag("ex1.6")
    void step() {
        needs(close(GradientDescent.gradient(HALF, ONE), new double[] {2, 2}), "GradientDescent.gradient (exercise 1.5)");
        LinearNeuron next = GradientDescent.step(HALF, ONE, 0.1);
        step("one step", new double[] {next.w1(), next.w2()});
    }

    @Test
    @Tag("ex1.7")
    void fit() {
        LinearNeuron one = GradientDescent.step(HALF, ONE, 0.1);
        needs(close(new double[] {one.w1(), one.w2()}, after(0.1)), "GradientDescent.step (exercise 1.6)");
        List<LinearNeuron> path = GradientDescent.fit(HALF, ONE, 0.1, 1);
        LinearNeuron last = path.get(path.size() - 1);
        step("fitting one step", new double[] {last.w1(), last.w2()});
    }
}
