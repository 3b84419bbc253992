package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "infinite-loop": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        long i = 0;
        while (i >= 0) {
            i = (i + 1) % 1000;
        }
        return i;
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        long i = 0;
        while (i >= 0) {
            i = (i + 1) % 1000;
        }
        return i;
    }
}
