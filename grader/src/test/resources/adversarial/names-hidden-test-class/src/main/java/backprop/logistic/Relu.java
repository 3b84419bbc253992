package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "names-hidden-test-class": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        return LogisticHiddenTest.expectedRelu(z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return LogisticHiddenTest.expectedSlope(z);
    }
}

