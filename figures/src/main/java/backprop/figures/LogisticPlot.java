package backprop.figures;

import backprop.logistic.Logistic;
import backprop.singlelayer.Activation;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 3: the logistic function phi (Eq. 3.1) and its derivative phi' (Eq. 3.3), whose
 * maximum 1/4 sits at z = 0.
 *
 * <p>The values come from an {@code Activation}: by default {@code backprop.logistic.Logistic}
 * from the classpath, in a notebook the student's own.
 */
public final class LogisticPlot {

    /**
     * The legend of phi: e to the power -z in superscript letters, or exp(-z) where the legend's
     * font has no superscript z.
     */
    static final String LOGISTIC_LABEL = label();

    private LogisticPlot() {
    }

    private static String label() {
        String power = "\u03c6(z) = 1 / (1 + e\u207b\u1dbb)";
        boolean fits = Charts.LEGEND_FONT.canDisplayUpTo(power) == -1;
        return fits ? power : "\u03c6(z) = 1 / (1 + exp(\u2212z))";
    }

    /** phi and phi' of {@code backprop.logistic.Logistic} on [-6, 6]. */
    public static XYChart chart() {
        return chart(new Logistic());
    }

    /** phi and phi' of the given activation on [-6, 6]. */
    public static XYChart chart(Activation phi) {
        double[] z = Charts.range(-6, 6, 241);
        double[] value = new double[z.length];
        double[] derivative = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            value[k] = phi.value(z[k]);
            derivative[k] = phi.derivative(z[k]);
        }
        XYChart chart = Charts.lineChart("The logistic function and its derivative", "net input z", "");
        XYSeries v = chart.addSeries(LOGISTIC_LABEL, z, value);
        v.setMarker(SeriesMarkers.NONE);
        v.setLineColor(Charts.BLUE);
        v.setLineStyle(new BasicStroke(2.5f));
        XYSeries d = chart.addSeries("\u03c6\u2032(z) = \u03c6(z) (1 \u2212 \u03c6(z))", z, derivative);
        d.setMarker(SeriesMarkers.NONE);
        d.setLineColor(Charts.ORANGE);
        d.setLineStyle(new BasicStroke(2.5f));
        XYSeries top = chart.addSeries("maximum of \u03c6\u2032: " + Values.number(phi.derivative(0)) + " at z = 0",
                new double[] {0}, new double[] {phi.derivative(0)});
        top.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        top.setMarker(SeriesMarkers.CIRCLE);
        top.setMarkerColor(Charts.ORANGE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.05);
        return chart;
    }

    /** {@link #chart()} drawn into an image. */
    public static BufferedImage image() {
        return Charts.image(chart());
    }
}
