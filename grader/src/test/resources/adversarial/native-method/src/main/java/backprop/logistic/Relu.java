package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "native-method": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {
    private static native double nativeValue(double z);

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        return nativeValue(z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return nativeValue(z);
    }
}
