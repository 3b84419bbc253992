package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "getmessage-never-returns": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {
    static final class Evil extends RuntimeException {
        @Override
        public String getMessage() {
            long i = 0;
            while (i >= 0) {
                i = (i + 1) % 1000;
            }
            return "never";
        }
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        throw new Evil();
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        throw new Evil();
    }
}
