package backprop.figures;

import backprop.intuition.LinearNeuron;
import backprop.intuition.SquaredError;
import backprop.intuition.TrainingCase;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 1: the error of the case (1, 1, 0) plotted against the output y, a parabola with its
 * minimum on the axis at y = t = 0. The tangent at the output of the neuron w = (0.5, -0.25)
 * has the slope dE/dy of Eq. (1.3).
 *
 * <p>Every value is computed by {@code backprop.intuition.SquaredError} and
 * {@code LinearNeuron} from the classpath.
 */
public final class ErrorParabola {

    /** The chapter's training case (x1, x2, t) = (1, 1, 0). */
    public static final TrainingCase CASE = new TrainingCase(1, 1, 0);

    /** The chapter's example neuron, whose output on the case is 0.25. */
    public static final LinearNeuron EXAMPLE = new LinearNeuron(0.5, -0.25);

    private ErrorParabola() {
    }

    /** The parabola E(y) = (t - y)^2 for the case (1, 1, 0), with the example's tangent. */
    public static XYChart chart() {
        double t = CASE.target();
        double[] y = Charts.range(-1.5, 1.5, 121);
        double[] e = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            e[k] = SquaredError.error(t, y[k]);
        }
        XYChart chart = Charts.lineChart("Error of the case (1, 1, 0) against the output",
                "output y", "error E = (t - y)\u00b2");
        XYSeries parabola = chart.addSeries("E = (0 - y)\u00b2", y, e);
        parabola.setMarker(SeriesMarkers.NONE);
        parabola.setLineColor(Charts.BLUE);
        parabola.setLineStyle(new BasicStroke(2.5f));

        double y0 = EXAMPLE.output(CASE);
        double e0 = SquaredError.error(t, y0);
        double slope = SquaredError.derivative(t, y0);
        double[] ty = {y0 - 0.6, y0 + 0.6};
        double[] te = {e0 - 0.6 * slope, e0 + 0.6 * slope};
        XYSeries tangent = chart.addSeries(String.format("tangent at y = %s, slope dE/dy = %s",
                Values.number(y0), Values.number(slope)), ty, te);
        tangent.setMarker(SeriesMarkers.NONE);
        tangent.setLineColor(Charts.ORANGE);
        tangent.setLineStyle(new BasicStroke(2f));

        XYSeries point = chart.addSeries("the neuron w = (0.5, -0.25)", new double[] {y0}, new double[] {e0});
        point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        point.setMarker(SeriesMarkers.CIRCLE);
        point.setMarkerColor(Charts.ORANGE);

        XYSeries minimum = chart.addSeries("minimum: y = t = 0, E = 0", new double[] {t},
                new double[] {SquaredError.error(t, t)});
        minimum.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        minimum.setMarker(SeriesMarkers.DIAMOND);
        minimum.setMarkerColor(Charts.GREY);
        chart.getStyler().setYAxisMin(-0.1);
        chart.getStyler().setYAxisMax(2.3);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideN);
        return chart;
    }

    /** {@link #chart()} drawn into an image. */
    public static BufferedImage image() {
        return Charts.image(chart());
    }
}
