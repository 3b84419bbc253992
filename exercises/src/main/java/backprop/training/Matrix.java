package backprop.training;

import backprop.common.Require;

/**
 * A matrix of doubles for chapter 6, stored row by row in one array. Given code.
 *
 * <p>Entry {@code (i, j)} sits at {@code data()[i * columns() + j]}: the entries of a row are
 * neighbours in memory, so a loop over {@code j} inside a loop over {@code i} reads the array
 * from front to back, which is what a processor's caches and vector units do best. The course's
 * loops read {@link #data()} directly instead of calling {@link #get(int, int)} per entry.
 *
 * <p>A batch of {@code n} examples is a matrix with one row per example: {@code A} is
 * {@code n x inputs}, the weights {@code W} of a layer are {@code inputs x neurons} (row i, column
 * j is {@code w_ij}, as in chapter 4), so {@code A W} is {@code n x neurons}.
 */
public final class Matrix {

    private final int rows;
    private final int columns;
    private final double[] data;

    /** The most entries a matrix can have: the longest array the JVM allocates. */
    private static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

    /** A matrix of zeros with at least one row and one column. */
    public Matrix(int rows, int columns) {
        Require.atLeast(rows, 1, "rows");
        Require.atLeast(columns, 1, "columns");
        long entries = (long) rows * columns;
        if (entries > MAX_ENTRIES) {
            throw new IllegalArgumentException("a " + rows + " x " + columns + " matrix has " + entries
                    + " entries, more than a Java array holds (" + MAX_ENTRIES + ")");
        }
        this.rows = rows;
        this.columns = columns;
        this.data = new double[(int) entries];
    }

    /** A matrix with the rows given, copied; they must be rectangular and finite. */
    public static Matrix of(double[][] values) {
        Require.matrix(values, "values");
        Matrix m = new Matrix(values.length, values[0].length);
        for (int i = 0; i < m.rows; i++) {
            System.arraycopy(values[i], 0, m.data, i * m.columns, m.columns);
        }
        return m;
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    public int columns() {
        return columns;
    }

    /**
     * The entries themselves, row by row (not a copy): {@code (i, j)} is at
     * {@code i * columns() + j}. Writing to the array changes the matrix.
     */
    public double[] data() {
        return data;
    }

    /** The entry in row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        return data[index(i, j)];
    }

    /** Sets the entry in row {@code i}, column {@code j}. */
    public void set(int i, int j, double value) {
        data[index(i, j)] = value;
    }

    /** A copy as an array of rows. */
    public double[][] toArray() {
        double[][] a = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * columns, a[i], 0, columns);
        }
        return a;
    }

    /** An independent copy. */
    public Matrix copy() {
        Matrix m = new Matrix(rows, columns);
        System.arraycopy(data, 0, m.data, 0, data.length);
        return m;
    }

    /** "2 x 3". */
    public String shape() {
        return rows + " x " + columns;
    }

    @Override
    public String toString() {
        return "Matrix " + shape();
    }

    private int index(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= columns) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") is outside the " + shape() + " matrix");
        }
        return i * columns + j;
    }
}
