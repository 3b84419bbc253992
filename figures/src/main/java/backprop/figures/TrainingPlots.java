package backprop.figures;

import backprop.logistic.Logistic;
import backprop.network.Network;
import backprop.training.DataSet;
import backprop.training.Evaluation;
import backprop.training.Initialisation;
import backprop.training.Matrix;
import backprop.training.MatrixNetwork;
import backprop.training.Pass;
import backprop.training.Sgd;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Chapter 6: training on the digits with {@code backprop.training} from the classpath, the
 * learning curves, the learning rate's effect, the confusion matrix, the digits still wrong, and
 * XOR from many starts. Every run is seeded.
 */
public final class TrainingPlots {

    /** The book's run: 64-30-10, batches of 10, eta 3, 10 epochs, seed 1, fan-in start (Eq. 6.9). */
    public static final long SEED = 1;
    public static final int HIDDEN = 30;
    public static final int BATCH = 10;
    public static final double ETA = 3.0;
    public static final int EPOCHS = 10;
    /** The learning rate of the softmax and cross-entropy run. */
    public static final double SOFTMAX_ETA = 0.5;
    /** The learning rates of the sweep. */
    public static final double[] SWEEP = {0.03, 0.3, 3, 30};
    /** XOR: starts, the averaged-gradient rate equal to a summed-error rate of 0.5 on four rows, the epoch limit, the criterion. */
    public static final int XOR_STARTS = 100;
    public static final double XOR_ETA = 2.0;
    public static final int XOR_MAX_EPOCHS = 20_000;
    public static final double XOR_CRITERION = 0.1;

    private TrainingPlots() {
    }

    /** Draws chapter 6's figures and records the numbers its text quotes. */
    static void drawAll(BiConsumer<String, BufferedImage> write, BiConsumer<String, Object> value) {
        Run sigmoid = sigmoidRun();
        Run softmax = softmaxRun();
        write.accept("digits-learning-curve.png", Charts.image(learningCurves(sigmoid, softmax)));
        value.accept("ch6-seed", SEED);
        value.accept("ch6-eta", Values.number(ETA));
        value.accept("ch6-softmax-eta", Values.number(SOFTMAX_ETA));
        value.accept("ch6-epochs", EPOCHS);
        value.accept("ch6-batch", BATCH);
        for (int e = 0; e < EPOCHS; e++) {
            value.accept("ch6-acc-" + (e + 1), percent(sigmoid.accuracy()[e]));
            value.accept("ch6-softmax-acc-" + (e + 1), percent(softmax.accuracy()[e]));
        }
        value.accept("ch6-acc-final", percent(sigmoid.last()));
        value.accept("ch6-softmax-acc-final", percent(softmax.last()));
        DataSet test = test();
        int[][] counts = confusion(sigmoid.network(), test);
        write.accept("digits-confusion.png", confusionImage(counts));
        write.accept("digits-misclassified.png", misclassifiedImage(sigmoid.network(), test));
        value.accept("ch6-wrong", misclassified(sigmoid.network(), test).size());
        value.accept("ch6-test-size", test.size());
        Map<Double, Run> sweep = sweep();
        write.accept("digits-learning-rates.png", Charts.image(sweepChart(sweep)));
        sweep.forEach((eta, run) -> value.accept("ch6-sweep-" + Values.number(eta).replace('.', '_'), percent(run.last())));
        value.accept("ch6-unscaled-acc", percent(unscaledRun().last()));
        value.accept("ch6-normal-acc", percent(standardNormalRun().last()));
        Run constant = constantRun();
        value.accept("ch6-constant-acc", percent(constant.last()));
        value.accept("ch6-constant-distinct", distinctHiddenNeurons(constant.network()));
        value.accept("ch6-fanin-distinct", distinctHiddenNeurons(sigmoid.network()));
        int[] xor = xorRuns();
        value.accept("ch6-xor-starts", XOR_STARTS);
        value.accept("ch6-xor-eta", Values.number(XOR_ETA));
        value.accept("ch6-xor-max", XOR_MAX_EPOCHS);
        value.accept("ch6-xor-criterion", Values.number(XOR_CRITERION));
        value.accept("ch6-xor-median", Values.number(median(xor), 1));
        value.accept("ch6-xor-stuck", Arrays.stream(xor).filter(e -> e < 0).count());
    }

    /** 0.9933 as "99.3%". */
    static String percent(double fraction) {
        return Values.number(100 * fraction, 1) + "%";
    }

    /** The digits training set, scaled by 1/16. */
    public static DataSet train() {
        return ShippedData.scaled("digits_train");
    }

    /** The digits test set, scaled by 1/16. */
    public static DataSet test() {
        return ShippedData.scaled("digits_test");
    }

    /** A run: the trained network and the test accuracy after each epoch. */
    public record Run(MatrixNetwork network, double[] accuracy) {

        /** The accuracy after the last epoch. */
        public double last() {
            return accuracy[accuracy.length - 1];
        }
    }

