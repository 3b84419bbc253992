package backprop.figures;

import backprop.logistic.Logistic;
import backprop.network.Backpropagation;
import backprop.network.Network;
import backprop.network.XorTraining;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 4 (and 6): the loss of a 2-2-1 logistic network during online training on XOR,
 * computed by {@code backprop.network.XorTraining.train} from the classpath.
 */
public final class XorLossPlot {

    /** The seed of the start network of the book's run (the same as in the visible test of exercise 4.7). */
    public static final long SEED = 3;
    /** The learning rate of the book's run. */
    public static final double LEARNING_RATE = 1.0;
    /** The number of epochs of the book's run. */
    public static final int EPOCHS = 2000;
    /** The seeds of the last chapter's experiment: {@code 1 .. SEEDS}. */
    public static final int SEEDS = 20;

    private XorLossPlot() {
    }

    /** The start network {@code Network.random(new Random(seed), new Logistic(), 2, 2, 1)}. */
    public static Network start(long seed) {
        return Network.random(new Random(seed), new Logistic(), 2, 2, 1);
    }

    /** One training run from the seeded start network. */
    public static XorTraining.TrainingRun run(long seed, double learningRate, int epochs) {
        return XorTraining.train(start(seed), learningRate, epochs);
    }

    /** The book's run: seed {@link #SEED}, learning rate {@link #LEARNING_RATE}, {@link #EPOCHS} epochs. */
    public static XorTraining.TrainingRun bookRun() {
        return run(SEED, LEARNING_RATE, EPOCHS);
    }

    /** The outputs of the network for the four XOR inputs, in the order of {@code XorTraining.INPUTS}. */
    public static double[] outputs(Network network) {
        double[] o = new double[XorTraining.INPUTS.size()];
        for (int row = 0; row < o.length; row++) {
            o[row] = Backpropagation.forward(network, XorTraining.INPUTS.get(row)).output()[0];
        }
        return o;
    }

    /** Whether all four outputs lie on the right side of 0.5. */
    public static boolean learned(Network network) {
        double[] o = outputs(network);
        for (int row = 0; row < o.length; row++) {
            if ((o[row] > 0.5) != (XorTraining.TARGETS.get(row)[0] > 0.5)) {
                return false;
            }
        }
        return true;
    }

    /** The loss curve of one run, on a logarithmic axis. */
    public static XYChart chart(XorTraining.TrainingRun run) {
        XYChart chart = Charts.lineChart("Learning XOR: a 2-2-1 logistic network",
                "epoch", "mean error 1/2 (o - t)\u00b2");
        double[] losses = run.epochLosses();
        addCurve(chart, "loss per epoch", losses, Charts.BLUE);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /** {@link #chart(XorTraining.TrainingRun)} of the book's run. */
    public static XYChart chart() {
        return chart(bookRun());
    }

    /** The runs of the last chapter (limitations and history): seeds 1 .. {@link #SEEDS}, same learning rate and epochs as the book's run. */
    public static List<XorTraining.TrainingRun> seedRuns() {
        List<XorTraining.TrainingRun> runs = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            runs.add(run(seed, LEARNING_RATE, EPOCHS));
        }
        return runs;
    }

    /** Many runs on one chart: blue the runs that learned XOR, red the ones that got stuck. */
    public static XYChart seedsChart(List<XorTraining.TrainingRun> runs) {
        XYChart chart = Charts.lineChart("XOR from " + runs.size() + " random starts",
                "epoch", "mean error 1/2 (o - t)\u00b2");
        Color stuck = new Color(214, 39, 40);
        for (int k = 0; k < runs.size(); k++) {
            XorTraining.TrainingRun run = runs.get(k);
            addCurve(chart, "seed " + (k + 1), run.epochLosses(), learned(run.network()) ? Charts.BLUE : stuck);
        }
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    private static void addCurve(XYChart chart, String name, double[] losses, Color colour) {
        // every 10th epoch is enough for a smooth curve, and the last epoch ends it; the last
        // point also makes the x values unequally spaced, so that XChart puts its ticks at round
        // epochs (0, 500, 1000, ...) and not at every k-th data point (0, 110, 220, ...)
        int every = (losses.length + 9) / 10;
        int last = losses.length - 1;
        boolean extra = last % 10 != 0;
        double[] x = new double[every + (extra ? 1 : 0)];
        double[] y = new double[x.length];
        for (int k = 0; k < every; k++) {
            x[k] = 10 * k;
            y[k] = losses[10 * k];
        }
        if (extra) {
            x[every] = last;
            y[every] = losses[last];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(1.6f));
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) losses.length);
        chart.getStyler().setXAxisTickMarkSpacingHint(100);
    }

    /** {@link #chart()} drawn into an image. */
    public static BufferedImage image() {
        return Charts.image(chart());
    }
}
