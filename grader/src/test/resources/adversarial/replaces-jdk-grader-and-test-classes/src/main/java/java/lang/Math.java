package java.lang;

public final class Math {
    public static double max(double a, double b) {
        return 42;
    }
}
