package backprop.autodiff;

import backprop.common.Require;

/**
 * The inputs each operation of chapter 7 accepts, checked in one place for the reverse-mode
 * nodes ({@link Value}) and the dual numbers ({@link Dual}). Given code: students do not write it.
 *
 * <p>Each check throws {@link IllegalArgumentException} naming the operation and the number, so
 * that a bad input never turns into a NaN that travels through the graph.
 */
final class Domain {

    /** The largest x whose e^x is a finite double. */
    static final double MAX_EXP = Math.log(Double.MAX_VALUE);

    private Domain() {
    }

    /** ln x needs x > 0. */
    static void log(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("log needs a positive number but got " + x
                    + ": the logarithm of a number that is not positive is not a real number");
        }
    }

    /** e^x must not overflow. */
    static void exp(double x) {
        if (x > MAX_EXP) {
            throw new IllegalArgumentException("exp(" + x + ") overflows a double: e^x is finite only for x up to "
                    + MAX_EXP);
        }
    }

    /** x^p needs a finite p, a whole p for a negative x, and p of at least 1 at x = 0. */
    static void power(double x, double exponent) {
        Require.finite(exponent, "exponent");
        if (x < 0 && exponent != Math.rint(exponent)) {
            throw new IllegalArgumentException("a negative number (" + x + ") has no real power " + exponent
                    + "; use a whole exponent");
        }
        if (x == 0 && exponent < 1) {
            throw new IllegalArgumentException("0 to the power " + exponent
                    + " has no finite derivative (p x^(p - 1) is infinite or undefined at x = 0)");
        }
    }

    /** An exponent as the node's name shows it: 2 rather than 2.0. */
    static String show(double exponent) {
        return exponent == Math.rint(exponent) && Math.abs(exponent) < 1e15
                ? String.valueOf((long) exponent) : String.valueOf(exponent);
    }
}
