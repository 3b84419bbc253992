package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "deep-recursion": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        return value(z + 1) + 1;
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return derivative(z + 1) + 1;
    }
}
