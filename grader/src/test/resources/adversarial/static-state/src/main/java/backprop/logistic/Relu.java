package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/**
 * Adversarial submission "static-state": an attack in Relu (exercise 3.5). Correct, but it counts
 * its calls in a static field and breaks after 200 of them. No single test method calls ReLU more
 * than 200 times (the busiest, 5 repetitions of 40 calls, makes exactly 200), but the tests of the
 * exercise together make more: it earns full marks only if static state dies between tests.
 */
public final class Relu implements Activation {
    static int calls;

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        count();
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        count();
        return z > 0 ? 1.0 : 0.0;
    }

    private static void count() {
        if (++calls > 200) {
            throw new IllegalStateException("the state of earlier tests leaked");
        }
    }
}
