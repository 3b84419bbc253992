package backprop.trainer;

import backprop.common.Require;
import backprop.figures.ShippedData;
import backprop.training.DataSet;
import backprop.training.Evaluation;
import backprop.training.Initialisation;
import backprop.training.MatrixNetwork;
import backprop.training.Sgd;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backprop-train train ...}: trains a network of chapter 6 with the reference code on a
 * shipped data set, times every epoch, and prints one JSON line with the result. A progress bar
 * goes to the terminal (standard error) when there is one.
 */
@Command(name = "backprop-train", mixinStandardHelpOptions = true, version = "backprop-train 1.0",
        description = "Chapter 6's mini-batch SGD on the course's data sets.",
        subcommands = {Train.TrainCommand.class})
public final class Train implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Train()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }

    /** The result of a run, as the JSON line prints it. */
    record Result(String data, int[] sizes, String output, String init, int batchSize, double eta, int epochs,
            long seed, int examples, double[] epochSeconds, double[] epochCpuSeconds, double[] testAccuracy,
            double peakGflops) {

        double medianEpochSeconds() {
            return Stats.median(epochSeconds);
        }

        double medianEpochCpuSeconds() {
            return Stats.median(epochCpuSeconds);
        }

        double examplesPerSecond() {
            return examples / medianEpochSeconds();
        }

        String json() {
            StringBuilder s = new StringBuilder("{");
            s.append("\"data\":\"").append(data).append("\"");
            s.append(",\"sizes\":").append(Arrays.toString(sizes).replace(" ", ""));
            s.append(",\"output\":\"").append(output).append("\"");
            s.append(",\"init\":\"").append(init).append("\"");
            s.append(",\"batch_size\":").append(batchSize);
            s.append(",\"eta\":").append(eta);
            s.append(",\"epochs\":").append(epochs);
            s.append(",\"seed\":").append(seed);
            s.append(",\"examples\":").append(examples);
            s.append(",\"median_epoch_s\":").append(format(medianEpochSeconds()));
            s.append(",\"examples_per_s\":").append(format(examplesPerSecond()));
            s.append(",\"median_epoch_cpu_s\":").append(format(medianEpochCpuSeconds()));
            s.append(",\"examples_per_cpu_s\":").append(format(examples / medianEpochCpuSeconds()));
            double flops = Stats.flopsPerEpoch(sizes, examples, batchSize);
            s.append(",\"mflop_per_epoch\":").append(format(flops / 1e6));
            s.append(",\"gflops_cpu\":").append(format(flops / medianEpochCpuSeconds() / 1e9));
            if (peakGflops > 0) {
                // the arithmetic bound: the epoch's operations at the measured peak of one core
                double bound = flops / (peakGflops * 1e9);
                s.append(",\"peak_gflops\":").append(format(peakGflops));
                s.append(",\"bound_epoch_s\":").append(format(bound));
                s.append(",\"cpu_over_bound\":").append(format(medianEpochCpuSeconds() / bound));
            }
            s.append(",\"test_accuracy\":").append(format(testAccuracy[testAccuracy.length - 1]));
            s.append(",\"test_accuracy_per_epoch\":").append(array(testAccuracy));
            s.append(",\"epoch_s\":").append(array(epochSeconds));
            s.append(",\"java\":\"").append(System.getProperty("java.version")).append("\"");
            return s.append("}").toString();
        }

        private static String array(double[] v) {
            List<String> parts = new ArrayList<>();
            for (double x : v) {
                parts.add(format(x));
            }
            return "[" + String.join(",", parts) + "]";
        }

        private static String format(double x) {
            return String.format(Locale.ROOT, "%.6g", x);
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train, timing each epoch; print one JSON line at the end.")
    static final class TrainCommand implements Callable<Integer> {

        @Option(names = "--data", defaultValue = "digits", description = "digits or iris (default: ${DEFAULT-VALUE})")
        String data;

        @Option(names = "--hidden", split = ",", defaultValue = "30",
                description = "neurons of each hidden layer, comma-separated (default: ${DEFAULT-VALUE})")
        int[] hidden;

        @Option(names = "--batch", defaultValue = "10", description = "mini-batch size (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--eta", defaultValue = "3.0", description = "learning rate (default: ${DEFAULT-VALUE})")
        double eta;

        @Option(names = "--epochs", defaultValue = "10", description = "epochs (default: ${DEFAULT-VALUE})")
        int epochs;

        @Option(names = "--seed", defaultValue = "1", description = "seed of the start and the shuffles (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--output", defaultValue = "sigmoid",
                description = "sigmoid (half squared error) or softmax (cross-entropy) (default: ${DEFAULT-VALUE})")
        String output;

        @Option(names = "--init", defaultValue = "fanin",
                description = "fanin (Eq. 6.9) or normal (every weight and bias N(0, 1)) (default: ${DEFAULT-VALUE})")
        String init;

        @Option(names = "--warmup", defaultValue = "0",
                description = "untimed epochs on a throw-away copy first, to let the JIT compile (default: ${DEFAULT-VALUE})")
        int warmup;

        @Option(names = "--no-progress", description = "no progress bar, even on a terminal")
        boolean noProgress;

        @Option(names = "--peak", description = "also measure one core's multiply-add peak and the ratio to that bound")
        boolean peak;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Result r;
            try {
                r = train(data, hidden, batch, eta, epochs, seed, output, init, warmup,
                        !noProgress && System.console() != null ? System.err : null, peak);
            } catch (IllegalArgumentException e) {
                // a value out of range: its message and the usage, exit code 2, no stack trace
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            System.out.println(r.json());
            return 0;
        }
    }

    /** Every option in range, or an error that names the option and the value. */
    private static void checkOptions(String data, int[] hidden, int batch, double eta, int epochs, int warmup) {
        if (!data.equals("digits") && !data.equals("iris")) {
            throw new IllegalArgumentException("--data must be digits or iris, not " + data);
        }
        if (hidden.length == 0) {
            throw new IllegalArgumentException("--hidden needs at least one layer size");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("--hidden: every layer needs at least 1 neuron, not " + h);
            }
        }
        Require.atLeast(batch, 1, "--batch");
        Require.atLeast(epochs, 1, "--epochs");
        Require.nonNegative(warmup, "--warmup");
        Require.positive(eta, "--eta");
    }

    static Result train(String data, int[] hidden, int batch, double eta, int epochs, long seed, String output,
            String init, int warmup, PrintStream progress, boolean peak) {
        checkOptions(data, hidden, batch, eta, epochs, warmup);
        DataSet train = ShippedData.scaled(data + "_train");
        DataSet test = ShippedData.scaled(data + "_test");
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = train.features();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = train.classes();
        MatrixNetwork.Output out = switch (output) {
            case "sigmoid" -> MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR;
            case "softmax" -> MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("--output must be sigmoid or softmax, not " + output);
        };
        Random rng = new Random(seed);
        MatrixNetwork network = switch (init) {
            case "fanin" -> Initialisation.fanIn(rng, out, sizes);
            case "normal" -> Initialisation.standardNormal(rng, out, sizes);
            default -> throw new IllegalArgumentException("--init must be fanin or normal, not " + init);
        };
        MatrixNetwork scratch = network.copy();
        Random scratchRng = new Random(seed + 1);
        for (int e = 0; e < warmup; e++) {
            Sgd.epoch(scratch, train, batch, eta, scratchRng);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] seconds = new double[epochs];
        double[] cpuSeconds = new double[epochs];
        double[] accuracy = new double[epochs];
        ProgressBar bar = progress == null ? null : new ProgressBarBuilder().setTaskName("epochs")
                .setInitialMax(epochs).setConsumer(new ConsoleProgressBarConsumer(progress)).build();
        try {
            for (int e = 0; e < epochs; e++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Sgd.epoch(network, train, batch, eta, rng);
                seconds[e] = (System.nanoTime() - t0) / 1e9;
                cpuSeconds[e] = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
                accuracy[e] = Evaluation.accuracy(network, test);
                if (bar != null) {
                    bar.step();
                    bar.setExtraMessage(String.format(Locale.ROOT, "test accuracy %.3f", accuracy[e]));
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return new Result(data, sizes, output, init, batch, eta, epochs, seed, train.size(), seconds, cpuSeconds,
                accuracy, peak ? Stats.peakGflops() : 0);
    }
}
