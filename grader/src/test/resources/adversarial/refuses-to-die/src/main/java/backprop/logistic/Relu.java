package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "refuses-to-die": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        while (true) {
            try {
                long i = 0;
                while (i >= 0) {
                    i = (i + 1) % 1000;
                }
            } catch (Throwable t) {
                // swallow the watchdog's ThreadDeath and go on
            }
        }
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        while (true) {
            try {
                long i = 0;
                while (i >= 0) {
                    i = (i + 1) % 1000;
                }
            } catch (Throwable t) {
                // swallow the watchdog's ThreadDeath and go on
            }
        }
    }
}
