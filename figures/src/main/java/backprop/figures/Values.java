package backprop.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the figures and the book print numbers. */
public final class Values {

    private Values() {
    }

    /** The number rounded to at most four decimals, without trailing zeros: 0.25, 2, 0.0625. */
    public static String number(double x) {
        return number(x, 4);
    }

    /** The number rounded to at most {@code decimals} decimals, without trailing zeros. */
    public static String number(double x, int decimals) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("cannot print " + x);
        }
        BigDecimal d = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
