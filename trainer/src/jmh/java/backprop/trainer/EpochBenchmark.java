package backprop.trainer;

import backprop.figures.ShippedData;
import backprop.training.DataSet;
import backprop.training.Initialisation;
import backprop.training.MatrixNetwork;
import backprop.training.Sgd;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of chapter 6's mini-batch SGD on the digits (1500 examples, 64-30-10), as the trainer
 * runs it. {@code java -jar trainer/target/backprop-train-jmh.jar EpochBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EpochBenchmark {

    @Param({"10", "100"})
    int batch;

    @Param({"SIGMOID_HALF_SQUARED_ERROR", "SOFTMAX_CROSS_ENTROPY"})
    MatrixNetwork.Output output;

    DataSet train;
    MatrixNetwork network;
    Random rng;

    @Setup
    public void setUp() {
        train = ShippedData.scaled("digits_train");
        rng = new Random(1);
        network = Initialisation.fanIn(rng, output, 64, 30, 10);
    }

    @Benchmark
    public MatrixNetwork epoch() {
        Sgd.epoch(network, train, batch, output == MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY ? 0.5 : 3.0, rng);
        return network;
    }
}
