package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "network": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", 9)) {
            return 1;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", 9)) {
            return 1;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