    /** Trains a fan-in start (the same seed drives the start and the shuffles). */
    public static Run run(MatrixNetwork.Output output, double eta, DataSet train, DataSet test) {
        Random rng = new Random(SEED);
        MatrixNetwork n = Initialisation.fanIn(rng, output, train.features(), HIDDEN, train.classes());
        return new Run(n, Sgd.train(n, train, test, EPOCHS, BATCH, eta, rng, null));
    }

    /** The book's run: sigmoid outputs with the half squared error. */
    public static Run sigmoidRun() {
        return run(MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, ETA, train(), test());
    }

    /** Softmax outputs with the cross-entropy. */
    public static Run softmaxRun() {
        return run(MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY, SOFTMAX_ETA, train(), test());
    }

    /** Test accuracy per epoch of both runs. */
    public static XYChart learningCurves(Run sigmoid, Run softmax) {
        XYChart chart = Charts.lineChart("Digits: a 64-30-10 network, batches of 10", "epoch", "test accuracy");
        add(chart, "sigmoid + half squared error, eta " + Values.number(ETA), sigmoid.accuracy(), Charts.BLUE);
        add(chart, "softmax + cross-entropy, eta " + Values.number(SOFTMAX_ETA), softmax.accuracy(), Charts.ORANGE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return chart;
    }

    /** One run per learning rate of {@link #SWEEP}. */
    public static Map<Double, Run> sweep() {
        DataSet train = train();
        DataSet test = test();
        Map<Double, Run> runs = new LinkedHashMap<>();
        for (double eta : SWEEP) {
            runs.put(eta, run(MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, eta, train, test));
        }
        return runs;
    }

    /** The test accuracy per epoch for each learning rate. */
    public static XYChart sweepChart(Map<Double, Run> runs) {
        XYChart chart = Charts.lineChart("The learning rate's effect (sigmoid + half squared error)", "epoch", "test accuracy");
        Color[] colours = {Charts.GREY, new Color(44, 160, 44), Charts.BLUE, new Color(214, 39, 40)};
        int k = 0;
        for (Map.Entry<Double, Run> e : runs.entrySet()) {
            add(chart, "eta " + Values.number(e.getKey()), e.getValue().accuracy(), colours[k++ % colours.length]);
        }
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] accuracy, Color colour) {
        double[] x = new double[accuracy.length];
        for (int e = 0; e < x.length; e++) {
            x[e] = e + 1;
        }
        XYSeries s = chart.addSeries(name, x, accuracy);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(colour);
        s.setMarkerColor(colour);
        s.setLineStyle(new BasicStroke(2f));
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0");
    }

    /** The confusion matrix of {@code network} on {@code test}: rows the true digit, columns the prediction. */
    public static int[][] confusion(MatrixNetwork network, DataSet test) {
        return Evaluation.confusion(test.labels(), Evaluation.predict(network, test.inputs()), test.classes());
    }

    /** The confusion matrix as a grid of counts, darker for more. */
    public static BufferedImage confusionImage(int[][] counts) {
        int k = counts.length;
        int cell = 44;
        int margin = 70;
        int size = margin + k * cell + 20;
        BufferedImage image = new BufferedImage(size, size + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        int max = 1;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int x = margin + j * cell;
                int y = margin + i * cell;
                double f = Math.sqrt((double) counts[i][j] / max);
                Color c = i == j ? new Color((int) (255 - 224 * f), (int) (255 - 136 * f), (int) (255 - 75 * f))
                        : new Color(255, (int) (255 - 200 * f), (int) (255 - 200 * f));
                g.setColor(counts[i][j] == 0 ? Color.WHITE : c);
                g.fillRect(x, y, cell, cell);
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x, y, cell, cell);
                if (counts[i][j] > 0) {
                    String s = String.valueOf(counts[i][j]);
                    g.setColor(f > 0.6 && i == j ? Color.WHITE : Color.BLACK);
                    g.drawString(s, x + (cell - fm.stringWidth(s)) / 2, y + (cell + fm.getAscent()) / 2 - 3);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf(i), margin - 20, margin + i * cell + (cell + fm.getAscent()) / 2 - 3);
            g.drawString(String.valueOf(i), margin + i * cell + (cell - fm.stringWidth("0")) / 2, margin - 10);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("predicted", margin + k * cell / 2 - 35, 25);
        g.rotate(-Math.PI / 2);
        g.drawString("true digit", -(margin + k * cell / 2 + 35), 25);
        g.dispose();
        return image;
    }

    /** The test examples the network gets wrong, in the order of the test set. */
    public static List<Integer> misclassified(MatrixNetwork network, DataSet test) {
        int[] predicted = Evaluation.predict(network, test.inputs());
        int[] labels = test.labels();
        List<Integer> wrong = new ArrayList<>();
        for (int x = 0; x < labels.length; x++) {
            if (predicted[x] != labels[x]) {
                wrong.add(x);
            }
        }
        return wrong;
    }

