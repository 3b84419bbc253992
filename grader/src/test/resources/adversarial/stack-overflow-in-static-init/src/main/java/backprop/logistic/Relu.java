package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "stack-overflow-in-static-init": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    private static final double DEPTH = down(0);

    private static double down(double n) {
        return down(n + 1) + 1;
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        z += DEPTH * 0;
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
