package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import backprop.testing.PlainNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("ch6")
@DisplayName("Chapter 6, hidden tests")
class TrainingHiddenTest {

    static final MatrixNetwork.Output SIGMOID = MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR;
    static final MatrixNetwork.Output SOFTMAX = MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY;

    /**
     * Random shapes that are never square, so a transposed index cannot pass; the last is wide
     * and long enough (9 and 13 inputs, 11 examples) that code working in blocks of rows and
     * columns, as the reference does, runs several blocks and the rows and columns they leave over.
     */
    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(1L, SIGMOID, new int[] {3, 5, 2}, 4),
                Arguments.of(2L, SIGMOID, new int[] {4, 6, 3, 2}, 7),
                Arguments.of(3L, SOFTMAX, new int[] {5, 3, 4}, 1),
                Arguments.of(4L, SOFTMAX, new int[] {2, 7, 5, 3}, 6),
                Arguments.of(5L, SIGMOID, new int[] {9, 13, 6}, 11));
    }

    static double[][] inputs(long seed, int n, int features) {
        return PlainNetwork.uniform(new Random(seed + 100), n, features, -1, 2);
    }

    static int[] labels(long seed, int n, int classes) {
        Random rng = new Random(seed + 200);
        int[] labels = new int[n];
        for (int x = 0; x < n; x++) {
            labels[x] = rng.nextInt(classes);
        }
        return labels;
    }

    static Pass loaded(MatrixNetwork network, double[][] x, double[][] t) {
        Pass pass = new Pass(network, x.length);
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[r].length; c++) {
                pass.input().set(r, c, x[r][c]);
            }
            for (int c = 0; c < t[r].length; c++) {
                pass.targets().set(r, c, t[r][c]);
            }
        }
        return pass;
    }

    static void assertMatrix(Matrix actual, double[][] expected, double tolerance, String name) {
        assertThat(actual.rows()).as("%s rows", name).isEqualTo(expected.length);
        assertThat(actual.columns()).as("%s columns", name).isEqualTo(expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertThat(actual.get(i, j)).as("%s(%d, %d)", name, i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    static void assertNetwork(MatrixNetwork actual, PlainNetwork expected, double tolerance) {
        for (int l = 0; l < expected.w.length; l++) {
            assertMatrix(actual.weights(l), expected.w[l], tolerance, "W" + (l + 1));
            for (int j = 0; j < expected.b[l].length; j++) {
                assertThat(actual.biases(l)[j]).as("b%d[%d]", l + 1, j).isCloseTo(expected.b[l][j], within(tolerance));
            }
        }
    }

    /** Rows r of per-example vectors as a matrix. */
    static double[][] rows(double[][][] perExample, int layer) {
        double[][] m = new double[perExample.length][];
        for (int x = 0; x < perExample.length; x++) {
            m[x] = perExample[x][layer];
        }
        return m;
    }

    @Nested
    @Tag("ex6.1")
    @DisplayName("Exercise 6.1: net inputs")
    class NetInputs {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("backprop.training.TrainingHiddenTest#networks")
        @DisplayName("equal chapter 4's per-neuron sums for every row on random non-square layers")
        void equalPerNeuronSums(long seed, MatrixNetwork.Output output, int[] sizes, int n) {
            MatrixNetwork net = PlainNetwork.random(new Random(seed), output, sizes);
            double[][] x = inputs(seed, n, sizes[0]);
            double[][] w = net.weights(0).toArray();
            double[] b = net.biases(0);
            double[][] expected = new double[n][sizes[1]];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < sizes[1]; j++) {
                    expected[r][j] = b[j];
                    for (int i = 0; i < sizes[0]; i++) {
                        expected[r][j] += w[i][j] * x[r][i];
                    }
                }
            }
            Matrix z = Matrix.of(PlainNetwork.uniform(new Random(seed), n, sizes[1], 5, 9));
            assertThat(MatrixForm.netInputs(Matrix.of(x), net.weights(0), b, z)).isSameAs(z);
            assertMatrix(z, expected, 1e-12, "Z");
        }

        @Test
        @DisplayName("work on a layer whose shapes are checked: each mismatch named with both sides")
        void rejectsBadShapes() {
            Matrix a = new Matrix(2, 3);
            a.set(1, 2, 1);
            Matrix w = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
            assertMatrix(MatrixForm.netInputs(a, w, new double[] {1, 1}, new Matrix(2, 2)),
                    new double[][] {{1, 1}, {6, 7}}, 1e-12, "Z");
            assertThatThrownBy(() -> MatrixForm.netInputs(a, w, new double[3], new Matrix(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("b has 3 entries but w has 2 columns (the layer's neurons)");
            assertThatThrownBy(() -> MatrixForm.netInputs(a, w, new double[2], new Matrix(3, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z has 3 rows but a has 2 rows (the examples)");
            assertThatThrownBy(() -> MatrixForm.netInputs(a, w, new double[2], new Matrix(2, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z has 1 column but w has 2 columns (the layer's neurons)");
            assertThatThrownBy(() -> MatrixForm.netInputs(new Matrix(2, 1), w, new double[2], new Matrix(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("w has 3 rows but a has 1 column (the layer's inputs)");
            assertThatThrownBy(() -> MatrixForm.netInputs(null, w, new double[2], new Matrix(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a must not be null");
            assertThatThrownBy(() -> MatrixForm.netInputs(a, null, new double[2], new Matrix(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("w must not be null");
            assertThatThrownBy(() -> MatrixForm.netInputs(a, w, null, new Matrix(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("b must not be null");
            Matrix p = new Matrix(2, 2);
            Matrix q = new Matrix(2, 2);
            assertThatThrownBy(() -> MatrixForm.netInputs(p, q, new double[2], p)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z is the same matrix as a: the result needs a matrix of its own, or it overwrites a while reading it");
            assertThatThrownBy(() -> MatrixForm.netInputs(p, q, new double[2], q)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("z is the same matrix as w: ");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(p, q, new Matrix(2, 2), p)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("d is the same matrix as next: ");
            assertThatThrownBy(() -> MatrixForm.gradients(p, q, p, new double[2])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("gw is the same matrix as a: ");
        }

        @Test
        @DisplayName("read and write the row-major data of matrices, which check their indices")
        void matrices() {
            Matrix a = Matrix.of(new double[][] {{1, 2}});
            Matrix z = MatrixForm.netInputs(a, Matrix.of(new double[][] {{1}, {1}}), new double[] {0.5}, new Matrix(1, 1));
            assertThat(z.data()).containsExactly(3.5);
            Matrix m = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
            assertThat(m.data()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(m.get(1, 0)).isEqualTo(4);
            assertThat(m.rows()).isEqualTo(2);
            assertThat(m.columns()).isEqualTo(3);
            assertThat(m.shape()).isEqualTo("2 x 3");
            assertThat(m).hasToString("Matrix 2 x 3");
            Matrix c = m.copy();
            c.set(0, 1, 9);
            assertThat(m.get(0, 1)).isEqualTo(2);
            assertThat(c.toArray()).isDeepEqualTo(new double[][] {{1, 9, 3}, {4, 5, 6}});
            for (int[] bad : new int[][] {{2, 0}, {-1, 0}, {0, 3}, {0, -1}}) {
                assertThatThrownBy(() -> m.get(bad[0], bad[1]))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("entry (" + bad[0] + ", " + bad[1] + ") is outside the 2 x 3 matrix");
            }
            assertThatThrownBy(() -> new Matrix(0, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rows must be at least 1 but was 0");
            assertThatThrownBy(() -> new Matrix(2, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("columns must be at least 1 but was 0");
            assertThatThrownBy(() -> new Matrix(100_000, 100_000)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a 100000 x 100000 matrix has 10000000000 entries, more than a Java array holds (2147483639)");
            assertThatThrownBy(() -> Matrix.of(new double[][] {{1, Double.NaN}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("values[0][1] must be a finite number but was NaN");
        }
    }

    @Nested
    @Tag("ex6.2")
    @DisplayName("Exercise 6.2: the forward pass of a batch")
    class Forward {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("backprop.training.TrainingHiddenTest#networks")
        @DisplayName("gives every layer's outputs of chapter 4's forward pass, row by row")
        void equalsPerExample(long seed, MatrixNetwork.Output output, int[] sizes, int n) {
            MatrixNetwork net = PlainNetwork.random(new Random(seed), output, sizes);
            PlainNetwork plain = PlainNetwork.of(net);
            double[][] x = inputs(seed, n, sizes[0]);
            Pass pass = loaded(net, x, new double[n][sizes[sizes.length - 1]]);
            Matrix o = MatrixForm.forward(net, pass);
            assertThat(o).isSameAs(pass.output());
            double[][][] expected = new double[n][][];
            for (int r = 0; r < n; r++) {
                expected[r] = plain.outputs(x[r]);
            }
            for (int l = 0; l < sizes.length; l++) {
                assertMatrix(pass.activation(l), rows(expected, l), 1e-12, "A" + l);
            }
        }

        @Test
        @DisplayName("stays finite for huge net inputs, both logistic (0 and 1) and softmax")
        void saturates() {
            MatrixNetwork sig = new MatrixNetwork(List.of(Matrix.of(new double[][] {{1000, -1000}})),
                    List.of(new double[2]), SIGMOID);
            Pass pass = new Pass(sig, 1);
            pass.input().set(0, 0, 1);
            assertThat(MatrixForm.forward(sig, pass).data()).containsExactly(1, 0);
            MatrixNetwork soft = new MatrixNetwork(List.of(Matrix.of(new double[][] {{800, 0}})),
                    List.of(new double[2]), SOFTMAX);
            Pass p2 = new Pass(soft, 1);
            p2.input().set(0, 0, 1);
            assertThat(MatrixForm.forward(soft, p2).data()).containsExactly(1, 0);
        }

        @Test
        @DisplayName("works on passes made for the network, and rejects others or NaN inputs")
        void rejectsBadPasses() {
            MatrixNetwork net = PlainNetwork.random(new Random(9), SIGMOID, 2, 3, 1);
            Pass pass = new Pass(net, 1);
            assertThat(MatrixForm.forward(net, pass).get(0, 0))
                    .isCloseTo(PlainNetwork.of(net).outputs(new double[2])[2][0], within(1e-12));
            assertThat(pass.size()).isEqualTo(1);
            assertThat(pass.layers()).isEqualTo(2);
            MatrixNetwork other = PlainNetwork.random(new Random(9), SIGMOID, 2, 4, 1);
            assertThatThrownBy(() -> MatrixForm.forward(other, pass)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass was made for another network: it does not have the sizes [2, 4, 1]");
            MatrixNetwork deeper = PlainNetwork.random(new Random(9), SIGMOID, 2, 3, 1, 1);
            assertThatThrownBy(() -> MatrixForm.forward(deeper, pass)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("pass was made for another network");
            MatrixNetwork wider = PlainNetwork.random(new Random(9), SIGMOID, 3, 3, 1);
            assertThatThrownBy(() -> MatrixForm.forward(wider, pass)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("pass was made for another network");
            pass.input().set(0, 1, Double.NaN);
            assertThatThrownBy(() -> MatrixForm.forward(net, pass)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass.input()(0, 1) must be a finite number but was NaN");
            assertThatThrownBy(() -> MatrixForm.forward(null, pass)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("network must not be null");
            assertThatThrownBy(() -> MatrixForm.forward(net, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass must not be null");
            for (int bad : new int[] {-1, 3}) {
                assertThatThrownBy(() -> pass.activation(bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("layer " + bad + " does not exist here: layers run from 0 to 2");
            }
            assertThatThrownBy(() -> pass.delta(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer 0 does not exist here: layers run from 1 to 2");
            assertThatThrownBy(() -> new Pass(net, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the batch size must be at least 1 but was 0");
        }

        @Test
        @DisplayName("works on networks that check their layers when they are built")
        void networksCheckTheirShapes() {
            MatrixNetwork net = PlainNetwork.random(new Random(12), SOFTMAX, 2, 3, 2);
            Pass pass = new Pass(net, 1);
            double[] p = MatrixForm.forward(net, pass).data();
            assertThat(p[0] + p[1]).isCloseTo(1, within(1e-12));
            assertThat(net.sizes()).containsExactly(2, 3, 2);
            assertThat(net.inputs()).isEqualTo(2);
            assertThat(net.outputs()).isEqualTo(2);
            assertThat(net.layers()).isEqualTo(2);
            MatrixNetwork copy = net.copy();
            copy.weights(0).set(0, 0, 42);
            copy.biases(0)[0] = 42;
            assertThat(net.weights(0).get(0, 0)).isNotEqualTo(42);
            assertThat(net.biases(0)[0]).isNotEqualTo(42);
            assertThat(copy.output()).isEqualTo(SOFTMAX);
            Matrix w = Matrix.of(new double[][] {{1, 2}});
            assertThatThrownBy(() -> new MatrixNetwork(List.of(w, new Matrix(3, 1)), List.of(new double[2], new double[1]), SIGMOID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights[1] has 3 rows but layer 0 has 2 neurons");
            assertThatThrownBy(() -> new MatrixNetwork(List.of(w), List.of(new double[3]), SIGMOID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("biases[0] has 3 entries but weights[0] has 2 columns");
            assertThatThrownBy(() -> new MatrixNetwork(List.of(w), List.of(new double[2], new double[1]), SIGMOID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights has 1 layer but biases has 2");
            assertThatThrownBy(() -> new MatrixNetwork(List.of(w), List.of(new double[] {1, Double.NaN}), SIGMOID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("biases[0][1] must be a finite number but was NaN");
            assertThatThrownBy(() -> new MatrixNetwork(List.of(w), List.of(new double[2]), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("output must not be null");
            double[] b = new double[2];
            MatrixNetwork built = new MatrixNetwork(List.of(w), List.of(b), SIGMOID);
            w.set(0, 0, 7);
            b[0] = 7;
            assertThat(built.weights(0).get(0, 0)).isEqualTo(1);
            assertThat(built.biases(0)[0]).isEqualTo(0);
        }
    }

    @Nested
    @Tag("ex6.3")
    @DisplayName("Exercise 6.3: sigmoid output deltas")
    class OutputDeltas {

        @Test
        @DisplayName("are (o - t) o (1 - o) entry by entry, overwriting d, on a 3 x 2 batch")
        void entryByEntry() {
            double[][] o = {{0.9, 0.2}, {0.5, 0.7}, {0.1, 0.999}};
            double[][] t = {{1, 0}, {0, 1}, {0.25, 0}};
            double[][] expected = new double[3][2];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    expected[i][j] = (o[i][j] - t[i][j]) * o[i][j] * (1 - o[i][j]);
                }
            }
            Matrix d = Matrix.of(new double[][] {{5, 5}, {5, 5}, {5, 5}});
            assertThat(MatrixForm.outputDeltas(Matrix.of(o), Matrix.of(t), d)).isSameAs(d);
            assertMatrix(d, expected, 1e-15, "D");
        }

        @Test
        @DisplayName("work on matrices of the same shape only")
        void shapes() {
            Matrix o = Matrix.of(new double[][] {{0.5}});
            assertThat(MatrixForm.outputDeltas(o, o, new Matrix(1, 1)).get(0, 0)).isEqualTo(0);
            assertThatThrownBy(() -> MatrixForm.outputDeltas(o, new Matrix(1, 2), new Matrix(1, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("t is 1 x 2 but o is 1 x 1");
            assertThatThrownBy(() -> MatrixForm.outputDeltas(o, o, new Matrix(2, 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("d is 2 x 1 but o is 1 x 1");
            assertThatThrownBy(() -> MatrixForm.outputDeltas(null, o, o))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("o must not be null");
        }
    }

    @Nested
    @Tag("ex6.4")
    @DisplayName("Exercise 6.4: softmax deltas")
    class SoftmaxDeltas {

        @Test
        @DisplayName("are p - t exactly, not multiplied by p (1 - p), overwriting d")
        void noSlope() {
            double[][] p = {{0.25, 0.5, 0.25}, {0.6, 0.3, 0.1}};
            double[][] t = {{0, 1, 0}, {0, 0, 1}};
            Matrix d = Matrix.of(new double[][] {{9, 9, 9}, {9, 9, 9}});
            assertThat(MatrixForm.softmaxDeltas(Matrix.of(p), Matrix.of(t), d)).isSameAs(d);
            assertMatrix(d, new double[][] {{0.25, -0.5, 0.25}, {0.6, 0.3, -0.9}}, 1e-15, "D");
            assertThatThrownBy(() -> MatrixForm.softmaxDeltas(Matrix.of(p), new Matrix(2, 2), d))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("t is 2 x 2 but p is 2 x 3");
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("backprop.training.TrainingHiddenTest#networks")
        @DisplayName("are the cross-entropy's derivative with respect to the net inputs (central differences)")
        void centralDifferences(long seed, MatrixNetwork.Output output, int[] sizes, int n) {
            Random rng = new Random(seed);
            int k = sizes[sizes.length - 1];
            double[] z = new double[k];
            for (int j = 0; j < k; j++) {
                z[j] = 3 * rng.nextGaussian();
            }
            int label = rng.nextInt(k);
            double[] p = softmax(z);
            Matrix t = new Matrix(1, k);
            t.set(0, label, 1);
            Matrix d = MatrixForm.softmaxDeltas(Matrix.of(new double[][] {p}), t, new Matrix(1, k));
            for (int j = 0; j < k; j++) {
                int jj = j;
                double numeric = Numeric.centralDifference(v -> {
                    double[] zz = z.clone();
                    zz[jj] = v;
                    return -Math.log(softmax(zz)[label]);
                }, z[j]);
                assertThat(d.get(0, j)).as("dE/dz[%d]", j).isCloseTo(numeric, within(1e-6));
            }
        }

        private double[] softmax(double[] z) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : z) {
                sum += Math.exp(v - max);
            }
            double[] p = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                p[j] = Math.exp(z[j] - max) / sum;
            }
            return p;
        }
    }

    @Nested
    @Tag("ex6.5")
    @DisplayName("Exercise 6.5: inner deltas")
    class InnerDeltas {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("backprop.training.TrainingHiddenTest#networks")
        @DisplayName("equal chapter 4's per-neuron deltas of every example on random non-square layers")
        void equalPerExample(long seed, MatrixNetwork.Output output, int[] sizes, int n) {
            MatrixNetwork net = PlainNetwork.random(new Random(seed), output, sizes);
            PlainNetwork plain = PlainNetwork.of(net);
            double[][] x = inputs(seed, n, sizes[0]);
            double[][] t = PlainNetwork.oneHot(labels(seed, n, sizes[sizes.length - 1]), sizes[sizes.length - 1]);
            double[][][] deltas = new double[n][][];
            double[][][] outs = new double[n][][];
            for (int r = 0; r < n; r++) {
                deltas[r] = plain.deltas(x[r], t[r]);
                outs[r] = plain.outputs(x[r]);
            }
            int last = sizes.length - 2;
            Matrix d = Matrix.of(PlainNetwork.uniform(new Random(1), n, sizes[last], 3, 4));
            assertThat(MatrixForm.innerDeltas(Matrix.of(rows(deltas, last)), net.weights(last),
                    Matrix.of(rows(outs, last)), d)).isSameAs(d);
            assertMatrix(d, rows(deltas, last - 1), 1e-12, "D" + last);
        }

        @Test
        @DisplayName("work on shapes that fit, naming each mismatch")
        void shapes() {
            Matrix next = new Matrix(2, 3);
            Matrix w = new Matrix(4, 3);
            Matrix a = Matrix.of(new double[][] {{0.5, 0.5, 0.5, 0.5}, {0.5, 0.5, 0.5, 0.5}});
            next.set(1, 2, 4);
            w.set(1, 2, 1);
            assertMatrix(MatrixForm.innerDeltas(next, w, a, new Matrix(2, 4)),
                    new double[][] {{0, 0, 0, 0}, {0, 1, 0, 0}}, 1e-15, "D");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(new Matrix(3, 3), w, a, new Matrix(2, 4)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("next has 3 rows but a has 2 rows (the examples)");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(next, new Matrix(3, 4), a, new Matrix(2, 4)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("w has 4 columns but next has 3 columns (the next layer's neurons)");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(next, new Matrix(5, 3), a, new Matrix(2, 4)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("w has 5 rows but a has 4 columns (this layer's neurons)");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(next, w, a, new Matrix(2, 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("d is 2 x 3 but a is 2 x 4");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(null, w, a, a))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("next must not be null");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(next, null, a, a))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("w must not be null");
            assertThatThrownBy(() -> MatrixForm.innerDeltas(next, w, null, a))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a must not be null");
        }
    }

    @Nested
    @Tag("ex6.6")
    @DisplayName("Exercise 6.6: batch-averaged gradients")
    class Gradients {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("backprop.training.TrainingHiddenTest#networks")
        @DisplayName("are the mean over the batch of chapter 4's o_i delta_j and delta_j, for every layer")
        void meanOfPerExample(long seed, MatrixNetwork.Output output, int[] sizes, int n) {
            MatrixNetwork net = PlainNetwork.random(new Random(seed), output, sizes);
            PlainNetwork plain = PlainNetwork.of(net);
            double[][] x = inputs(seed, n, sizes[0]);
            double[][] t = PlainNetwork.oneHot(labels(seed, n, sizes[sizes.length - 1]), sizes[sizes.length - 1]);
            double[][] gb = new double[sizes.length - 1][];
            double[][][] gw = plain.gradients(x, t, gb);
            for (int l = 0; l < sizes.length - 1; l++) {
                double[][] a = new double[n][];
                double[][] d = new double[n][];
                for (int r = 0; r < n; r++) {
                    a[r] = plain.outputs(x[r])[l];
                    d[r] = plain.deltas(x[r], t[r])[l];
                }
                double[] bias = new double[sizes[l + 1]];
                java.util.Arrays.fill(bias, 3);
                Matrix g = Matrix.of(PlainNetwork.uniform(new Random(2), sizes[l], sizes[l + 1], 3, 4));
                assertThat(MatrixForm.gradients(Matrix.of(a), Matrix.of(d), g, bias)).isSameAs(g);
                assertMatrix(g, gw[l], 1e-12, "dE/dW" + (l + 1));
                for (int j = 0; j < bias.length; j++) {
                    assertThat(bias[j]).as("dE/db%d[%d]", l + 1, j).isCloseTo(gb[l][j], within(1e-12));
                }
            }
        }

        @Test
        @DisplayName("divide by the batch size: four equal examples give the gradient of one")
        void averaged() {
            Matrix a = Matrix.of(new double[][] {{1, 2}, {1, 2}, {1, 2}, {1, 2}});
            Matrix d = Matrix.of(new double[][] {{3}, {3}, {3}, {3}});
            double[] gb = new double[1];
            assertMatrix(MatrixForm.gradients(a, d, new Matrix(2, 1), gb), new double[][] {{3}, {6}}, 1e-15, "dE/dW");
            assertThat(gb[0]).isCloseTo(3, within(1e-15));
            assertThatThrownBy(() -> MatrixForm.gradients(a, new Matrix(3, 1), new Matrix(2, 1), gb))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("d has 3 rows but a has 4 rows (the examples)");
            assertThatThrownBy(() -> MatrixForm.gradients(a, d, new Matrix(1, 1), gb))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("gw has 1 row but a has 2 columns (the layer's inputs)");
            assertThatThrownBy(() -> MatrixForm.gradients(a, d, new Matrix(2, 2), gb))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("gw has 2 columns but d has 1 column (the layer's neurons)");
            assertThatThrownBy(() -> MatrixForm.gradients(a, d, new Matrix(2, 1), new double[2]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("gb has 2 entries but d has 1 column (the layer's neurons)");
            assertThatThrownBy(() -> MatrixForm.gradients(null, d, new Matrix(2, 1), gb))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("a must not be null");
            assertThatThrownBy(() -> MatrixForm.gradients(a, null, new Matrix(2, 1), gb))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("d must not be null");
        }
    }

    @Nested
    @Tag("ex6.7")
    @DisplayName("Exercise 6.7: one step")
    class Step {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("backprop.training.TrainingHiddenTest#networks")
        @DisplayName("equals averaging chapter 4's per-example gradients and one update, for both output layers")
        void equalsPerExample(long seed, MatrixNetwork.Output output, int[] sizes, int n) {
            MatrixNetwork net = PlainNetwork.random(new Random(seed), output, sizes);
            PlainNetwork plain = PlainNetwork.of(net);
            double[][] x = inputs(seed, n, sizes[0]);
            double[][] t = PlainNetwork.oneHot(labels(seed, n, sizes[sizes.length - 1]), sizes[sizes.length - 1]);
            Pass pass = loaded(net, x, t);
            for (int k = 0; k < 3; k++) {
                Sgd.step(net, pass, 0.8);
                plain.step(x, t, 0.8);
            }
            assertNetwork(net, plain, 1e-12);
        }

        @Test
        @DisplayName("keeps a network from all-equal weights symmetric for 50 steps: its hidden neurons never differ")
        void symmetryNeverBreaks() {
            MatrixNetwork net = Initialisation.constant(0.3, SIGMOID, 3, 4, 2);
            PlainNetwork plain = PlainNetwork.of(net);
            double[][] x = inputs(5, 6, 3);
            double[][] t = PlainNetwork.oneHot(labels(5, 6, 2), 2);
            Pass pass = loaded(net, x, t);
            for (int k = 0; k < 50; k++) {
                Sgd.step(net, pass, 2.0);
                plain.step(x, t, 2.0);
            }
            assertNetwork(net, plain, 1e-12);
            for (int i = 0; i < 3; i++) {
                for (int j = 1; j < 4; j++) {
                    assertThat(plain.w[0][i][j]).as("plain w1(%d, %d) = w1(%d, 0)", i, j, i).isEqualTo(plain.w[0][i][0]);
                }
            }
        }

        @Test
        @DisplayName("works on checked arguments: rate, pass and targets")
        void rejectsBadArguments() {
            MatrixNetwork net = PlainNetwork.random(new Random(6), SIGMOID, 2, 2);
            Pass pass = new Pass(net, 1);
            pass.targets().set(0, 0, 1);
            PlainNetwork plain = PlainNetwork.of(net);
            Sgd.step(net, pass, 1);
            plain.step(new double[][] {{0, 0}}, new double[][] {{1, 0}}, 1);
            assertNetwork(net, plain, 1e-12);
            assertThatThrownBy(() -> Sgd.step(net, pass, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was 0.0");
            assertThatThrownBy(() -> Sgd.step(net, new Pass(PlainNetwork.random(new Random(6), SIGMOID, 2, 3), 1), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass was made for another network: it does not have the sizes [2, 2]");
            pass.targets().set(0, 1, Double.POSITIVE_INFINITY);
            assertThatThrownBy(() -> Sgd.step(net, pass, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass.targets()(0, 1) must be a finite number but was Infinity");
            assertThatThrownBy(() -> Sgd.step(null, pass, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("network must not be null");
            assertThatThrownBy(() -> Sgd.step(net, null, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass must not be null");
        }
    }

    @Nested
    @Tag("ex6.8")
    @DisplayName("Exercise 6.8: epochs")
    class Epoch {

        static Stream<Arguments> batches() {
            return Stream.of(Arguments.of(11, 4), Arguments.of(12, 4), Arguments.of(5, 1), Arguments.of(3, 10));
        }

        @ParameterizedTest(name = "{0} examples in batches of {1}")
        @MethodSource("batches")
        @DisplayName("equal shuffling with the course's order and stepping batch by batch, the last one smaller")
        void equalsPlainEpochs(int n, int batch) {
            double[][] x = inputs(n, n, 3);
            int[] labels = labels(n, n, 2);
            DataSet data = new DataSet("train", Matrix.of(x), labels, 2);
            MatrixNetwork net = PlainNetwork.random(new Random(n), SIGMOID, 3, 4, 2);
            PlainNetwork plain = PlainNetwork.of(net);
            Random rng = new Random(17);
            Random same = new Random(17);
            for (int e = 0; e < 2; e++) {
                Sgd.epoch(net, data, batch, 1.5, rng);
                plain.epoch(x, PlainNetwork.oneHot(labels, 2), PlainNetwork.order(n, same), batch, 1.5);
            }
            assertNetwork(net, plain, 1e-12);
        }

        @Test
        @DisplayName("learns Iris-like clusters: test accuracy rises to 1 with the given training loop")
        void learns() {
            Random rng = new Random(21);
            double[][] x = new double[60][2];
            int[] labels = new int[60];
            for (int k = 0; k < 60; k++) {
                labels[k] = k % 3;
                x[k][0] = labels[k] + 0.2 * rng.nextGaussian();
                x[k][1] = (labels[k] == 1 ? 1 : 0) + 0.2 * rng.nextGaussian();
            }
            DataSet data = new DataSet("clusters", Matrix.of(x), labels, 3);
            MatrixNetwork net = Initialisation.standardNormal(new Random(3), SOFTMAX, 2, 8, 3);
            List<Integer> done = new ArrayList<>();
            double[] accuracy = Sgd.train(net, data, data, 60, 5, 0.5, new Random(4), done::add);
            assertThat(done).hasSize(60).startsWith(1, 2).endsWith(60);
            assertThat(accuracy).hasSize(60);
            assertThat(accuracy[59]).isCloseTo(1, within(1e-12));
            assertThat(Sgd.train(net, data, data, 1, 5, 0.5, new Random(4), null)).hasSize(1);
            DataSet wide = new DataSet("wide", new Matrix(60, 3), labels, 3);
            double before = net.weights(0).get(0, 0);
            assertThatThrownBy(() -> Sgd.train(net, data, wide, 1, 5, 0.5, new Random(4), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("wide has 3 inputs but the network has 2");
            assertThat(net.weights(0).get(0, 0)).as("w[0][0] after a refused run").isEqualTo(before);
            assertThatThrownBy(() -> Sgd.train(net, data, data, 0, 0, 0.5, new Random(4), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        }

        @Test
        @DisplayName("works on checked arguments, and Sgd.shuffle is Fisher-Yates with rng.nextInt(i + 1)")
        void arguments() {
            DataSet data = new DataSet("two", Matrix.of(new double[][] {{0}, {1}}), new int[] {0, 1}, 2);
            MatrixNetwork net = PlainNetwork.random(new Random(8), SIGMOID, 1, 2);
            PlainNetwork plain = PlainNetwork.of(net);
            Sgd.epoch(net, data, 2, 1, new Random(1));
            plain.step(new double[][] {{0}, {1}}, new double[][] {{1, 0}, {0, 1}}, 1);
            assertNetwork(net, plain, 1e-12);
            assertThat(Sgd.shuffle(6, new Random(3))).containsExactly(PlainNetwork.order(6, new Random(3)));
            assertThat(Sgd.shuffle(1, new Random(3))).containsExactly(0);
            assertThatThrownBy(() -> Sgd.shuffle(0, new Random(3))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("n must be at least 1 but was 0");
            assertThatThrownBy(() -> Sgd.epoch(net, data, 0, 1, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batchSize must be at least 1 but was 0");
            assertThatThrownBy(() -> Sgd.epoch(net, data, 1, -1, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was -1.0");
            assertThatThrownBy(() -> Sgd.epoch(net, data, 1, 1, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rng must not be null");
            assertThatThrownBy(() -> Sgd.epoch(null, data, 1, 1, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("network must not be null");
            assertThatThrownBy(() -> Sgd.epoch(net, null, 1, 1, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("data must not be null");
            DataSet three = new DataSet("three", Matrix.of(new double[][] {{0}}), new int[] {2}, 3);
            assertThatThrownBy(() -> Sgd.epoch(net, three, 1, 1, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("three has 3 classes but the network has 2 outputs");
            DataSet wide = new DataSet("wide", Matrix.of(new double[][] {{0, 1}}), new int[] {1}, 2);
            assertThatThrownBy(() -> Sgd.epoch(net, wide, 1, 1, new Random(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("wide has 2 inputs but the network has 1");
        }
    }

    @Nested
    @Tag("ex6.9")
    @DisplayName("Exercise 6.9: predictions and accuracy")
    class Accuracy {

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("backprop.training.TrainingHiddenTest#networks")
        @DisplayName("predict chapter 4's argmax for every example and count the right ones")
        void equalsPlain(long seed, MatrixNetwork.Output output, int[] sizes, int n) {
            MatrixNetwork net = PlainNetwork.random(new Random(seed), output, sizes);
            PlainNetwork plain = PlainNetwork.of(net);
            int count = 40;
            double[][] x = inputs(seed, count, sizes[0]);
            int k = sizes[sizes.length - 1];
            int[] labels = labels(seed, count, k);
            int[] expected = new int[count];
            int right = 0;
            for (int r = 0; r < count; r++) {
                expected[r] = plain.predict(x[r]);
                right += expected[r] == labels[r] ? 1 : 0;
            }
            assertThat(Evaluation.predict(net, Matrix.of(x))).containsExactly(expected);
            assertThat(Evaluation.accuracy(net, new DataSet("random", Matrix.of(x), labels, k)))
                    .isCloseTo((double) right / count, within(1e-15));
        }

        @Test
        @DisplayName("feed a confusion matrix that counts labels by row and predictions by column")
        void confusion() {
            MatrixNetwork net = new MatrixNetwork(List.of(Matrix.of(new double[][] {{1, -1}})), List.of(new double[2]), SIGMOID);
            Matrix x = Matrix.of(new double[][] {{1}, {-1}, {2}, {0}});
            int[] predicted = Evaluation.predict(net, x);
            assertThat(predicted).containsExactly(0, 1, 0, 0);
            assertThat(Evaluation.confusion(new int[] {0, 1, 1, 1}, predicted, 2)).isDeepEqualTo(new int[][] {{1, 0}, {2, 1}});
            assertThatThrownBy(() -> Evaluation.confusion(new int[] {0}, predicted, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("labels has 1 entries but predicted has 4");
            for (int[] bad : new int[][] {{2, 0}, {-1, 0}, {0, 2}, {0, -1}}) {
                assertThatThrownBy(() -> Evaluation.confusion(new int[] {bad[0]}, new int[] {bad[1]}, 2))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("example 0 has label " + bad[0] + " and prediction " + bad[1] + ", not both classes 0 .. 1");
            }
            assertThatThrownBy(() -> Evaluation.predict(net, new Matrix(1, 2))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("x has 2 columns but the network has 1 input");
            Matrix holed = new Matrix(2, 1);
            holed.set(1, 0, Double.NaN);
            assertThatThrownBy(() -> Evaluation.predict(net, holed))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("x(1, 0) must be a finite number but was NaN");
            DataSet wide = new DataSet("wide", new Matrix(1, 2), new int[] {1}, 2);
            assertThatThrownBy(() -> Evaluation.accuracy(net, wide)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("wide has 2 inputs but the network has 1");
            DataSet three = new DataSet("three", new Matrix(1, 1), new int[] {2}, 3);
            assertThatThrownBy(() -> Evaluation.accuracy(net, three)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("three has 3 classes but the network has 2 outputs");
            assertThatThrownBy(() -> Evaluation.accuracy(null, three)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("network must not be null");
            assertThatThrownBy(() -> Evaluation.predict(null, x)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("network must not be null");
        }

        @Test
        @DisplayName("of a network on parsed CSV data, which names the line and column of every problem")
        void parsedData() {
            MatrixNetwork net = new MatrixNetwork(List.of(Matrix.of(new double[][] {{1, -1}})), List.of(new double[2]), SIGMOID);
            DataSet data = DataSet.parse("t.csv", "label,x\n0,1\n1,-2\r\n1,3\n", 2);
            assertThat(Evaluation.accuracy(net, data)).isCloseTo(2 / 3.0, within(1e-15));
            assertThat(data.size()).isEqualTo(3);
            assertThat(data.features()).isEqualTo(1);
            assertThat(data.labels()).containsExactly(0, 1, 1);
            assertThat(data.inputs().data()).containsExactly(1, -2, 3);
            assertThat(data.scaled(0.5).inputs().data()).containsExactly(0.5, -1, 1.5);
            assertThat(data.scaled(0.5).labels()).containsExactly(0, 1, 1);
            assertThatThrownBy(() -> data.scaled(1e308)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scaling by 1.0E308 overflows: input (1, 0) = -2.0 becomes -Infinity");
            assertThat(data.name()).isEqualTo("t.csv");
            assertThat(data.classes()).isEqualTo(2);
            String[][] bad = {
                {"lab,x\n0,1\n", "t.csv line 1: the header must be label and at least one input, but is 'lab,x'"},
                {"label\n0\n", "t.csv line 1: the header must be label and at least one input, but is 'label'"},
                {"label,x\n", "t.csv has a header but no examples"},
                {"label,x\n0,1,2\n", "t.csv line 2: 3 fields but the header has 2"},
                {"label,x\n0,1\n1\n", "t.csv line 3: 1 field but the header has 2"},
                {"label,x\n0.5,1\n", "t.csv line 2: the label must be a whole number but is 0.5"},
                {"label,x\n2,1\n", "t.csv line 2: the label 2 is not a class 0 .. 1"},
                {"label,x\n-1,1\n", "t.csv line 2: the label -1 is not a class 0 .. 1"},
                {"label,x\n3000000000,1\n", "t.csv line 2: the label 3000000000 is not a class 0 .. 1"},
                {"\n", "t.csv line 1: the header must be label and at least one input, but the line is empty"},
                {"\r\n\r\n", "t.csv line 1: the header must be label and at least one input, but the line is empty"},
                {"", "t.csv line 1: the header must be label and at least one input, but the line is empty"},
                {"label,x\n0,abc\n", "t.csv line 2, column x: 'abc' is not a number"},
                {"label,x\n0,NaN\n", "t.csv line 2, column x: NaN is not a finite number"},
            };
            for (String[] b : bad) {
                assertThatThrownBy(() -> DataSet.parse("t.csv", b[0], 2)).as(b[0])
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(b[1]);
            }
        }

        @Test
        @DisplayName("of a network on data sets that check their labels, batches and checksums")
        void dataSets() {
            MatrixNetwork net = new MatrixNetwork(List.of(Matrix.of(new double[][] {{1, -1}})), List.of(new double[2]), SIGMOID);
            DataSet data = new DataSet("d", Matrix.of(new double[][] {{1}, {-1}, {3}}), new int[] {0, 0, 1}, 2);
            assertThat(Evaluation.accuracy(net, data)).isCloseTo(1 / 3.0, within(1e-15));
            for (int l : new int[] {-1, 1}) {
                assertThatThrownBy(() -> net.weights(l)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("layer " + l + " is not a layer of this network, which has layers 0 .. 0");
                assertThatThrownBy(() -> net.biases(l)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("layer " + l + " is not a layer of this network, which has layers 0 .. 0");
            }
            Matrix x = new Matrix(2, 1);
            Matrix t = Matrix.of(new double[][] {{5, 5}, {5, 5}});
            data.batch(new int[] {2, 0, 1}, 1, x, t);
            assertThat(x.data()).containsExactly(1, -1);
            assertThat(t.data()).containsExactly(1, 0, 1, 0);
            data.batch(new int[] {2, 0, 1}, 0, new Matrix(3, 1), new Matrix(3, 2));
            assertThatThrownBy(() -> data.batch(new int[] {0, 1, 2}, 2, x, t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a batch of 2 from position 2 does not fit in an order of 3 examples");
            assertThatThrownBy(() -> data.batch(new int[] {0, 1, 2}, -1, x, t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a batch of 2 from position -1 does not fit in an order of 3 examples");
            assertThatThrownBy(() -> data.batch(new int[] {0, 1, 2}, Integer.MAX_VALUE, x, t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a batch of 2 from position " + Integer.MAX_VALUE + " does not fit in an order of 3 examples");
            assertThatThrownBy(() -> data.batch(new int[] {0, 3}, 0, x, t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("order[1] = 3 is not an example of d (0 .. 2)");
            assertThatThrownBy(() -> data.batch(new int[] {-1, 0}, 0, x, t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("order[0] = -1 is not an example of d (0 .. 2)");
            assertThatThrownBy(() -> data.batch(new int[] {0, 1}, 0, new Matrix(2, 2), t)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("x has 2 columns but d has 1 input");
            assertThatThrownBy(() -> data.batch(new int[] {0, 1}, 0, x, new Matrix(1, 2))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("t has 1 row but x has 2 rows");
            assertThatThrownBy(() -> data.batch(new int[] {0, 1}, 0, x, new Matrix(2, 3))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("t has 3 columns but d has 2 classes");
            assertThatThrownBy(() -> new DataSet("d", new Matrix(2, 1), new int[] {0}, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("labels has 1 entry but inputs has 2 rows");
            assertThatThrownBy(() -> new DataSet("d", new Matrix(1, 1), new int[] {5}, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("d: labels[0]: the label 5 is not a class 0 .. 1");
            Matrix in = new Matrix(1, 1);
            int[] labels = {1};
            DataSet copied = new DataSet("c", in, labels, 2);
            in.set(0, 0, 9);
            labels[0] = 0;
            copied.inputs().set(0, 0, 8);
            copied.labels()[0] = 0;
            assertThat(copied.inputs().get(0, 0)).isEqualTo(0);
            assertThat(copied.labels()).containsExactly(1);
        }
    }

    @Nested
    @Tag("ex6.10")
    @DisplayName("Exercise 6.10: initialisation")
    class Init {

        @Test
        @DisplayName("scales every layer by its own fan-in: 1/sqrt(5) then 1/sqrt(7), then 1/sqrt(2)")
        void scalesEachLayer() {
            MatrixNetwork n = Initialisation.fanIn(new Random(9), SOFTMAX, 5, 7, 2, 3);
            Random rng = new Random(9);
            int[] sizes = {5, 7, 2, 3};
            for (int l = 0; l < 3; l++) {
                for (int i = 0; i < sizes[l]; i++) {
                    for (int j = 0; j < sizes[l + 1]; j++) {
                        assertThat(n.weights(l).get(i, j)).as("w%d(%d, %d)", l + 1, i, j)
                                .isCloseTo(rng.nextGaussian() / Math.sqrt(sizes[l]), within(1e-15));
                    }
                }
                assertThat(n.biases(l)).as("b%d", l + 1).containsOnly(0);
            }
            assertThat(n.output()).isEqualTo(SOFTMAX);
            assertThat(n.sizes()).containsExactly(5, 7, 2, 3);
        }

        @Test
        @DisplayName("never gives two hidden neurons the same weights, unlike the given constant start")
        void differentNeurons() {
            MatrixNetwork n = Initialisation.fanIn(new Random(10), SIGMOID, 4, 6, 1);
            double[][] w = n.weights(0).toArray();
            for (int j = 1; j < 6; j++) {
                assertThat(w[0][j]).as("w1(0, %d)", j).isNotEqualTo(w[0][0]);
            }
            MatrixNetwork c = Initialisation.constant(0.25, SIGMOID, 4, 6, 1);
            assertThat(c.weights(0).data()).containsOnly(0.25);
            assertThat(c.biases(1)).containsOnly(0.25);
            MatrixNetwork s = Initialisation.standardNormal(new Random(10), SIGMOID, 2, 1);
            Random rng = new Random(10);
            assertThat(s.weights(0).data()).containsExactly(rng.nextGaussian(), rng.nextGaussian());
            assertThat(s.biases(0)).containsExactly(rng.nextGaussian());
        }

        @Test
        @DisplayName("works on checked sizes")
        void sizes() {
            assertThat(Initialisation.fanIn(new Random(1), SIGMOID, 1, 1).weights(0).get(0, 0))
                    .isCloseTo(new Random(1).nextGaussian(), within(1e-15));
            assertThatThrownBy(() -> Initialisation.fanIn(new Random(1), SIGMOID, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the number of sizes must be at least 2 but was 1");
            assertThatThrownBy(() -> Initialisation.fanIn(new Random(1), SIGMOID, 3, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sizes[1] must be at least 1 but was 0");
            assertThatThrownBy(() -> Initialisation.fanIn(null, SIGMOID, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rng must not be null");
            assertThatThrownBy(() -> Initialisation.fanIn(new Random(1), null, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output must not be null");
            assertThatThrownBy(() -> Initialisation.constant(Double.NaN, SIGMOID, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("value must be a finite number but was NaN");
            assertThatThrownBy(() -> Initialisation.constant(1, SIGMOID, 3, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sizes[1] must be at least 1 but was 0");
            assertThatThrownBy(() -> Initialisation.standardNormal(new Random(1), SIGMOID, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sizes[0] must be at least 1 but was 0");
            assertThatThrownBy(() -> Initialisation.standardNormal(null, SIGMOID, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rng must not be null");
        }
    }
}
