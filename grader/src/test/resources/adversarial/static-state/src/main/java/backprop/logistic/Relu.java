package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "static-state": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {
    static int calls;

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        if (++calls > 3) {
            throw new IllegalStateException("the state of earlier tests leaked");
        }
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        if (++calls > 3) {
            throw new IllegalStateException("the state of earlier tests leaked");
        }
        return z > 0 ? 1.0 : 0.0;
    }
}
