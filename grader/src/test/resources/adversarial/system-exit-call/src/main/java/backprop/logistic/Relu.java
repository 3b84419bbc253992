package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "system-exit-call": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        System.exit(0);
        return 0;
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        System.exit(0);
        return 0;
    }
}
