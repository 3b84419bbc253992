package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.broken;
import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.needs;
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
        String at = "the batch loss of three examples with E_x = 0.5, 2, 2 is " + s(a);
        mistake("factor-n", close(a, 4.5) || close(a, 0.5), close(a, 1.5), at + (close(a, 4.5) ? ", their SUM" : ", their sum divided by n twice")
                + "; Eq. 5.1 averages: 1.5.");
        mistake("skips-last", close(a, 2.5 / 3) || close(a, 1.25), close(a, 1.5), at + ", which leaves out the last example; the mean of all three is 1.5.");
    }

    @Test
    @Tag("ex5.5")
    void batchGradient() {
        List<double[]> g = BatchLoss.gradient(HALF, Y, T);
        double[] first = g.get(0);
        double[] right = {1.0 / 3, 0};
        String at = "for three examples the first example's gradient is " + s(first);
        mistake("factor-n", close(first, new double[] {1, 0}) || close(first, new double[] {1.0 / 9, 0}), close(first, right), at
                + (close(first, new double[] {1, 0}) ? ", its own gradient y - t unscaled" : ", y - t divided by n twice")
                + "; the batch averages, so it is (1/3)(y - t) = " + s(right) + ".");
        boolean lastOut = g.size() == 2 || g.size() == 3 && close(g.get(2), new double[] {0, 0});
        mistake("skips-last", lastOut && close(first, right), close(first, right) && g.size() == 3 && close(g.get(2), new double[] {2.0 / 3, 0}),
                "for three examples your batch gradient has " + g.size() + " entries, the last " + s(g.get(g.size() - 1))
                + ": the loop left out the last example, whose gradient is (1/3)(y - t) = " + s(new double[] {2.0 / 3, 0}) + ".");
    }

    /** Logits whose softmax is (0.25, 0.75), shifted by c. */
    static double[] logits(double c) {
        return new double[] {c, c + Math.log(3)};
    }

    static final double[] QUARTERS = {0.25, 0.75};

    @Test
    @Tag("ex5.2")
    void softmaxOverflow() {
        double[] small = SoftmaxCrossEntropy.softmax(logits(0));
        needs(close(small, QUARTERS), "nothing to diagnose at large logits when small ones are wrong");
        for (double c : new double[] {800, -800}) {
            double[] p = SoftmaxCrossEntropy.softmax(logits(c));
            mistake("softmax-overflow", broken(p), close(p, QUARTERS), "softmax(" + s(logits(c)) + ") gave " + s(p) + " though softmax(0, ln 3) = "
                    + s(small) + " is right: e^" + s(c) + " " + (c > 0 ? "overflows" : "underflows") + "; shifted by the largest logit it is (0.25, 0.75).");
        }
    }

    @Test
    @Tag("ex5.3")
    void crossEntropyGradient() {
        double[] z = logits(0);
        needs(close(SoftmaxCrossEntropy.softmax(z), QUARTERS), "SoftmaxCrossEntropy.softmax (exercise 5.2)");
        double[] g = new SoftmaxCrossEntropy().gradient(z, new double[] {0, 1});
        double[] right = {0.25, -0.25};
        String at = "for logits (0, ln 3), p = (0.25, 0.75) and t = (0, 1) your gradient is " + s(g);
        mistake("sign-of-error-derivative", close(g, new double[] {-0.25, 0.25}), close(g, right), at + " = t - p; dE/dz = p - t = (0.25, -0.25).");
        // the diagonal of the softmax's Jacobian only: dE/dz_k = -t_k / p_k * p_k (1 - p_k) = -t_k (1 - p_k)
        mistake("softmax-coupling-missing", close(g, new double[] {0, -0.25}), close(g, right), at + " = -t_k (1 - p_k): only the diagonal "
                + "dp_k/dz_k = p_k (1 - p_k) was used; with the coupling dp_k/dz_j = -p_k p_j of the other outputs, dE/dz = p - t = (0.25, -0.25).");
    }

    @Test
    @Tag("ex5.3")
    void crossEntropyOverflow() {
        double[] t = {0, 1};
        SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
        double right = -Math.log(0.75);
        double small = ce.value(logits(0), t);
        needs(close(small, right), "nothing to diagnose at large logits when small ones are wrong");
        needs(close(SoftmaxCrossEntropy.softmax(logits(800)), QUARTERS), "SoftmaxCrossEntropy.softmax at large logits (exercise 5.2)");
        for (double c : new double[] {800, -800}) {
            double e = ce.value(logits(c), t);
            mistake("softmax-overflow", broken(e), close(e, right), "the cross-entropy of logits " + s(logits(c)) + " against t = (0, 1) is " + s(e)
                    + " though at (0, ln 3) it is right: log sum e^z overflowed; m + log sum e^(z - m) with m the largest logit gives -ln 0.75 = "
                    + s(right) + ".");
        }
    }
}
