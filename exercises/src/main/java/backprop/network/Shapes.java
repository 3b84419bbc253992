package backprop.network;

import backprop.common.Require;

/**
 * Shape checks and copies shared by the classes of chapter 4. Given code: students do not write it.
 */
final class Shapes {

    private Shapes() {
    }

    /** "1 input", "2 inputs": a count with its noun. */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The array must hold finite numbers and have exactly {@code expected} entries. */
    static void vector(double[] values, String name, int expected, String what) {
        Require.finite(values, name);
        if (values.length != expected) {
            throw new IllegalArgumentException(name + " has " + count(values.length, "entry", "entries")
                    + " but " + what);
        }
    }

    /**
     * Two networks (or a network and its gradients) must have the same layers, shaped alike.
     *
     * @param actual the shape to check, as {@code {rows, columns}} per layer
     * @param name the name of what is checked, e.g. "gradients"
     * @param expected the shape it must have
     * @param other the name of what has the expected shape, e.g. "the network"
     */
    static void sameShape(int[][] actual, String name, int[][] expected, String other) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException(name + " has " + count(actual.length, "layer", "layers")
                    + " but " + other + " has " + expected.length);
        }
        for (int l = 0; l < actual.length; l++) {
            if (actual[l][0] != expected[l][0] || actual[l][1] != expected[l][1]) {
                throw new IllegalArgumentException(name + ".weights[" + l + "] is " + actual[l][0] + " x "
                        + actual[l][1] + " but layer " + l + " of " + other + " is " + expected[l][0]
                        + " x " + expected[l][1]);
            }
        }
    }

    /** A deep copy of a matrix. */
    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
