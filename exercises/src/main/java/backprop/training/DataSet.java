package backprop.training;

import backprop.common.Require;
import java.util.Arrays;

/**
 * A labelled data set of chapter 6: one example per row of {@link #inputs()}, its class in
 * {@link #labels()}. Given code.
 *
 * <p>The course ships two classic data sets as CSV files with the exercises, in
 * {@code src/main/resources/backprop/training/data/}, with their licence (CC BY 4.0) and sources
 * in the README there: the UCI handwritten digits (8x8 grey images, values 0 to 16) split
 * 1500 / 297, and Iris (four measurements in cm) split 120 / 30. The book's figures and the
 * notebook read them with {@code backprop.figures.ShippedData.load("digits_train")}, which checks
 * each file's SHA-256 sum and then calls {@link #parse(String, String, int)}.
 *
 * @param name where the examples come from, for messages
 * @param inputs the inputs, one example per row
 * @param labels the class of each example, {@code 0 <= label < classes}
 * @param classes the number of classes
 */
public record DataSet(String name, Matrix inputs, int[] labels, int classes) {

    public DataSet {
        Require.notNull(name, "name");
        Sizes.finite(inputs, "inputs");
        Require.notNull(labels, "labels");
        Require.atLeast(classes, 2, "classes");
        if (labels.length != inputs.rows()) {
            throw new IllegalArgumentException("labels has " + Sizes.count(labels.length, "entry", "entries")
                    + " but inputs has " + Sizes.count(inputs.rows(), "row", "rows"));
        }
        for (int x = 0; x < labels.length; x++) {
            checkLabel(labels[x], String.valueOf(labels[x]), classes, name + ": labels[" + x + "]");
        }
        inputs = inputs.copy();
        labels = labels.clone();
    }

    /** A copy of the inputs. */
    @Override
    public Matrix inputs() {
        return inputs.copy();
    }

    /** A copy of the labels. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The number of examples. */
    public int size() {
        return labels.length;
    }

    /** The number of inputs per example. */
    public int features() {
        return inputs.columns();
    }

    /** The same examples with every input multiplied by {@code factor}: {@code scaled(1.0 / 16)} for the digits. */
    public DataSet scaled(double factor) {
        Require.finite(factor, "factor");
        Matrix x = inputs.copy();
        double[] d = x.data();
        for (int k = 0; k < d.length; k++) {
            d[k] *= factor;
            if (!Double.isFinite(d[k])) {
                throw new IllegalArgumentException("scaling by " + factor + " overflows: input (" + k / x.columns() + ", "
                        + k % x.columns() + ") = " + inputs.data()[k] + " becomes " + d[k]);
            }
        }
        return new DataSet(name, x, labels, classes);
    }

    /**
     * Copies the examples {@code order[from]}, {@code order[from + 1]}, ... into the rows of
     * {@code x}, as many as {@code x} has rows, and their one-hot targets into {@code t}: a 1 in
     * the column of the example's class, 0 elsewhere.
     */
    public void batch(int[] order, int from, Matrix x, Matrix t) {
        Require.notNull(order, "order");
        Sizes.columns(x, "x", features(), () -> name + " has " + Sizes.count(features(), "input", "inputs"));
        Sizes.rows(t, "t", x.rows(), () -> "x has " + Sizes.count(x.rows(), "row", "rows"));
        Sizes.columns(t, "t", classes, () -> name + " has " + Sizes.count(classes, "class", "classes"));
        if (from < 0 || from > order.length - x.rows()) {
            throw new IllegalArgumentException("a batch of " + x.rows() + " from position " + from
                    + " does not fit in an order of " + order.length + " examples");
        }
        double[] X = x.data();
        double[] T = t.data();
        double[] all = inputs.data();
        int f = features();
        Arrays.fill(T, 0);
        for (int r = 0; r < x.rows(); r++) {
            int e = order[from + r];
            if (e < 0 || e >= size()) {
                throw new IllegalArgumentException("order[" + (from + r) + "] = " + e + " is not an example of "
                        + name + " (0 .. " + (size() - 1) + ")");
            }
            System.arraycopy(all, e * f, X, r * f, f);
            T[r * classes + labels[e]] = 1;
        }
    }

    /**
     * Parses a CSV text with a header line, then one example per line: the label, then the
     * inputs, separated by commas.
     *
     * @param name the name of the text, for messages
     * @param text the CSV text
     * @param classes the number of classes; every label must lie in {@code 0 .. classes - 1}
     * @throws IllegalArgumentException naming the line and field of the first problem
     */
    public static DataSet parse(String name, String text, int classes) {
        Require.notNull(name, "name");
        Require.notNull(text, "text");
        Require.atLeast(classes, 2, "classes");
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException(name + " line 1: the header must be label and at least one input, but the line is empty");
        }
        String[] header = lines[0].split(",", -1);
        if (!header[0].equals("label") || header.length < 2) {
            throw new IllegalArgumentException(name + " line 1: the header must be label and at least one input, but is '"
                    + lines[0] + "'");
        }
        int rows = lines.length - 1;
        if (rows == 0) {
            throw new IllegalArgumentException(name + " has a header but no examples");
        }
        int f = header.length - 1;
        Matrix x = new Matrix(rows, f);
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            String where = name + " line " + (r + 2);
            String[] fields = lines[r + 1].split(",", -1);
            if (fields.length != header.length) {
                throw new IllegalArgumentException(where + ": " + Sizes.count(fields.length, "field", "fields")
                        + " but the header has " + header.length);
            }
            double label = number(fields[0], where, header[0]);
            if (label != Math.rint(label)) {
                throw new IllegalArgumentException(where + ": the label must be a whole number but is " + fields[0]);
            }
            labels[r] = checkLabel(label, fields[0], classes, where);
            for (int i = 0; i < f; i++) {
                x.set(r, i, number(fields[i + 1], where, header[i + 1]));
            }
        }
        return new DataSet(name, x, labels, classes);
    }

    private static double number(String field, String where, String column) {
        double v;
        try {
            v = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ", column " + column + ": '" + field + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ", column " + column + ": " + field + " is not a finite number");
        }
        return v;
    }

    /** A whole-number label, shown as written, checked against the classes before it is made an int. */
    private static int checkLabel(double label, String shown, int classes, String where) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(where + ": the label " + shown + " is not a class 0 .. " + (classes - 1));
        }
        return (int) label;
    }
}
