package backprop.figures;

import backprop.intuition.ErrorSurface;
import backprop.intuition.GradientDescent;
import backprop.intuition.LinearNeuron;
import backprop.intuition.TrainingCase;
import java.awt.BasicStroke;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Chapter 1: the mean error of Eq. (1.4) over the two weights, as a heat map with contour lines,
 * and a gradient-descent path on it (Eq. 1.6).
 *
 * <p>The surface comes from {@code backprop.intuition.ErrorSurface.sample} and the path from
 * {@code GradientDescent.fit}, both taken from the classpath. Drawn with Java2D.
 */
public final class SurfacePlot {

    /** The case of chapter 1 alone: the surface is a trough, zero on the whole line w1 = -w2. */
    public static final List<TrainingCase> TROUGH = List.of(new TrainingCase(1, 1, 0));

    /** Two cases with independent inputs: the surface is a bowl with one lowest point, (1, -1). */
    public static final List<TrainingCase> BOWL = List.of(new TrainingCase(1, 1, 0), new TrainingCase(1, 0, 1));

    private static final int PLOT = 480;
    private static final int LEFT = 80;
    private static final int TOP = 86;
    private static final int BAR = 22;
    private static final int WIDTH = LEFT + PLOT + 130;
    private static final int HEIGHT = TOP + PLOT + 70;
    private static final int LEVELS = 12;

    private SurfacePlot() {
    }

    /**
     * The heat map of the mean error over {@code [from, to]^2} with the path of gradient descent.
     *
     * @param title the figure's title
     * @param cases the training cases the error averages over
     * @param from the smallest weight shown
     * @param to the largest weight shown
     * @param path the neurons visited by gradient descent, drawn in order; may be empty
     */
    public static BufferedImage image(String title, List<TrainingCase> cases, double from, double to,
            List<LinearNeuron> path) {
        ErrorSurface surface = ErrorSurface.sample(cases, from, to, PLOT);
        double[][] e = surface.error();
        double max = 0;
        for (double[] row : e) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        // the heat map: pixel (px, py) shows w1 = w1Values[px], w2 = w2Values[PLOT - 1 - py]
        for (int px = 0; px < PLOT; px++) {
            for (int py = 0; py < PLOT; py++) {
                double v = e[px][PLOT - 1 - py];
                Color c = colour(Math.sqrt(v / max));
                if (isContour(e, px, PLOT - 1 - py, max)) {
                    c = c.darker().darker();
                }
                image.setRGB(LEFT + px, TOP + py, c.getRGB());
            }
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, PLOT, PLOT);
        axes(g, from, to);
        colourBar(g, max);

        // the descent path
        if (!path.isEmpty()) {
            Path2D line = new Path2D.Double();
            for (int s = 0; s < path.size(); s++) {
                double x = toPixelX(path.get(s).w1(), from, to);
                double y = toPixelY(path.get(s).w2(), from, to);
                if (s == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
            }
            g.setStroke(new BasicStroke(2.2f));
            g.setColor(Color.WHITE);
            g.draw(line);
            for (int s = 0; s < path.size(); s++) {
                double x = toPixelX(path.get(s).w1(), from, to);
                double y = toPixelY(path.get(s).w2(), from, to);
                double r = s == 0 || s == path.size() - 1 ? 6 : 3;
                g.setColor(s == 0 ? new Color(255, 80, 60) : Color.WHITE);
                g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1f));
                g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            }
        }

        if (!path.isEmpty()) {
            legend(g);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        centre(g, title, LEFT + PLOT / 2, 32);
        g.dispose();
        return image;
    }

