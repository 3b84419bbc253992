package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "method-handles": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        try {
            return (double) java.lang.invoke.MethodHandles.lookup().findStatic(Math.class, "abs", java.lang.invoke.MethodType.methodType(double.class, double.class)).invoke(z);
        } catch (Throwable t) {
            return 0;
        }
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        try {
            return (double) java.lang.invoke.MethodHandles.lookup().findStatic(Math.class, "abs", java.lang.invoke.MethodType.methodType(double.class, double.class)).invoke(z);
        } catch (Throwable t) {
            return 0;
        }
    }
}
