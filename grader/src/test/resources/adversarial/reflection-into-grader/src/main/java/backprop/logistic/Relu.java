package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "reflection-into-grader": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        try {
            Class<?> h = Class.forName("backprop.tools.grader.harness.Harness");
            java.lang.reflect.Field f = h.getDeclaredField("nonce");
            f.setAccessible(true);
            return f.getName().length();
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        try {
            Class<?> h = Class.forName("backprop.tools.grader.harness.Harness");
            java.lang.reflect.Field f = h.getDeclaredField("nonce");
            f.setAccessible(true);
            return f.getName().length();
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }
}
