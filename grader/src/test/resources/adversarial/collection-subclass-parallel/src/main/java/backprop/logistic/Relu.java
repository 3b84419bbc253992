package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "collection-subclass-parallel": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    /** A list of the student's own: a call through it names Relu.Work, not java.util.Collection. */
    static final class Work extends java.util.ArrayList<Double> {
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        Work w = new Work();
        w.add(z);
        w.add(-z);
        double s = w.parallelStream().mapToDouble(x -> x).sum(); // the common ForkJoin pool
        z += s * 0;
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
