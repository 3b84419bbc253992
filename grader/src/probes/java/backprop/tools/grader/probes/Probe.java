package backprop.tools.grader.probes;

import java.util.Arrays;

/**
 * Helpers of the diagnostic probes. A probe calls the student's code on fixed inputs, computes
 * with its own formulas what the right answer and what each classic mistake would give, and,
 * when the student's numbers match a mistake (and not the right answer), fails with a
 * {@link MistakeFound} ({@code MISTAKE[id] evidence}). The grader turns that into feedback; probes never score.
 */
final class Probe {

    private Probe() {
    }

    static boolean close(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            // the relative bound below is infinite there: Infinity would be close to every number
            return a == b;
        }
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    static boolean close(double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    static boolean close(double[][] a, double[][] b) {
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    /** Fails with the mistake's id when the student's value matches what the mistake gives but not the right value. */
    static void mistake(String id, boolean matchesMistake, boolean matchesRight, String evidence) {
        if (matchesMistake && !matchesRight) {
            throw new MistakeFound(id, evidence);
        }
    }

    /**
     * Goes no further (names nothing) unless another student method this one calls gives the right
     * value on the probe's inputs: a method is only blamed for what it computes itself.
     */
    static void needs(boolean right, String what) {
        org.junit.jupiter.api.Assumptions.assumeTrue(right, () -> "not diagnosed: " + what + " is not right yet");
    }

    /** Whether a value of the student's is not a usable number: NaN or infinite. */
    static boolean broken(double d) {
        return !Double.isFinite(d);
    }

    static boolean broken(double[] d) {
        return d == null || Arrays.stream(d).anyMatch(Probe::broken);
    }

    static String s(double d) {
        return String.format(java.util.Locale.ROOT, "%.6g", d);
    }

    static String s(double[] d) {
        if (d == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < d.length; i++) {
            b.append(i == 0 ? "" : ", ").append(s(d[i]));
        }
        return b.append(')').toString();
    }

    static String s(double[][] d) {
        return d == null ? "null" : Arrays.stream(d).map(Probe::s).reduce((x, y) -> x + ", " + y).map(x -> "[" + x + "]").orElse("[]");
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double logisticDerivative(double z) {
        double p = logistic(z);
        return p * (1 - p);
    }

    static double[] scale(double[] v, double f) {
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= f;
        }
        return r;
    }

    static double[][] scale(double[][] m, double f) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = scale(m[i], f);
        }
        return r;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
