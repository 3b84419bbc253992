package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "subclasses-visible-test": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {
    static final class Spy extends ReluTest {
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        return new Spy() != null ? Math.max(0.0, z) : 0;
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}

