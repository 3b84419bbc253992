package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "stream-subclass-parallel": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    /** An interface of the student's own over the JDK stream: parallel() named as Relu.Numbers. */
    interface Numbers extends java.util.stream.DoubleStream {
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        java.util.stream.DoubleStream s = java.util.stream.DoubleStream.of(z);
        if (s instanceof Numbers n) {
            z += n.parallel().sum() * 0;
        }
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
