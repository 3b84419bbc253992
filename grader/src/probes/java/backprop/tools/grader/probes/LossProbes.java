package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.s;

import backprop.loss.BatchLoss;
import backprop.loss.HalfSquaredError;
import backprop.loss.Loss;
import backprop.loss.SoftmaxCrossEntropy;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Probes of chapter 5, with the probe's own half squared error for the batch probes. */
class LossProbes {

    /** The probe's own E_x = 1/2 ||y - t||^2. */
    static final Loss HALF = new Loss() {
        @Override
        public double value(double[] y, double[] t) {
            double s = 0;
            for (int k = 0; k < y.length; k++) {
                s += (y[k] - t[k]) * (y[k] - t[k]);
            }
            return s / 2;
        }

        @Override
        public double[] gradient(double[] y, double[] t) {
            double[] g = new double[y.length];
            for (int k = 0; k < y.length; k++) {
                g[k] = y[k] - t[k];
            }
            return g;
        }
    };

    @Test
    @Tag("ex5.1")
    void halfSquaredError() {
        HalfSquaredError e = new HalfSquaredError();
        double v = e.value(new double[] {1, 2}, new double[] {0, 2});
        mistake("factor-half", close(v, 1), close(v, 0.5), "the half squared error of (1, 2) against (0, 2) is " + s(v)
                + ", without the factor 1/2 of Eq. 5.3; right: 0.5.");
        double[] g = e.gradient(new double[] {1, 2}, new double[] {0, 2});
        mistake("factor-half", close(g, new double[] {2, 0}), close(g, new double[] {1, 0}), "its gradient is " + s(g)
                + " = 2 (y - t); for 1/2 ||y - t||^2 it is y - t = (1, 0).");
        mistake("sign-of-error-derivative", close(g, new double[] {-1, 0}), close(g, new double[] {1, 0}), "its gradient is "
                + s(g) + " = t - y; right: y - t = (1, 0).");
    }

    static final List<double[]> Y = List.of(new double[] {1, 0}, new double[] {0, 2}, new double[] {3, 1});
    static final List<double[]> T = List.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {1, 1});

    @Test
    @Tag("ex5.4")
    void average() {
        double a = BatchLoss.average(HALF, Y, T);
        // E_x = 0.5, 2, 2: mean 1.5, sum 4.5
        mistake("factor-n", close(a, 4.5), close(a, 1.5), "the batch loss of three examples with E_x = 0.5, 2, 2 is " + s(a)
                + ", their SUM; Eq. 5.1 averages: 1.5.");
    }

    @Test
    @Tag("ex5.5")
    void batchGradient() {
        List<double[]> g = BatchLoss.gradient(HALF, Y, T);
        double[] first = g.get(0);
        mistake("factor-n", close(first, new double[] {1, 0}), close(first, new double[] {1.0 / 3, 0}),
                "for three examples the first example's gradient is " + s(first)
                + ", its own gradient y - t unscaled; the batch averages, so it is (1/3)(y - t) = " + s(new double[] {1.0 / 3, 0}) + ".");
    }

    @Test
    @Tag("ex5.3")
    void crossEntropyGradient() {
        double[] z = {0, Math.log(3)};
        double[] g = new SoftmaxCrossEntropy().gradient(z, new double[] {0, 1});
        mistake("sign-of-error-derivative", close(g, new double[] {-0.25, 0.25}), close(g, new double[] {0.25, -0.25}),
                "for logits (0, ln 3), p = (0.25, 0.75) and t = (0, 1) your gradient is " + s(g) + " = t - p; dE/dz = p - t = (0.25, -0.25).");
    }
}
