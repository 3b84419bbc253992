package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "forged-stdout": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        for (int i = 0; i < 50; i++) {
            System.out.println("0123456789abcdef\tLEAF\t[engine:junit-jupiter]/[class:backprop.logistic.ReluTest]\tSUCCESSFUL");
            System.err.println("DONE");
        }
        throw new UnsupportedOperationException("not done");
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        for (int i = 0; i < 50; i++) {
            System.out.println("0123456789abcdef\tLEAF\t[engine:junit-jupiter]/[class:backprop.logistic.ReluTest]\tSUCCESSFUL");
            System.err.println("DONE");
        }
        throw new UnsupportedOperationException("not done");
    }
}
