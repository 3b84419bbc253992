package backprop.autodiff;

import backprop.common.Require;
import backprop.logistic.Logistic;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of a computational graph, chapter 7: one scalar value, the nodes it was computed from,
 * and the local derivative of this value with respect to each of them.
 *
 * <p>A leaf is a number we put in (an input, a weight); every other node is the result of one
 * operation, computed at once from its inputs (the forward pass). The edge from input
 * {@code inputs().get(k)} to this node carries the local derivative {@code localDerivative(k)},
 * the partial derivative of this node's value with respect to that input, Eq. (7.1) to (7.3).
 * {@link Graph#backward(Value)} later fills in every node's {@link #gradient()}.
 *
 * <p>A node may use the same input twice ({@code x.multiply(x)}); it then lists it twice, with a
 * local derivative for each use. Nodes compare by identity: two nodes with the same number are
 * still two nodes.
 */
public final class Value {

    private double data;
    private double gradient;
    private final String operation;
    private final List<Value> inputs;
    private final double[] localDerivatives;

    /**
     * A leaf: an input or a parameter, with a name for printing and drawing. Given code.
     *
     * @param data the number, finite
     * @param name the name, for example "x" or "w[0][1]"
     */
    public Value(double data, String name) {
        this(Require.finite(data, name == null ? "data" : name), Require.notNull(name, "name"), List.of(),
                new double[0]);
    }

    /** A leaf without a name: it prints as its number. Given code. */
    public Value(double data) {
        this(Require.finite(data, "data"), "", List.of(), new double[0]);
    }

    private Value(double data, String operation, List<Value> inputs, double[] localDerivatives) {
        this.data = data;
        this.operation = operation;
        this.inputs = inputs;
        this.localDerivatives = localDerivatives;
    }

    /**
     * A node computed by one operation, with the local derivative of its value with respect to
     * each input. Given code: the operations below use it, and so can you, to build a node of
     * your own.
     *
     * @param operation the operation's name, for printing and drawing: "+", "*", "exp" ...
     * @param data the node's value, computed from the inputs
     * @param inputs the nodes it was computed from; a node used twice is listed twice
     * @param localDerivatives {@code d data / d inputs.get(k)} for each k
     * @return the node
     * @throws IllegalArgumentException if the value or a local derivative is not a finite number
     *     (an overflow), or the counts differ
     */
    public static Value node(String operation, double data, List<Value> inputs, double... localDerivatives) {
        Require.notNull(operation, "operation");
        Require.nonEmpty(inputs, "inputs of " + operation);
        Require.notNull(localDerivatives, "localDerivatives");
        if (inputs.size() != localDerivatives.length) {
            throw new IllegalArgumentException(operation + " has " + inputs.size() + " inputs but "
                    + localDerivatives.length + " local derivatives");
        }
        if (!Double.isFinite(data)) {
            throw new IllegalArgumentException(operation + " of " + numbers(inputs) + " is " + data
                    + ", not a finite number: the result does not fit in a double");
        }
        for (int k = 0; k < localDerivatives.length; k++) {
            if (!Double.isFinite(localDerivatives[k])) {
                throw new IllegalArgumentException("the local derivative of " + operation + " of " + numbers(inputs)
                        + " with respect to input " + k + " is " + localDerivatives[k] + ", not a finite number");
            }
        }
        return new Value(data, operation, List.copyOf(inputs), localDerivatives.clone());
    }

    private static String numbers(List<Value> inputs) {
        List<String> s = new ArrayList<>();
        for (Value v : inputs) {
            s.add(String.valueOf(v.data));
        }
        return "(" + String.join(", ", s) + ")";
    }

    /** The node's value. */
    public double data() {
        return data;
    }

    /** {@code dE/d(this node)}, as the last {@link Graph#backward(Value)} left it (0 before). */
    public double gradient() {
        return gradient;
    }

    /** Sets the gradient; {@link Graph#backward(Value)} uses it. */
    public void setGradient(double gradient) {
        if (!Double.isFinite(gradient)) {
            throw new IllegalArgumentException("the gradient of the node " + describe() + " would be " + gradient
                    + (Double.isNaN(gradient) ? "" : ": the product of the gradients and local derivatives on its paths overflows a double"));
        }
        this.gradient = gradient;
    }

    /** "x = 2.0" for a named leaf, "* = 6.0" for a product node, "2.0" for a leaf without a name. */
    private String describe() {
        return operation.isEmpty() ? String.valueOf(data) : operation + " = " + data;
    }

    /**
     * Changes a leaf's value, as a gradient-descent step changes a weight. Nodes computed from it
     * before keep their old values: build the graph again after changing its leaves.
     *
     * @throws IllegalStateException if this node is not a leaf
     */
    public void setData(double data) {
        if (!isLeaf()) {
            throw new IllegalStateException("only a leaf (an input or a parameter) can be changed; this node is "
                    + operation + " of " + numbers(inputs) + " and was computed from its inputs");
        }
        this.data = Require.finite(data, "data");
    }

    /** Whether this node is a leaf: an input or a parameter, computed from nothing. */
    public boolean isLeaf() {
        return inputs.isEmpty();
    }

    /** The operation that computed this node ("+", "*", "exp" ...), or a leaf's name. */
    public String operation() {
        return operation;
    }

    /** The nodes this node was computed from, in order (none for a leaf). */
    public List<Value> inputs() {
        return inputs;
    }

    /** {@code d data() / d inputs().get(k)}: the local derivative on the edge from input k. */
    public double localDerivative(int k) {
        if (k < 0 || k >= localDerivatives.length) {
            throw new IllegalArgumentException("input " + k + " does not exist: " + operation + " has "
                    + localDerivatives.length + " inputs");
        }
        return localDerivatives[k];
    }

    /**
     * Exercise 7.1 of chapter 7: the sum {@code a + b} as a node, Eq. (7.1).
     *
     * <p>Its local derivatives are {@code d(a + b)/da = 1} and {@code d(a + b)/db = 1}.
     *
     * @param other the second summand b
     * @return the node {@code this + other} with the inputs (this, other)
     */
    // tag::add[]
    public Value add(Value other) {
        Require.notNull(other, "other");
        // BEGIN SOLUTION
        // d(a + b)/da = 1, d(a + b)/db = 1   (Eq. 7.1)
        return node("+", data + other.data, List.of(this, other), 1, 1);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.1: return the node a + b with the local derivatives 1 and 1 in Value.add (Eq. 7.1).");
    }
    // end::add[]

    /**
     * Exercise 7.1 of chapter 7: the product {@code a b} as a node, Eq. (7.1).
     *
     * <p>Its local derivatives are {@code d(ab)/da = b} and {@code d(ab)/db = a}: each factor's
     * derivative is the OTHER factor's value.
     *
     * @param other the second factor b
     * @return the node {@code this * other} with the inputs (this, other)
     */
    // tag::multiply[]
    public Value multiply(Value other) {
        Require.notNull(other, "other");
        // BEGIN SOLUTION
        // d(ab)/da = b, d(ab)/db = a   (Eq. 7.1)
        return node("*", data * other.data, List.of(this, other), other.data, data);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.1: return the node a * b with the local derivatives b and a in Value.multiply (Eq. 7.1).");
    }
    // end::multiply[]

    /**
     * Exercise 7.2 of chapter 7: the power {@code x^p} for a constant exponent p, Eq. (7.2).
     *
     * <p>Its local derivative is {@code p x^(p - 1)}.
     *
     * @param exponent the constant p, finite
     * @return the node {@code this^p} with the input (this)
     * @throws IllegalArgumentException if p is not finite, if x is negative and p not a whole
     *     number, or if x is 0 and p is below 1 (no finite derivative)
     */
    // tag::power[]
    public Value power(double exponent) {
        Domain.power(data, exponent);
        // BEGIN SOLUTION
        // d(x^p)/dx = p x^(p - 1)   (Eq. 7.2)
        return node("^" + Domain.show(exponent), Math.pow(data, exponent), List.of(this),
                exponent * Math.pow(data, exponent - 1));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.2: return the node x^p with the local derivative p x^(p - 1) in Value.power (Eq. 7.2).");
    }
    // end::power[]

    /**
     * Exercise 7.2 of chapter 7: {@code e^x}, Eq. (7.2). Its local derivative is {@code e^x} itself.
     *
     * @return the node {@code exp(this)}
     * @throws IllegalArgumentException if e^x overflows a double (x above about 709.78)
     */
    // tag::exp[]
    public Value exp() {
        Domain.exp(data);
        // BEGIN SOLUTION
        double e = Math.exp(data);
        // d(e^x)/dx = e^x   (Eq. 7.2)
        return node("exp", e, List.of(this), e);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.2: return the node e^x with the local derivative e^x in Value.exp (Eq. 7.2).");
    }
    // end::exp[]

    /**
     * Exercise 7.2 of chapter 7: the natural logarithm {@code ln x}, Eq. (7.2). Its local
     * derivative is {@code 1 / x}.
     *
     * @return the node {@code log(this)}
     * @throws IllegalArgumentException if x is not positive
     */
    // tag::log[]
    public Value log() {
        Domain.log(data);
        // BEGIN SOLUTION
        // d(ln x)/dx = 1 / x   (Eq. 7.2)
        return node("log", Math.log(data), List.of(this), 1 / data);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.2: return the node ln x with the local derivative 1/x in Value.log (Eq. 7.2).");
    }
    // end::log[]

    /**
     * Exercise 7.3 of chapter 7: the logistic function of chapter 3 as a node.
     *
     * <p>Compute {@code o = phi(x)} with the overflow-safe {@code Logistic.value} of exercise 3.1,
     * and the local derivative from the output, {@code o (1 - o)}, Eq. (3.4) (exercise 3.3).
     *
     * @return the node {@code logistic(this)}
     */
    // tag::logistic[]
    public Value logistic() {
        // BEGIN SOLUTION
        double o = new Logistic().value(data);
        // phi'(x) = o (1 - o)   (Eq. 3.4)
        return node("logistic", o, List.of(this), Logistic.derivativeFromOutput(o));
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.3: return the node phi(x), with Logistic.value, and the local derivative o(1 - o) in Value.logistic (Eq. 3.4).");
    }
    // end::logistic[]

    /**
     * Exercise 7.3 of chapter 7: the hyperbolic tangent as a node, with the local derivative
     * {@code 1 - tanh(x)^2}, Eq. (7.3).
     *
     * @return the node {@code tanh(this)}
     */
    // tag::tanh[]
    public Value tanh() {
        // BEGIN SOLUTION
        double t = Math.tanh(data);
        // d tanh(x)/dx = 1 - tanh(x)^2   (Eq. 7.3)
        return node("tanh", t, List.of(this), 1 - t * t);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.3: return the node tanh(x) with the local derivative 1 - tanh(x)^2 in Value.tanh (Eq. 7.3).");
    }
    // end::tanh[]

    /**
     * Exercise 7.3 of chapter 7: ReLU of chapter 3 as a node, Eq. (3.6): {@code max(0, x)},
     * with the local derivative 1 for {@code x > 0} and 0 otherwise (0 at x = 0, as in chapter 3).
     *
     * @return the node {@code relu(this)}
     */
    // tag::relu[]
    public Value relu() {
        // BEGIN SOLUTION
        // relu(x) = max(0, x), relu'(x) = 1 if x > 0 else 0   (Eq. 3.6)
        return node("relu", Math.max(0.0, data), List.of(this), data > 0 ? 1 : 0);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.3: return the node max(0, x) with the local derivative 1 for x > 0, else 0, in Value.relu (Eq. 3.6).");
    }
    // end::relu[]

    // Given code: operations built from the ones above.

    /** {@code this + c} for a constant c (a leaf). */
    public Value add(double c) {
        return add(new Value(Require.finite(c, "c")));
    }

    /** {@code this * c} for a constant c (a leaf). */
    public Value multiply(double c) {
        return multiply(new Value(Require.finite(c, "c")));
    }

    /** {@code -this}, as {@code this * (-1)}. */
    public Value negate() {
        return multiply(-1);
    }

    /** {@code this - other}, as {@code this + (-1) other}. */
    public Value subtract(Value other) {
        Require.notNull(other, "other");
        return add(other.negate());
    }

    /** {@code this - c} for a constant c. */
    public Value subtract(double c) {
        return add(-Require.finite(c, "c"));
    }

    /** {@code this / other}, as {@code this * other^-1}. */
    public Value divide(Value other) {
        Require.notNull(other, "other");
        if (other.data() == 0) {
            throw new IllegalArgumentException("division by zero: " + data + " / " + other.data() + " has no value");
        }
        return multiply(other.power(-1));
    }

    /**
     * The sum of several nodes as one node, with the local derivative 1 for each term. Given code:
     * a neuron's net input is such a sum.
     *
     * @param terms the summands, at least one
     * @return the node {@code terms[0] + terms[1] + ...}
     */
    public static Value sum(List<Value> terms) {
        Require.nonEmpty(terms, "terms");
        double s = 0;
        double[] ones = new double[terms.size()];
        for (int k = 0; k < ones.length; k++) {
            s += terms.get(k).data;
            ones[k] = 1;
        }
        return terms.size() == 1 ? terms.get(0) : node("sum", s, terms, ones);
    }

    @Override
    public String toString() {
        return describe() + " (gradient " + gradient + ")";
    }
}
