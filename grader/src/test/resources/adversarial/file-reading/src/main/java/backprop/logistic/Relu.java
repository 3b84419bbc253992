package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "file-reading": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd")).length();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd")).length();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
