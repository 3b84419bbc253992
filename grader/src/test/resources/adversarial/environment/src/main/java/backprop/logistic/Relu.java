package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "environment": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        return System.getenv("HOME").length() + System.getProperty("user.home").length() + Integer.getInteger("x", 0);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return System.getenv("HOME").length() + System.getProperty("user.home").length() + Integer.getInteger("x", 0);
    }
}
