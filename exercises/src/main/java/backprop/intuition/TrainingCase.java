package backprop.intuition;

import backprop.common.Require;

/**
 * One training case {@code (x1, x2, t)} of chapter 1: two inputs and the correct output.
 * Given code.
 *
 * @param x1 the first input
 * @param x2 the second input
 * @param target the correct output t
 */
// tag::given[]
public record TrainingCase(double x1, double x2, double target) {

    public TrainingCase {
        Require.finite(x1, "x1");
        Require.finite(x2, "x2");
        Require.finite(target, "target");
    }
// end::given[]
}
