package backprop.autodiff;

import backprop.common.Require;
import backprop.logistic.Logistic;

/**
 * A dual number {@code a + a' eps} with {@code eps^2 = 0}, chapter 7: a value together with its
 * derivative along one chosen direction, carried forward through every operation (forward mode).
 *
 * <p>{@code f(a + a' eps) = f(a) + f'(a) a' eps}, Eq. (7.6): applying an operation to a dual
 * number gives the operation's value and, by the chain rule, the derivative of the result.
 *
 * @param value the value a
 * @param derivative the derivative a' of the value along the chosen direction
 */
public record Dual(double value, double derivative) {

    public Dual {
        Require.finite(value, "value");
        Require.finite(derivative, "derivative");
    }

    /** A constant: its derivative is 0. */
    public static Dual constant(double c) {
        return new Dual(Require.finite(c, "c"), 0);
    }

    /** The variable we differentiate by: its derivative is 1. */
    public static Dual variable(double x) {
        return new Dual(Require.finite(x, "x"), 1);
    }

    /**
     * Exercise 7.6 of chapter 7: {@code (a + a' eps) + (b + b' eps) = (a + b) + (a' + b') eps}, Eq. (7.6).
     *
     * @param other the second summand
     * @return the sum, with its derivative
     */
    // tag::add[]
    public Dual add(Dual other) {
        Require.notNull(other, "other");
        // BEGIN SOLUTION
        // (a + b)' = a' + b'   (Eq. 7.6)
        return new Dual(value + other.value, derivative + other.derivative);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return (a + b) + (a' + b') eps in Dual.add (Eq. 7.6).");
    }
    // end::add[]

    /**
     * Exercise 7.6 of chapter 7: {@code (a + a' eps)(b + b' eps) = ab + (a' b + a b') eps}, Eq. (7.6),
     * since {@code eps^2 = 0}.
     *
     * @param other the second factor
     * @return the product, with its derivative
     */
    // tag::multiply[]
    public Dual multiply(Dual other) {
        Require.notNull(other, "other");
        // BEGIN SOLUTION
        // (ab)' = a' b + a b'   (Eq. 7.6)
        return new Dual(value * other.value, derivative * other.value + value * other.derivative);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return ab + (a'b + ab') eps in Dual.multiply (Eq. 7.6).");
    }
    // end::multiply[]

    /**
     * Exercise 7.6 of chapter 7: {@code a^p} for a constant p, with the derivative
     * {@code p a^(p - 1) a'}, Eq. (7.2) and (7.6).
     *
     * @param exponent the constant p
     * @return the power, with its derivative
     * @throws IllegalArgumentException for the inputs {@link Value#power(double)} rejects
     */
    public Dual power(double exponent) {
        Domain.power(value, exponent);
        // BEGIN SOLUTION
        // (a^p)' = p a^(p - 1) a'   (Eq. 7.2, 7.6)
        return new Dual(Math.pow(value, exponent), exponent * Math.pow(value, exponent - 1) * derivative);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return a^p + p a^(p - 1) a' eps in Dual.power (Eq. 7.6).");
    }

    /**
     * Exercise 7.6 of chapter 7: {@code e^a} with the derivative {@code e^a a'}, Eq. (7.2) and (7.6).
     *
     * @return the exponential, with its derivative
     * @throws IllegalArgumentException if e^a overflows
     */
    public Dual exp() {
        Domain.exp(value);
        // BEGIN SOLUTION
        double e = Math.exp(value);
        // (e^a)' = e^a a'   (Eq. 7.2, 7.6)
        return new Dual(e, e * derivative);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return e^a + e^a a' eps in Dual.exp (Eq. 7.6).");
    }

    /**
     * Exercise 7.6 of chapter 7: {@code ln a} with the derivative {@code a' / a}, Eq. (7.2) and (7.6).
     *
     * @return the logarithm, with its derivative
     * @throws IllegalArgumentException if a is not positive
     */
    public Dual log() {
        Domain.log(value);
        // BEGIN SOLUTION
        // (ln a)' = a' / a   (Eq. 7.2, 7.6)
        return new Dual(Math.log(value), derivative / value);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return ln a + (a'/a) eps in Dual.log (Eq. 7.6).");
    }

    /**
     * Exercise 7.6 of chapter 7: the logistic function of chapter 3, {@code o = phi(a)}, with the
     * derivative {@code o (1 - o) a'}, Eq. (3.4) and (7.6).
     *
     * @return phi(a), with its derivative
     */
    public Dual logistic() {
        // BEGIN SOLUTION
        double o = new Logistic().value(value);
        // phi(a)' = o (1 - o) a'   (Eq. 3.4, 7.6)
        return new Dual(o, Logistic.derivativeFromOutput(o) * derivative);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return phi(a) + o(1 - o) a' eps in Dual.logistic (Eq. 7.6).");
    }

    /**
     * Exercise 7.6 of chapter 7: {@code tanh a} with the derivative {@code (1 - tanh(a)^2) a'},
     * Eq. (7.3) and (7.6).
     *
     * @return tanh(a), with its derivative
     */
    public Dual tanh() {
        // BEGIN SOLUTION
        double t = Math.tanh(value);
        // tanh(a)' = (1 - tanh(a)^2) a'   (Eq. 7.3, 7.6)
        return new Dual(t, (1 - t * t) * derivative);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return tanh(a) + (1 - tanh(a)^2) a' eps in Dual.tanh (Eq. 7.6).");
    }

    /**
     * Exercise 7.6 of chapter 7: {@code max(0, a)} with the derivative {@code a'} for
     * {@code a > 0} and 0 otherwise, Eq. (3.6) and (7.6).
     *
     * @return relu(a), with its derivative
     */
    public Dual relu() {
        // BEGIN SOLUTION
        // relu(a)' = a' if a > 0 else 0   (Eq. 3.6, 7.6)
        return new Dual(Math.max(0.0, value), value > 0 ? derivative : 0);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.6: return max(0, a) + (a' if a > 0, else 0) eps in Dual.relu (Eq. 7.6).");
    }

    // Given code: operations built from the ones above.

    /** {@code this + c} for a constant c. */
    public Dual add(double c) {
        return add(constant(c));
    }

    /** {@code this * c} for a constant c. */
    public Dual multiply(double c) {
        return multiply(constant(c));
    }

    /** {@code this - other}. */
    public Dual subtract(Dual other) {
        Require.notNull(other, "other");
        return add(other.multiply(-1));
    }
}
