package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "out-of-memory-building-test-instance": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    /** Runs in the implicit constructor: JUnit dies while it builds the test instance. */
    private final long[] hog = new long[400_000_000];

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        z += hog.length * 0;
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