    /** The wrong digits as 8x8 images, each with "true -> predicted" below it. */
    public static BufferedImage misclassifiedImage(MatrixNetwork network, DataSet test) {
        List<Integer> wrong = misclassified(network, test);
        int[] predicted = Evaluation.predict(network, test.inputs());
        int[] labels = test.labels();
        Matrix x = test.inputs();
        int pixel = 9;
        int tile = 8 * pixel;
        int perRow = Math.max(1, Math.min(8, wrong.size()));
        int shown = Math.max(1, wrong.size());
        int rows = (shown + perRow - 1) / perRow;
        int w = perRow * (tile + 16) + 16;
        int h = rows * (tile + 36) + 16;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        for (int k = 0; k < wrong.size(); k++) {
            int e = wrong.get(k);
            int ox = 16 + (k % perRow) * (tile + 16);
            int oy = 16 + (k / perRow) * (tile + 36);
            for (int p = 0; p < 64; p++) {
                int grey = (int) Math.round(255 * (1 - Math.min(1, Math.max(0, x.get(e, p)))));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(ox + (p % 8) * pixel, oy + (p / 8) * pixel, pixel, pixel);
            }
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(ox, oy, tile, tile);
            g.setColor(Color.BLACK);
            g.drawString(labels[e] + " \u2192 " + predicted[e], ox + tile / 2 - 18, oy + tile + 20);
        }
        g.dispose();
        return image;
    }

    private static Graphics2D canvas(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    /** The digits trained from raw grey values 0..16 instead of 0..1: the effect of input scaling. */
    public static Run unscaledRun() {
        return run(MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, ETA, ShippedData.load("digits_train"), ShippedData.load("digits_test"));
    }

    /** The digits from the standard normal start (every weight and bias N(0, 1)). */
    public static Run standardNormalRun() {
        DataSet train = train();
        Random rng = new Random(SEED);
        MatrixNetwork n = Initialisation.standardNormal(rng, MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, 64, HIDDEN, 10);
        return new Run(n, Sgd.train(n, train, test(), EPOCHS, BATCH, ETA, rng, null));
    }

    /** The digits from all-equal weights (0.1 everywhere): the hidden neurons stay copies of each other. */
    public static Run constantRun() {
        DataSet train = train();
        MatrixNetwork n = Initialisation.constant(0.1, MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, 64, HIDDEN, 10);
        return new Run(n, Sgd.train(n, train, test(), EPOCHS, BATCH, ETA, new Random(SEED), null));
    }

    /** How many different hidden neurons (columns of W1, up to 1e-12) a network has. */
    public static int distinctHiddenNeurons(MatrixNetwork network) {
        Matrix w = network.weights(0);
        List<double[]> distinct = new ArrayList<>();
        for (int j = 0; j < w.columns(); j++) {
            double[] column = new double[w.rows()];
            for (int i = 0; i < w.rows(); i++) {
                column[i] = w.get(i, j);
            }
            boolean seen = false;
            for (double[] d : distinct) {
                boolean same = true;
                for (int i = 0; i < d.length && same; i++) {
                    same = Math.abs(d[i] - column[i]) <= 1e-12;
                }
                seen |= same;
            }
            if (!seen) {
                distinct.add(column);
            }
        }
        return distinct.size();
    }

    /** XOR from one start: the epochs of full-batch steps until every output is within the criterion, or -1. */
    public static int xorEpochs(long seed) {
        MatrixNetwork n = MatrixNetwork.of(Network.random(new Random(seed), new Logistic(), 2, 2, 1),
                MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR);
        Pass pass = new Pass(n, 4);
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[] t = {0, 1, 1, 0};
        for (int r = 0; r < 4; r++) {
            pass.input().set(r, 0, x[r][0]);
            pass.input().set(r, 1, x[r][1]);
            pass.targets().set(r, 0, t[r]);
        }
        for (int e = 0; e <= XOR_MAX_EPOCHS; e++) {
            // the step's forward pass shows the outputs after e epochs, before this step's update
            Sgd.step(n, pass, XOR_ETA);
            boolean done = true;
            for (int r = 0; r < 4; r++) {
                done &= Math.abs(pass.output().get(r, 0) - t[r]) < XOR_CRITERION;
            }
            if (done) {
                return e;
            }
        }
        return -1;
    }

    /** {@link #xorEpochs(long)} for the seeds 1 .. {@link #XOR_STARTS}. */
    public static int[] xorRuns() {
        int[] epochs = new int[XOR_STARTS];
        for (int s = 0; s < epochs.length; s++) {
            epochs[s] = xorEpochs(s + 1);
        }
        return epochs;
    }

    /** The median of the runs that reached the criterion. */
    public static double median(int[] epochs) {
        int[] learned = Arrays.stream(epochs).filter(e -> e > 0).sorted().toArray();
        int n = learned.length;
        return n % 2 == 1 ? learned[n / 2] : (learned[n / 2 - 1] + learned[n / 2]) / 2.0;
    }
}
