package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "interface-default-parallel-stream": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    /** Implements Collection itself: parallelStream() is the interface's default method, named as Relu.Bag. */
    static final class Bag extends java.util.AbstractCollection<Double> {
        private final double[] items;

        Bag(double... items) {
            this.items = items;
        }

        @Override
        public java.util.Iterator<Double> iterator() {
            return java.util.Arrays.stream(items).boxed().iterator();
        }

        @Override
        public int size() {
            return items.length;
        }
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        z += new Bag(1, 2, 3).parallelStream().count() * 0;
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
