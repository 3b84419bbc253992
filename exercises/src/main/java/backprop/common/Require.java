package backprop.common;

import java.util.List;

/**
 * Input checks shared by every chapter. Given code: students do not write it.
 *
 * <p>Each check throws {@link IllegalArgumentException} with a message that names the argument
 * and what is wrong with it, so that bad input never turns into a silent NaN or an
 * {@code ArrayIndexOutOfBoundsException} deep inside the algorithm.
 */
public final class Require {

    private Require() {
    }

    /** The value must be a finite number (not NaN, not infinite). */
    public static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number but was " + value);
        }
        return value;
    }

    /** Every entry must be finite, and the array must not be null. */
    public static double[] finite(double[] values, String name) {
        notNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be a finite number but was " + values[i]);
            }
        }
        return values;
    }

    /** A rectangular matrix of finite numbers with at least one row and one column. */
    public static double[][] matrix(double[][] values, String name) {
        notNull(values, name);
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " has no rows");
        }
        int columns = notNull(values[0], name + "[0]").length;
        if (columns == 0) {
            throw new IllegalArgumentException(name + " has no columns");
        }
        for (int i = 0; i < values.length; i++) {
            double[] row = notNull(values[i], name + "[" + i + "]");
            if (row.length != columns) {
                throw new IllegalArgumentException(name + " is not rectangular: row 0 has " + columns
                        + " columns but row " + i + " has " + row.length);
            }
            finite(row, name + "[" + i + "]");
        }
        return values;
    }

    /** A learning rate must be a finite number greater than zero. */
    public static double learningRate(double learningRate) {
        return positive(learningRate, "learningRate");
    }

    /** A step, such as a learning rate or a finite-difference step h, must be a finite number greater than zero. */
    public static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number greater than 0 but was " + value);
        }
        return value;
    }

    /**
     * A finite-difference step h at x, the value of {@code name}: a finite number greater than 0
     * ({@link #positive}), small enough that x + h, x - h and 2h stay finite, and large enough
     * that x + h and x - h differ from x, without which the difference would be 0 whatever the
     * function does.
     */
    public static double step(double x, String name, double h) {
        positive(h, "h");
        if (!Double.isFinite(x + h) || !Double.isFinite(x - h) || !Double.isFinite(2 * h)) {
            throw new IllegalArgumentException("h = " + h + " is too large at " + name + " = " + x + ": "
                    + name + " + h, " + name + " - h or 2h overflows");
        }
        if (x + h == x || x - h == x) {
            throw new IllegalArgumentException("h = " + h + " is too small at " + name + " = " + x + ": " + name + " + h or "
                    + name + " - h rounds back to " + name + ", so the difference would be 0 whatever f is");
        }
        return h;
    }

    /** A count such as a number of steps or epochs must not be negative. */
    public static int nonNegative(int count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative but was " + count);
        }
        return count;
    }

    /** A count such as a grid size must be at least {@code min}. */
    public static int atLeast(int count, int min, String name) {
        if (count < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + " but was " + count);
        }
        return count;
    }

    /** Two arrays that are combined entry by entry must have the same length. */
    public static void sameLength(double[] a, String aName, double[] b, String bName) {
        notNull(a, aName);
        notNull(b, bName);
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " has " + a.length + " entries but "
                    + bName + " has " + b.length);
        }
    }

    /** A batch or list of training cases must contain at least one element. */
    public static <T> List<T> nonEmpty(List<T> list, String name) {
        notNull(list, name);
        if (list.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty; it needs at least one element");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(name + " contains null at index " + i);
            }
        }
        return list;
    }

    /** The reference must not be null. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
