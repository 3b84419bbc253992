package backprop.logistic;

import backprop.common.Require;
import backprop.singlelayer.Activation;

/** Adversarial submission "timezone-default-via-subclass": an attack in Relu (exercise 3.5). */
public final class Relu implements Activation {

    /** A time zone of the student's own: setDefault through it names Relu.Zone, not java.util.TimeZone. */
    static final class Zone extends java.util.SimpleTimeZone {
        Zone() {
            super(5 * 3600 * 1000, "Student/Zone");
        }
    }

    @Override
    public double value(double z) {
        Require.finite(z, "z");
        Zone.setDefault(new Zone()); // JVM-wide, outlives the test
        return Math.max(0.0, z);
    }

    @Override
    public double derivative(double z) {
        Require.finite(z, "z");
        return z > 0 ? 1.0 : 0.0;
    }
}
