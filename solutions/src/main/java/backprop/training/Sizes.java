package backprop.training;

import backprop.common.Require;
import java.util.function.Supplier;

/**
 * Shape checks shared by the classes of chapter 6, with messages that name both sides of the
 * mismatch. Given code: students do not write it.
 *
 * <p>The other side of a message comes as a {@link Supplier}, built only when a check fails: the
 * checks run on every batch of training, and a message formatted each time would cost more than
 * the update of a small layer.
 */
final class Sizes {

    private Sizes() {
    }

    /** "1 row", "3 columns": a count with its noun. */
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The matrix must not be null and must have {@code expected} rows. */
    static Matrix rows(Matrix m, String name, int expected, Supplier<String> what) {
        Require.notNull(m, name);
        if (m.rows() != expected) {
            throw new IllegalArgumentException(name + " has " + count(m.rows(), "row", "rows") + " but " + what.get());
        }
        return m;
    }

    /** The matrix must not be null and must have {@code expected} columns. */
    static Matrix columns(Matrix m, String name, int expected, Supplier<String> what) {
        Require.notNull(m, name);
        if (m.columns() != expected) {
            throw new IllegalArgumentException(name + " has " + count(m.columns(), "column", "columns") + " but " + what.get());
        }
        return m;
    }

    /** The matrix must be {@code rows x columns}, like {@code other}. */
    static Matrix same(Matrix m, String name, Matrix other, String otherName) {
        Require.notNull(m, name);
        if (m.rows() != other.rows() || m.columns() != other.columns()) {
            throw new IllegalArgumentException(name + " is " + m.shape() + " but " + otherName + " is " + other.shape());
        }
        return m;
    }

    /** The array must have {@code expected} entries. */
    static double[] vector(double[] v, String name, int expected, Supplier<String> what) {
        Require.notNull(v, name);
        if (v.length != expected) {
            throw new IllegalArgumentException(name + " has " + count(v.length, "entry", "entries") + " but " + what.get());
        }
        return v;
    }

    /** A result must not be one of the inputs: it would overwrite entries that are still to be read. */
    static void apart(Matrix result, String name, Matrix input, String inputName) {
        if (result == input) {
            throw new IllegalArgumentException(name + " is the same matrix as " + inputName
                    + ": the result needs a matrix of its own, or it overwrites " + inputName + " while reading it");
        }
    }

    /** Every entry must be finite. */
    static Matrix finite(Matrix m, String name) {
        Require.notNull(m, name);
        double[] d = m.data();
        for (int k = 0; k < d.length; k++) {
            if (!Double.isFinite(d[k])) {
                throw new IllegalArgumentException(name + "(" + k / m.columns() + ", " + k % m.columns()
                        + ") must be a finite number but was " + d[k]);
            }
        }
        return m;
    }
}
