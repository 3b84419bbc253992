package backprop.figures;

import backprop.autodiff.Dual;
import backprop.autodiff.ForwardMode;
import backprop.autodiff.Graph;
import backprop.autodiff.Mlp;
import backprop.autodiff.Nonlinearity;
import backprop.autodiff.Value;
import backprop.logistic.Logistic;
import backprop.network.Backpropagation;
import backprop.network.ForwardPass;
import backprop.network.Gradients;
import backprop.network.Network;
import backprop.singlelayer.Activation;
import backprop.training.MatrixForm;
import backprop.training.MatrixNetwork;
import backprop.training.Pass;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Chapter 7, measured during the build: forward against reverse mode on a function of n inputs
 * and one output, the scalar engine against chapter 4's and chapter 6's code, and the largest difference between
 * their gradients. A small timed program, not a benchmark harness: each time is the median of
 * {@link #RUNS} runs after {@link #WARM_UP} unmeasured ones, so the numbers are the order of
 * magnitude on the machine that built the book, not a promise. Times are the thread's CPU time.
 */
public final class AutodiffCost {

    /** The input counts of the comparison. */
    public static final int[] SIZES = {10, 100, 1000};
    /** The measured runs per time; the median is reported. */
    public static final int RUNS = 3;
    /** The runs before measuring, for the JIT compiler. */
    public static final int WARM_UP = 1;
    /** The random networks of the comparison with chapter 4. */
    public static final int NETWORKS = 60;

    private AutodiffCost() {
    }

    /** {@code f(x) = sum_k tanh(x_k x_(k+1))}, indices modulo n: every input is used twice. On dual numbers. */
    public static Dual onDuals(List<Dual> x) {
        Dual s = Dual.constant(0);
        for (int k = 0; k < x.size(); k++) {
            s = s.add(x.get(k).multiply(x.get((k + 1) % x.size())).tanh());
        }
        return s;
    }

    /** The same f on value nodes, with the n terms summed by one node. */
    public static Value onValues(List<Value> x) {
        List<Value> terms = new ArrayList<>();
        for (int k = 0; k < x.size(); k++) {
            terms.add(x.get(k).multiply(x.get((k + 1) % x.size())).tanh());
        }
        return Value.sum(terms);
    }

    /** One row of the comparison of the two modes. */
    public record Modes(int n, int forwardPasses, int reversePasses, int graphNodes, double forwardMillis,
            double reverseMillis, double maxDifference) {

        /** How many times longer forward mode took. */
        public double ratio() {
            return forwardMillis / reverseMillis;
        }
    }

    /** Forward against reverse mode for n inputs at a seeded random point. */
    public static Modes modes(int n) {
        Random rng = new Random(n);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = rng.nextGaussian();
        }
        int[] passes = {0};
        Function<List<Dual>, Dual> counted = in -> {
            passes[0]++;
            return onDuals(in);
        };
        double[] forward = ForwardMode.gradient(counted, x);
        double[] reverse = Graph.gradient(in -> onValues(in), x);
        double max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, Math.abs(forward[k] - reverse[k]));
        }
        List<Value> leaves = new ArrayList<>();
        for (double v : x) {
            leaves.add(new Value(v));
        }
        int nodes = Graph.topologicalOrder(onValues(leaves)).size();
        double fm = millis(() -> ForwardMode.gradient(AutodiffCost::onDuals, x));
        double rm = millis(() -> Graph.gradient(in -> onValues(in), x));
        // reverse mode: one forward pass that builds the graph, one backward pass
        return new Modes(n, passes[0], 2, nodes, fm, rm, max);
    }

    /**
     * The engine against chapter 4 and chapter 6 on one network: microseconds per gradient of
     * each; chapter 6's matrix code both for a batch of one and per example of a batch of
     * {@link #BATCH}.
     */
    public record Engines(String shape, int weights, double engineMicros, double chapter4Micros,
            double matrixMicros, double batchMicros) {

        /** How many times longer the engine took than chapter 4's code. */
        public double ratio() {
            return engineMicros / chapter4Micros;
        }

        /** How many times longer the engine took than chapter 6's code on a batch of one. */
        public double matrixRatio() {
            return engineMicros / matrixMicros;
        }

        /** How many times longer the engine took than chapter 6's code, per example of a batch. */
        public double batchRatio() {
            return engineMicros / batchMicros;
        }
    }

    /** The unmeasured runs before each timing of {@link #engines()}: 200 gradients each, so the loops are compiled. */
    public static final int ENGINE_WARM_UP = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The batch of chapter 6's timing per example. */
    public static final int BATCH = 100;

    /**
     * Timing of one gradient of a 4-16-16-1 logistic network with the half squared error: by the
     * engine, by chapter 4's backpropagation and by chapter 6's matrix form (forward pass, deltas
     * and gradients, no update), the same weights in all three.
     */
    public static Engines engines() {
        int[] sizes = {4, 16, 16, 1};
        Network network = Network.random(new Random(4), new Logistic(), sizes);
        Mlp mlp = Mlp.of(network, Nonlinearity.LOGISTIC);
        MatrixNetwork matrix = MatrixNetwork.of(network, MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR);
        double[] x = {0.5, -1, 0.25, 2};
        double[] t = {1};
        Pass one = pass(matrix, 1, x, t);
        Pass batch = pass(matrix, BATCH, x, t);
        int reps = 200;
        double engine = millis(() -> {
            for (int r = 0; r < reps; r++) {
                Graph.backward(mlp.loss(x, t));
            }
        }, ENGINE_WARM_UP) * 1000 / reps;
        double chapter4 = millis(() -> {
            for (int r = 0; r < reps; r++) {
                Backpropagation.gradients(network, Backpropagation.forward(network, x), t);
            }
        }, ENGINE_WARM_UP) * 1000 / reps;
        double single = millis(() -> {
            for (int r = 0; r < reps; r++) {
                matrixGradients(matrix, one);
            }
        }, ENGINE_WARM_UP) * 1000 / reps;
        double perExample = millis(() -> {
            for (int r = 0; r < reps; r++) {
                matrixGradients(matrix, batch);
            }
        }, ENGINE_WARM_UP) * 1000 / reps / BATCH;
        int weights = 0;
        for (int l = 1; l < sizes.length; l++) {
            weights += (sizes[l - 1] + 1) * sizes[l];
        }
        return new Engines("4-16-16-1", weights, engine, chapter4, single, perExample);
    }

    /** A pass of {@code n} rows, every row the input {@code x} with the target {@code t}. */
    private static Pass pass(MatrixNetwork network, int n, double[] x, double[] t) {
        Pass pass = new Pass(network, n);
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, 0, pass.input().data(), r * x.length, x.length);
            System.arraycopy(t, 0, pass.targets().data(), r * t.length, t.length);
        }
        return pass;
    }

    /** Chapter 6's gradient of a batch: the forward pass, the output and inner deltas, every layer's gradients. */
    private static void matrixGradients(MatrixNetwork network, Pass pass) {
        int last = network.layers();
        MatrixForm.forward(network, pass);
        MatrixForm.outputDeltas(pass.output(), pass.targets(), pass.delta(last));
        for (int l = last - 1; l >= 1; l--) {
            MatrixForm.innerDeltas(pass.delta(l + 1), network.weights(l), pass.activation(l), pass.delta(l));
        }
        for (int l = 1; l <= last; l++) {
            MatrixForm.gradients(pass.activation(l - 1), pass.delta(l), pass.weightGradient(l), pass.biasGradient(l));
        }
    }

    /** tanh as a chapter-2 activation, for chapter 4's code. */
    static final Activation TANH = new Activation() {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    };

    /**
     * The largest difference between a gradient entry of the engine and of chapter 4's
     * {@code Backpropagation.gradients}, over {@link #NETWORKS} random networks of several shapes,
     * logistic and tanh, each at a random input and target.
     */
    public static double maxDifferenceFromChapter4() {
        int[][] shapes = {{2, 2, 1}, {3, 4, 2}, {4, 8, 8, 3}, {1, 5, 1}, {6, 3, 3, 3, 2}};
        Random rng = new Random(7);
        double max = 0;
        for (int k = 0; k < NETWORKS; k++) {
            int[] sizes = shapes[k % shapes.length];
            boolean tanh = k % 2 == 1;
            Network network = Network.random(rng, tanh ? TANH : new Logistic(), sizes);
            Mlp mlp = Mlp.of(network, tanh ? Nonlinearity.TANH : Nonlinearity.LOGISTIC);
            double[] x = gaussian(rng, sizes[0]);
            double[] t = gaussian(rng, sizes[sizes.length - 1]);
            ForwardPass pass = Backpropagation.forward(network, x);
            Gradients g = Backpropagation.gradients(network, pass, t);
            Graph.backward(mlp.loss(x, t));
            double[][][] w = mlp.weightGradients();
            double[][] b = mlp.biasGradients();
            for (int l = 0; l < w.length; l++) {
                for (int i = 0; i < w[l].length; i++) {
                    for (int j = 0; j < w[l][i].length; j++) {
                        max = Math.max(max, Math.abs(w[l][i][j] - g.weights().get(l)[i][j]));
                    }
                }
                for (int j = 0; j < b[l].length; j++) {
                    max = Math.max(max, Math.abs(b[l][j] - g.biases().get(l)[j]));
                }
            }
        }
        return max;
    }

    private static double[] gaussian(Random rng, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = rng.nextGaussian();
        }
        return v;
    }

    /** The median CPU time of a run on this thread, in milliseconds. */
    static double millis(Runnable run) {
        return millis(run, WARM_UP);
    }

    /**
     * The median CPU time of a run on this thread after {@code warmUp} unmeasured runs, in
     * milliseconds: the thread's own time, so that other processes on a busy machine change it
     * little (the wall clock would mostly measure them).
     */
    static double millis(Runnable run, int warmUp) {
        for (int k = 0; k < warmUp; k++) {
            run.run();
        }
        double[] t = new double[RUNS];
        for (int k = 0; k < RUNS; k++) {
            long start = THREADS.getCurrentThreadCpuTime();
            run.run();
            t[k] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    /** The numbers the chapter quotes, as AsciiDoc attributes (names without the colons). */
    public static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        for (int n : SIZES) {
            Modes m = modes(n);
            v.put("ad-n" + n + "-forward-passes", String.valueOf(m.forwardPasses()));
            v.put("ad-n" + n + "-reverse-passes", String.valueOf(m.reversePasses()));
            v.put("ad-n" + n + "-nodes", String.valueOf(m.graphNodes()));
            v.put("ad-n" + n + "-forward-ms", Values.number(m.forwardMillis(), 3));
            v.put("ad-n" + n + "-reverse-ms", Values.number(m.reverseMillis(), 3));
            v.put("ad-n" + n + "-ratio", Values.number(m.ratio(), 1));
            v.put("ad-n" + n + "-max-difference", scientific(m.maxDifference()));
        }
        Engines e = engines();
        v.put("ad-engine-shape", e.shape());
        v.put("ad-engine-weights", String.valueOf(e.weights()));
        v.put("ad-engine-us", Values.number(e.engineMicros(), 1));
        v.put("ad-chapter4-us", Values.number(e.chapter4Micros(), 1));
        v.put("ad-engine-ratio", Values.number(e.ratio(), 1));
        v.put("ad-matrix-us", Values.number(e.matrixMicros(), 1));
        v.put("ad-batch-us", Values.number(e.batchMicros(), 2));
        v.put("ad-batch", String.valueOf(BATCH));
        v.put("ad-matrix-ratio", Values.number(e.matrixRatio(), 1));
        v.put("ad-batch-ratio", Values.number(e.batchRatio(), 0));
        v.put("ad-networks", String.valueOf(NETWORKS));
        v.put("ad-max-difference", scientific(maxDifferenceFromChapter4()));
        return v;
    }

    /** A small number as 8.9e-16, and 0 as 0. */
    static String scientific(double x) {
        return x == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.1e", x);
    }
}