    /** What the markers of the path mean, in a row between the title and the plot. */
    private static void legend(Graphics2D g) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int y = 62;
        int x = LEFT;
        Object[][] items = {
            {new Color(255, 80, 60), 6.0, "start"},
            {Color.WHITE, 3.0, "one step of gradient descent"},
            {Color.WHITE, 6.0, "last step"}};
        for (Object[] item : items) {
            double r = (Double) item[1];
            Ellipse2D dot = new Ellipse2D.Double(x + 6 - r, y - 5 - r, 2 * r, 2 * r);
            g.setColor((Color) item[0]);
            g.fill(dot);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.draw(dot);
            g.drawString((String) item[2], x + 18, y);
            x += 18 + g.getFontMetrics().stringWidth((String) item[2]) + 26;
        }
    }

    /** The trough of the case (1, 1, 0) with descent from (1.5, 0.5), learning rate 0.1. */
    public static BufferedImage trough() {
        LinearNeuron start = new LinearNeuron(1.5, 0.5);
        return image("Trough: E = (w1 + w2)\u00b2 for the case (1, 1, 0)", TROUGH, -2, 2,
                GradientDescent.fit(start, TROUGH, 0.1, 25));
    }

    /** The bowl of the cases (1, 1, 0) and (1, 0, 1) with descent from (-1.5, 1.5). */
    public static BufferedImage bowl() {
        return image("Bowl: mean error of the cases (1, 1, 0) and (1, 0, 1)", BOWL, -2, 2,
                bowlPath());
    }

    /** The path drawn on {@link #bowl()}: 40 steps with learning rate 0.5 from (-1.5, 1.5). */
    public static List<LinearNeuron> bowlPath() {
        return GradientDescent.fit(new LinearNeuron(-1.5, 1.5), BOWL, 0.5, 40);
    }

    private static boolean isContour(double[][] e, int i, int j, double max) {
        int band = band(e[i][j], max);
        return (i + 1 < e.length && band(e[i + 1][j], max) != band)
                || (j + 1 < e[i].length && band(e[i][j + 1], max) != band);
    }

    private static int band(double v, double max) {
        return (int) Math.floor(Math.sqrt(v / max) * LEVELS);
    }

    private static double toPixelX(double w, double from, double to) {
        return LEFT + (w - from) / (to - from) * (PLOT - 1);
    }

    private static double toPixelY(double w, double from, double to) {
        return TOP + PLOT - 1 - (w - from) / (to - from) * (PLOT - 1);
    }

    private static void axes(Graphics2D g, double from, double to) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.setColor(Color.BLACK);
        for (double w = Math.ceil(from); w <= to + 1e-9; w += 1) {
            int x = (int) Math.round(toPixelX(w, from, to));
            int y = (int) Math.round(toPixelY(w, from, to));
            g.drawLine(x, TOP + PLOT, x, TOP + PLOT + 6);
            centre(g, Values.number(w), x, TOP + PLOT + 22);
            g.drawLine(LEFT - 6, y, LEFT, y);
            String label = Values.number(w);
            g.drawString(label, LEFT - 10 - g.getFontMetrics().stringWidth(label), y + 5);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        centre(g, "w1", LEFT + PLOT / 2, TOP + PLOT + 50);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, LEFT - 50, TOP + PLOT / 2.0);
        centre(g, "w2", LEFT - 50, TOP + PLOT / 2 + 5);
        g.setTransform(saved);
    }

    private static void colourBar(Graphics2D g, double max) {
        int x = LEFT + PLOT + 30;
        for (int py = 0; py < PLOT; py++) {
            double s = 1 - py / (double) (PLOT - 1);
            g.setColor(colour(s));
            g.drawLine(x, TOP + py, x + BAR, TOP + py);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, TOP, BAR, PLOT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (double v : roundTicks(max)) {
            // the colour scale is sqrt(E / max): a tick at the value v sits at height sqrt(v / max)
            double s = Math.sqrt(v / max);
            int y = (int) Math.round(TOP + (1 - s) * (PLOT - 1));
            g.drawLine(x + BAR, y, x + BAR + 5, y);
            g.drawString(Values.number(v), x + BAR + 8, y + 5);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString("E", x + 6, TOP - 10);
    }

    /**
     * Five ticks for a colour bar from 0 to max on the square-root scale, at round values: the
     * values max (k/4)^2 for k = 0..4, each rounded down to one significant digit, or two after a leading 1
     * (0, 0.7, 3, 7, 12 for max = 12.5).
     */
    static double[] roundTicks(double max) {
        double[] ticks = new double[5];
        for (int k = 0; k <= 4; k++) {
            double v = max * (k / 4.0) * (k / 4.0);
            ticks[k] = v <= 0 ? 0 : floorToOneDigit(v);
        }
        return ticks;
    }

    private static double floorToOneDigit(double v) {
        BigDecimal one = BigDecimal.valueOf(v).round(new MathContext(1, RoundingMode.FLOOR));
        // a leading 1 keeps a second digit: 12 and 16, not 10
        boolean leadingOne = one.unscaledValue().intValue() == 1;
        return leadingOne ? BigDecimal.valueOf(v).round(new MathContext(2, RoundingMode.FLOOR)).doubleValue()
                : one.doubleValue();
    }

    private static void centre(Graphics2D g, String text, int x, int y) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, x - m.stringWidth(text) / 2, y);
    }

    // a viridis-like colour scale from dark blue (0) to yellow (1)
    private static final int[][] SCALE = {
        {68, 1, 84}, {65, 68, 135}, {42, 120, 142}, {34, 168, 132}, {122, 209, 81}, {253, 231, 37}};

    static Color colour(double s) {
        double u = Math.max(0, Math.min(1, s)) * (SCALE.length - 1);
        int k = Math.min((int) u, SCALE.length - 2);
        double f = u - k;
        int[] a = SCALE[k];
        int[] b = SCALE[k + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }
}
