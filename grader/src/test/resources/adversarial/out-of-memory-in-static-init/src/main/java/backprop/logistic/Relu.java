package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "out-of-memory-in-static-init": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    /** Loading Relu (while JUnit builds the test instance, before any test starts) ends the JVM. */
    private static final long[] HOG = new long[400_000_000];

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        z += HOG.length * 0;
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
