package backprop.testing;

public final class Numeric {
    public static final double H = 1e-6;
}
