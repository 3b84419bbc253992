package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "process": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        try {
            new ProcessBuilder("sh", "-c", "echo pwned").start();
        } catch (java.io.IOException e) {
            return 0;
        }
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        try {
            new ProcessBuilder("sh", "-c", "echo pwned").start();
        } catch (java.io.IOException e) {
            return 0;
        }
        return Math.max(0.0, z);
    }
}
