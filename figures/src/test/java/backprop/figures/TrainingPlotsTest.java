package backprop.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.logistic.Logistic;
import backprop.network.Backpropagation;
import backprop.network.ForwardPass;
import backprop.network.Gradients;
import backprop.network.Network;
import backprop.training.DataSet;
import backprop.training.MatrixForm;
import backprop.training.MatrixNetwork;
import backprop.training.Pass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Chapter 6's reference code agrees with chapter 4's, and its figures and data are what the book says. */
@DisplayName("Chapter 6: the matrix form, the shipped data and the figures")
class TrainingPlotsTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("the matrix form's batch gradients are chapter 4's per-neuron gradients, averaged, to 1e-12")
    void matrixFormEqualsChapter4(long seed) {
        Random rng = new Random(seed);
        int[] sizes = {3 + rng.nextInt(5), 2 + rng.nextInt(6), 1 + rng.nextInt(4), 2 + rng.nextInt(3)};
        Network network = Network.random(rng, new Logistic(), sizes);
        MatrixNetwork matrix = MatrixNetwork.of(network, MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR);
        int n = 1 + rng.nextInt(9);
        Pass pass = new Pass(matrix, n);
        double[][] x = new double[n][sizes[0]];
        double[][] t = new double[n][sizes[3]];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < sizes[0]; i++) {
                x[r][i] = 4 * rng.nextDouble() - 2;
                pass.input().set(r, i, x[r][i]);
            }
            for (int k = 0; k < sizes[3]; k++) {
                t[r][k] = rng.nextDouble();
                pass.targets().set(r, k, t[r][k]);
            }
        }
        MatrixForm.forward(matrix, pass);
        int last = matrix.layers();
        MatrixForm.outputDeltas(pass.output(), pass.targets(), pass.delta(last));
        for (int l = last - 1; l >= 1; l--) {
            MatrixForm.innerDeltas(pass.delta(l + 1), matrix.weights(l), pass.activation(l), pass.delta(l));
        }
        double[][][] sum = new double[last][][];
        double[][] sumB = new double[last][];
        for (int r = 0; r < n; r++) {
            ForwardPass fp = Backpropagation.forward(network, x[r]);
            Gradients g = Backpropagation.gradients(network, fp, t[r]);
            for (int l = 0; l < last; l++) {
                double[][] w = g.weights().get(l);
                double[] b = g.biases().get(l);
                if (sum[l] == null) {
                    sum[l] = new double[w.length][w[0].length];
                    sumB[l] = new double[b.length];
                }
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < w[0].length; j++) {
                        sum[l][i][j] += w[i][j] / n;
                    }
                }
                for (int j = 0; j < b.length; j++) {
                    sumB[l][j] += b[j] / n;
                }
            }
        }
        for (int l = 1; l <= last; l++) {
            MatrixForm.gradients(pass.activation(l - 1), pass.delta(l), pass.weightGradient(l), pass.biasGradient(l));
            for (int i = 0; i < sum[l - 1].length; i++) {
                for (int j = 0; j < sum[l - 1][0].length; j++) {
                    assertThat(pass.weightGradient(l).get(i, j)).as("dE/dW%d(%d, %d)", l, i, j)
                            .isCloseTo(sum[l - 1][i][j], within(1e-12));
                }
            }
            for (int j = 0; j < sumB[l - 1].length; j++) {
                assertThat(pass.biasGradient(l)[j]).as("dE/db%d[%d]", l, j).isCloseTo(sumB[l - 1][j], within(1e-12));
            }
        }
    }

    @Test
    @DisplayName("the shipped data files match their SHA256SUMS, and load with 1500 + 297 digits and 120 + 30 irises")
    void shippedData() throws Exception {
        Path dir = Path.of(System.getProperty("course.root", "..")).resolve("exercises/src/main/resources/backprop/training/data");
        List<String> sums = Files.readAllLines(dir.resolve("SHA256SUMS"), StandardCharsets.US_ASCII);
        assertThat(sums).hasSize(4);
        for (String line : sums) {
            String[] parts = line.split("\\s+");
            byte[] bytes = Files.readAllBytes(dir.resolve(parts[1]));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as(parts[1]).isEqualTo(parts[0]);
        }
        assertThat(Files.readString(dir.resolve("README.md"))).contains("CC BY 4.0").contains("20261123");
        assertThat(ShippedData.load("digits_train").size()).isEqualTo(1500);
        assertThat(ShippedData.load("digits_test").size()).isEqualTo(297);
        assertThat(ShippedData.load("iris_train").size()).isEqualTo(120);
        DataSet iris = ShippedData.load("iris_test");
        assertThat(iris.size()).isEqualTo(30);
        assertThat(iris.features()).isEqualTo(4);
        assertThat(iris.classes()).isEqualTo(3);
        assertThat(ShippedData.scaled("digits_test").inputs().get(0, 10))
                .isEqualTo(ShippedData.load("digits_test").inputs().get(0, 10) / 16);
    }

    @Test
    @DisplayName("a damaged file, a missing sum or an unknown name is named in the error")
    void checksums() {
        byte[] bytes = "label,x\n0,1\n".getBytes(StandardCharsets.UTF_8);
        String sum = ShippedData.sha256(bytes);
        ShippedData.verify("a.csv", bytes, "0000  b.csv\n" + sum + "  a.csv\n");
        ShippedData.verify("a.csv", bytes, sum.toUpperCase() + " *a.csv\n");
        assertThatThrownBy(() -> ShippedData.verify("a.csv", bytes, "0000  b.csv\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("SHA256SUMS has no line for a.csv");
        assertThatThrownBy(() -> ShippedData.verify("a.csv", "label,x\n1,1\n".getBytes(StandardCharsets.UTF_8), sum + "  a.csv\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a.csv is damaged: its SHA-256 is ").hasMessageEndingWith(" but SHA256SUMS says " + sum);
        assertThatThrownBy(() -> ShippedData.load("mnist_train")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no data set mnist_train; the course ships digits_train, digits_test, iris_train and iris_test");
    }

    @Test
    @DisplayName("the book's digits run reaches at least 95% test accuracy, and its figures draw")
    void bookRun() {
        TrainingPlots.Run run = TrainingPlots.sigmoidRun();
        assertThat(run.accuracy()).hasSize(TrainingPlots.EPOCHS);
        assertThat(run.last()).isGreaterThanOrEqualTo(0.95);
        assertThat(TrainingPlots.confusionImage(TrainingPlots.confusion(run.network(), TrainingPlots.test())).getWidth())
                .isGreaterThan(400);
        assertThat(TrainingPlots.distinctHiddenNeurons(run.network())).isEqualTo(TrainingPlots.HIDDEN);
        assertThat(TrainingPlots.percent(0.99326)).isEqualTo("99.3%");
    }
}
