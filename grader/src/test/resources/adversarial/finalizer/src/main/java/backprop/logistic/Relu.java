package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "finalizer": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {
    @Override
    @SuppressWarnings("deprecation")
    protected void finalize() {
        System.out.println("finalizer");
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        new Relu();
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
