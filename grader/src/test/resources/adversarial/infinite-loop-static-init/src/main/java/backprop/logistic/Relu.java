package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "infinite-loop-static-init": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {
    static final long SPIN;

    static {
        long i = 0;
        while (i >= 0) {
            i = (i + 1) % 1000;
        }
        SPIN = i;
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        return Math.max(0.0, z) + SPIN;
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return (z > 0 ? 1.0 : 0.0) + SPIN;
    }
}
