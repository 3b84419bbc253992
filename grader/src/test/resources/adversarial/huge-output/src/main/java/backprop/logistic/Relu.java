package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "huge-output": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("spam spam spam spam ");
        }
        System.out.print(b);
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        System.out.print("x".repeat(500_000));
        return z > 0 ? 1.0 : 0.0;
    }
}
