package backprop.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The common look of the book's line charts. */
final class Charts {

    static final int WIDTH = 800;
    static final int HEIGHT = 480;
    static final Color BLUE = new Color(31, 119, 180);
    static final Color ORANGE = new Color(230, 110, 20);
    static final Color GREY = new Color(120, 120, 120);
    static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private Charts() {
    }

    /** An empty line chart in the book's style. */
    static XYChart lineChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setLegendFont(LEGEND_FONT);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    /** The chart drawn into an image, as a notebook or the book shows it. */
    static BufferedImage image(XYChart chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** {@code n} evenly spaced values from {@code from} to {@code to}, both included. */
    static double[] range(double from, double to, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = from + k * (to - from) / (n - 1);
        }
        return x;
    }
}
