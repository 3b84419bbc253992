package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "slow-but-honest": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    /** Honest but slow: some CPU work on every call, well inside the limit when measured as CPU time. */
    private static double work(double z) {
        double s = 0;
        for (int i = 0; i < 20_000; i++) {
            s += Math.sin(i + z) * 0;
        }
        return s;
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        z += work(z);
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
