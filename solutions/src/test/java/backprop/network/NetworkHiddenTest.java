package backprop.network;

import static backprop.testing.TestActivations.IDENTITY;
import static backprop.testing.TestActivations.LOGISTIC;
import static backprop.testing.TestActivations.TANH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.singlelayer.Activation;
import backprop.testing.Numeric;
import java.util.ArrayList;
import java.util.Arrays;
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

@Tag("ch4")
@DisplayName("Chapter 4, hidden tests")
class NetworkHiddenTest {

    // ---------------------------------------------------------------------------------------
    // The test's own network arithmetic: plain arrays, plain loops, nothing from the code under
    // test except the records' accessors.
    // ---------------------------------------------------------------------------------------

    /** A network as plain arrays: w[l][i][j], b[l][j], one activation. */
    record Plain(double[][][] w, double[][] b, Activation phi) {

        static Plain of(Network n) {
            int count = n.layers().size();
            double[][][] w = new double[count][][];
            double[][] b = new double[count][];
            for (int l = 0; l < count; l++) {
                w[l] = n.layers().get(l).weights();
                b[l] = n.layers().get(l).biases();
            }
            return new Plain(w, b, n.layers().get(0).activation());
        }

        /** The net inputs of every layer. */
        double[][] nets(double[] x) {
            double[][] nets = new double[w.length][];
            double[] o = x;
            for (int l = 0; l < w.length; l++) {
                double[] net = new double[b[l].length];
                double[] next = new double[b[l].length];
                for (int j = 0; j < net.length; j++) {
                    net[j] = b[l][j];
                    for (int i = 0; i < o.length; i++) {
                        net[j] += w[l][i][j] * o[i];
                    }
                    next[j] = phi.value(net[j]);
                }
                nets[l] = net;
                o = next;
            }
            return nets;
        }

        /** The input, then the outputs of every layer. */
        double[][] outputs(double[] x) {
            double[][] nets = nets(x);
            double[][] o = new double[w.length + 1][];
            o[0] = x.clone();
            for (int l = 0; l < w.length; l++) {
                o[l + 1] = new double[nets[l].length];
                for (int j = 0; j < nets[l].length; j++) {
                    o[l + 1][j] = phi.value(nets[l][j]);
                }
            }
            return o;
        }

        double[] output(double[] x) {
            double[][] o = outputs(x);
            return o[o.length - 1];
        }

        /** E = 1/2 ||o - t||^2. */
        double error(double[] x, double[] t) {
            double[] o = output(x);
            double sum = 0;
            for (int k = 0; k < o.length; k++) {
                sum += (o[k] - t[k]) * (o[k] - t[k]);
            }
            return sum / 2;
        }

        /** Central difference of E with respect to w[l][i][j], or b[l][j] when i is -1. */
        double slope(int l, int i, int j, double[] x, double[] t, double h) {
            double[][][] w2 = new double[w.length][][];
            double[][] b2 = new double[b.length][];
            for (int k = 0; k < w.length; k++) {
                w2[k] = new double[w[k].length][];
                for (int r = 0; r < w[k].length; r++) {
                    w2[k][r] = w[k][r].clone();
                }
                b2[k] = b[k].clone();
            }
            double keep = i < 0 ? b[l][j] : w[l][i][j];
            double[] values = {keep + h, keep - h};
            double[] errors = new double[2];
            for (int s = 0; s < 2; s++) {
                if (i < 0) {
                    b2[l][j] = values[s];
                } else {
                    w2[l][i][j] = values[s];
                }
                errors[s] = new Plain(w2, b2, phi).error(x, t);
            }
            return (errors[0] - errors[1]) / (2 * h);
        }

        /** The exact gradient by backpropagation, written out: deltas from the back, then o_i delta_j. */
        Gradients gradients(double[] x, double[] t) {
            double[][] o = outputs(x);
            double[][] net = nets(x);
            int last = w.length - 1;
            double[][] delta = new double[w.length][];
            delta[last] = new double[b[last].length];
            for (int j = 0; j < delta[last].length; j++) {
                delta[last][j] = (o[last + 1][j] - t[j]) * phi.derivative(net[last][j]);
            }
            for (int l = last - 1; l >= 0; l--) {
                delta[l] = new double[b[l].length];
                for (int j = 0; j < delta[l].length; j++) {
                    double sum = 0;
                    for (int k = 0; k < delta[l + 1].length; k++) {
                        sum += w[l + 1][j][k] * delta[l + 1][k];
                    }
                    delta[l][j] = sum * phi.derivative(net[l][j]);
                }
            }
            List<double[][]> gw = new ArrayList<>();
            for (int l = 0; l <= last; l++) {
                double[][] g = new double[w[l].length][b[l].length];
                for (int j = 0; j < b[l].length; j++) {
                    for (int i = 0; i < w[l].length; i++) {
                        g[i][j] = o[l][i] * delta[l][j];
                    }
                }
                gw.add(g);
            }
            return new Gradients(gw, Arrays.asList(delta));
        }

        /** One online step of backpropagation, written out: the gradient with these weights, then the update. */
        Plain step(double[] x, double[] t, double eta) {
            Gradients g = gradients(x, t);
            double[][][] w2 = new double[w.length][][];
            double[][] b2 = new double[b.length][];
            for (int l = 0; l < w.length; l++) {
                w2[l] = new double[w[l].length][b[l].length];
                b2[l] = new double[b[l].length];
                for (int j = 0; j < b[l].length; j++) {
                    for (int i = 0; i < w[l].length; i++) {
                        w2[l][i][j] = w[l][i][j] - eta * g.weights().get(l)[i][j];
                    }
                    b2[l][j] = b[l][j] - eta * g.biases().get(l)[j];
                }
            }
            return new Plain(w2, b2, phi);
        }

        double[][][] weightSlopes(double[] x, double[] t, double h) {
            double[][][] g = new double[w.length][][];
            for (int l = 0; l < w.length; l++) {
                g[l] = new double[w[l].length][b[l].length];
                for (int i = 0; i < w[l].length; i++) {
                    for (int j = 0; j < b[l].length; j++) {
                        g[l][i][j] = slope(l, i, j, x, t, h);
                    }
                }
            }
            return g;
        }

        double[][] biasSlopes(double[] x, double[] t, double h) {
            double[][] g = new double[b.length][];
            for (int l = 0; l < b.length; l++) {
                g[l] = new double[b[l].length];
                for (int j = 0; j < b[l].length; j++) {
                    g[l][j] = slope(l, -1, j, x, t, h);
                }
            }
            return g;
        }
    }

    static double[] gaussian(Random rng, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = rng.nextGaussian();
        }
        return v;
    }

    static double[] uniform(Random rng, int n) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = rng.nextDouble();
        }
        return v;
    }

    static double[][] gaussian(Random rng, int rows, int columns) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = gaussian(rng, columns);
        }
        return m;
    }

    static Layer layer(double[][] w, double[] b, Activation phi) {
        return new Layer(w, b, phi);
    }

    static Network network(Layer... layers) {
        return new Network(List.of(layers));
    }

    /** The pass of x through n, computed by the test. */
    static ForwardPass plainPass(Network n, double[] x) {
        Plain p = Plain.of(n);
        return new ForwardPass(Arrays.asList(p.outputs(x)), Arrays.asList(p.nets(x)));
    }

    /** A 2-2-1 logistic network with asymmetric weights. */
    static Network small() {
        return network(layer(new double[][] {{0.5, -0.5}, {0.25, 0.75}}, new double[] {0.1, -0.2}, LOGISTIC),
                layer(new double[][] {{1.5}, {-1}}, new double[] {0.3}, LOGISTIC));
    }

    static void assertMatrix(double[][] actual, double[][] expected, double tolerance, String what) {
        assertThat(actual).as("%s rows", what).hasNumberOfRows(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s row %d", what, i).hasSize(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual[i][j]).as("%s[%d][%d]", what, i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }

    static void assertVector(double[] actual, double[] expected, double tolerance, String what) {
        assertThat(actual).as("%s", what).hasSize(expected.length);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("%s[%d]", what, j).isCloseTo(expected[j], within(tolerance));
        }
    }

    /** Relative error of Eq. (4.8), computed by the test. */
    static void assertRelativelyClose(double actual, double expected, double tolerance, String what) {
        assertThat(Numeric.relativeError(actual, expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThan(tolerance);
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(new int[] {2, 2, 1}, 11L, LOGISTIC),
                Arguments.of(new int[] {3, 4, 2}, 12L, LOGISTIC),
                Arguments.of(new int[] {1, 1, 1}, 13L, LOGISTIC),
                Arguments.of(new int[] {2, 3, 3, 2}, 14L, LOGISTIC),
                Arguments.of(new int[] {4, 2, 3}, 15L, TANH),
                Arguments.of(new int[] {3, 5, 1}, 16L, TANH),
                Arguments.of(new int[] {2, 3, 3, 2}, 19L, TANH),
                Arguments.of(new int[] {3, 2}, 18L, TANH));
    }

    @Nested
    @Tag("ex4.1")
    @DisplayName("Exercise 4.1: forward pass")
    class Forward {

        @ParameterizedTest(name = "shape {0}, seed {1}, {2}")
        @MethodSource("backprop.network.NetworkHiddenTest#shapes")
        @DisplayName("keeps the input and every layer's net inputs and outputs (Eq. 4.1)")
        void matchesPlainArithmetic(int[] sizes, long seed, Activation phi) {
            Random rng = new Random(seed);
            Network n = Network.random(rng, phi, sizes);
            double[] x = gaussian(rng, sizes[0]);
            double[] input = x.clone();
            ForwardPass pass = Backpropagation.forward(n, input);
            Plain p = Plain.of(n);
            double[][] o = p.outputs(x);
            double[][] net = p.nets(x);
            assertThat(pass.outputs()).hasSize(sizes.length);
            assertThat(pass.netInputs()).hasSize(sizes.length - 1);
            for (int l = 0; l < o.length; l++) {
                assertVector(pass.outputs().get(l), o[l], 1e-12, "outputs[" + l + "]");
            }
            for (int l = 0; l < net.length; l++) {
                assertVector(pass.netInputs().get(l), net[l], 1e-12, "netInputs[" + l + "]");
            }
            assertVector(pass.output(), o[o.length - 1], 1e-12, "output");
            assertThat(input).as("the input array").containsExactly(x);
        }

        @Test
        @DisplayName("reads w_ij as weights[i][j] on a 3-input, 2-neuron layer, and adds the bias")
        void nonSquareWithBias() {
            Network n = network(layer(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0.5, -1}, IDENTITY));
            ForwardPass pass = Backpropagation.forward(n, new double[] {1, 10, 100});
            // net_0 = 1*1 + 3*10 + 5*100 + 0.5, net_1 = 2*1 + 4*10 + 6*100 - 1
            assertVector(pass.netInputs().get(0), new double[] {531.5, 641}, 1e-12, "net");
            assertVector(pass.output(), new double[] {531.5, 641}, 1e-12, "o");
        }

        @Test
        @DisplayName("passes each layer's outputs, not its net inputs, on to the next layer")
        void outputsFeedTheNextLayer() {
            Network n = network(layer(new double[][] {{2}}, new double[] {0}, LOGISTIC),
                    layer(new double[][] {{1}}, new double[] {0}, IDENTITY));
            ForwardPass pass = Backpropagation.forward(n, new double[] {1});
            assertThat(pass.output()[0]).isCloseTo(Numeric.logistic(2), within(1e-12));
            assertThat(pass.netInputs().get(1)[0]).isCloseTo(Numeric.logistic(2), within(1e-12));
        }

        @Test
        @DisplayName("rejects an input of the wrong length or with NaN, naming it")
        void rejectsBadInput() {
            Network one = network(layer(new double[][] {{2}}, new double[] {1}, IDENTITY));
            assertThat(Backpropagation.forward(one, new double[] {3}).output()[0]).isCloseTo(7, within(1e-12));
            assertThatThrownBy(() -> Backpropagation.forward(one, new double[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input has 2 entries but the network has 1 input");
            assertThatThrownBy(() -> Backpropagation.forward(small(), new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input has 1 entry but the network has 2 inputs");
            assertThatThrownBy(() -> Backpropagation.forward(small(), new double[] {1, Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input[1] must be a finite number but was NaN");
            assertThatThrownBy(() -> Backpropagation.forward(null, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("network must not be null");
        }

        @Test
        @DisplayName("works on Network.random, which draws each layer's weights row by row, then its biases, in [-1, 1]")
        void randomNetwork() {
            Network n = Network.random(new Random(42), TANH, 3, 2, 1);
            Random rng = new Random(42);
            double[][] w0 = new double[3][2];
            for (double[] row : w0) {
                for (int j = 0; j < 2; j++) {
                    row[j] = 2 * rng.nextDouble() - 1;
                }
            }
            double[] b0 = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1};
            double[][] w1 = {{2 * rng.nextDouble() - 1}, {2 * rng.nextDouble() - 1}};
            double[] b1 = {2 * rng.nextDouble() - 1};
            assertMatrix(n.layers().get(0).weights(), w0, 0, "w0");
            assertVector(n.layers().get(0).biases(), b0, 0, "b0");
            assertMatrix(n.layers().get(1).weights(), w1, 0, "w1");
            assertVector(n.layers().get(1).biases(), b1, 0, "b1");
            assertThat(n.layers().get(1).activation()).isSameAs(TANH);
            assertThat(n.inputs()).isEqualTo(3);
            assertThat(n.outputs()).isEqualTo(1);
            double[] x = {0.5, -1, 2};
            assertThat(Backpropagation.forward(n, x).output()[0]).isCloseTo(Plain.of(n).output(x)[0], within(1e-12));
        }

        @Test
        @DisplayName("works on a network from Network.random, which rejects bad sizes")
        void randomRejectsBadSizes() {
            Network n = Network.random(new Random(1), IDENTITY, 1, 1);
            double w = n.layers().get(0).weights()[0][0];
            double b = n.layers().get(0).biases()[0];
            assertThat(Math.abs(w)).isLessThanOrEqualTo(1);
            assertThat(Backpropagation.forward(n, new double[] {2}).output()[0]).isCloseTo(2 * w + b, within(1e-12));
            assertThatThrownBy(() -> Network.random(new Random(1), IDENTITY, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the number of sizes must be at least 2 but was 1");
            assertThatThrownBy(() -> Network.random(new Random(1), IDENTITY, 2, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sizes[1] must be at least 1 but was 0");
            assertThatThrownBy(() -> Network.random(null, IDENTITY, 2, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rng must not be null");
        }

        @Test
        @DisplayName("works on layers and networks whose shapes are checked when they are built")
        void shapesOfLayersAndNetworks() {
            Network n = small();
            assertThat(Backpropagation.forward(n, new double[] {1, 1}).output()[0])
                    .isCloseTo(Plain.of(n).output(new double[] {1, 1})[0], within(1e-12));
            Layer l = layer(new double[][] {{1, 2, 3}}, new double[] {0, 0, 0}, IDENTITY);
            assertThat(l.inputs()).isEqualTo(1);
            assertThat(l.size()).isEqualTo(3);
            assertThatThrownBy(() -> layer(new double[][] {{1, 2, 3}}, new double[] {0, 0}, IDENTITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights has 3 columns but biases has 2 entries");
            assertThatThrownBy(() -> layer(new double[][] {{1}}, new double[] {0, 0}, IDENTITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights has 1 column but biases has 2 entries");
            assertThatThrownBy(() -> layer(new double[][] {{1, 2}}, new double[] {0}, IDENTITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights has 2 columns but biases has 1 entry");
            assertThatThrownBy(() -> network(layer(new double[][] {{1, 2}}, new double[] {0, 0}, IDENTITY),
                    layer(new double[][] {{1}, {1}, {1}}, new double[] {0}, IDENTITY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer 1 has 3 inputs but layer 0 has 2 neurons");
            assertThatThrownBy(() -> network(small().layers().get(0), small().layers().get(1),
                    layer(new double[][] {{1}, {1}}, new double[] {0}, IDENTITY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer 2 has 2 inputs but layer 1 has 1 neuron");
            assertThatThrownBy(() -> network(layer(new double[][] {{1, 2}}, new double[] {0, 0}, IDENTITY),
                    layer(new double[][] {{1}}, new double[] {0}, IDENTITY)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer 1 has 1 input but layer 0 has 2 neurons");
        }

        @Test
        @DisplayName("cannot change a layer through the arrays it was built from or returned")
        void layersAreImmutable() {
            double[][] w = {{1}};
            double[] b = {0};
            Layer l = layer(w, b, IDENTITY);
            w[0][0] = 5;
            b[0] = 5;
            l.weights()[0][0] = 7;
            l.biases()[0] = 7;
            Network n = network(l);
            assertThat(Backpropagation.forward(n, new double[] {2}).output()[0]).isCloseTo(2, within(1e-12));
            assertThat(n.layers().get(0).weights()[0][0]).isEqualTo(1);
            assertThat(n.layers().get(0).biases()[0]).isEqualTo(0);
        }

        @Test
        @DisplayName("returns a pass whose arrays are copies, and ForwardPass checks its shapes")
        void forwardPassRecord() {
            ForwardPass pass = Backpropagation.forward(small(), new double[] {1, 0});
            pass.outputs().get(2)[0] = 99;
            pass.netInputs().get(1)[0] = 99;
            pass.output()[0] = 99;
            Plain p = Plain.of(small());
            assertThat(pass.output()[0]).isCloseTo(p.output(new double[] {1, 0})[0], within(1e-12));
            assertThat(pass.outputs().get(2)[0]).isCloseTo(p.output(new double[] {1, 0})[0], within(1e-12));
            assertThat(pass.netInputs().get(1)[0]).isCloseTo(p.nets(new double[] {1, 0})[1][0], within(1e-12));
            List<double[]> two = List.of(new double[] {1}, new double[] {2});
            assertThatThrownBy(() -> new ForwardPass(two, two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs must hold one array more than netInputs (the input) but holds 2 and netInputs 2");
            assertThatThrownBy(() -> new ForwardPass(two, List.of(new double[] {1, 2})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("netInputs[0] has 2 entries but outputs[1] has 1");
            assertThatThrownBy(() -> new ForwardPass(List.of(new double[] {Double.NaN}, new double[] {2}),
                    List.of(new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs[0][0] must be a finite number but was NaN");
            assertThatThrownBy(() -> new ForwardPass(List.of(new double[] {1}, new double[] {Double.NaN}),
                    List.of(new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs[1][0] must be a finite number but was NaN");
            assertThatThrownBy(() -> new ForwardPass(two, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("netInputs is empty; it needs at least one element");
        }
    }

    @Nested
    @Tag("ex4.2")
    @DisplayName("Exercise 4.2: output deltas")
    class OutputDeltas {

        static Stream<Arguments> cases() {
            return Stream.of(Arguments.of(LOGISTIC, 21L, 1), Arguments.of(TANH, 22L, 3),
                    Arguments.of(IDENTITY, 23L, 2), Arguments.of(LOGISTIC, 24L, 4), Arguments.of(TANH, 25L, 1));
        }

        @ParameterizedTest(name = "{0}, seed {1}, {2} neurons")
        @MethodSource("cases")
        @DisplayName("are (o_j - t_j) phi'(net_j), with phi' of the layer's activation at the net input (Eq. 4.4)")
        void random(Activation phi, long seed, int size) {
            Random rng = new Random(seed);
            Layer layer = layer(gaussian(rng, 2, size), gaussian(rng, size), phi);
            // net and o on purpose unrelated: the derivative must be taken at net, not at o
            double[] net = gaussian(rng, size);
            double[] o = uniform(rng, size);
            double[] t = uniform(rng, size);
            double[] delta = Backpropagation.outputDeltas(layer, net, o, t);
            double[] expected = new double[size];
            for (int j = 0; j < size; j++) {
                expected[j] = (o[j] - t[j]) * phi.derivative(net[j]);
            }
            assertVector(delta, expected, 1e-12, "delta");
        }

        @Test
        @DisplayName("take phi' at net, not at o: logistic, net = 2, o = 0.3, t = 0")
        void derivativeAtTheNetInput() {
            Layer layer = layer(new double[][] {{1}}, new double[] {0}, LOGISTIC);
            double[] delta = Backpropagation.outputDeltas(layer, new double[] {2}, new double[] {0.3}, new double[] {0});
            double slope = Numeric.logistic(2) * (1 - Numeric.logistic(2));
            assertThat(delta[0]).as("0.3 phi'(2)").isCloseTo(0.3 * slope, within(1e-12));
        }

        @Test
        @DisplayName("use the layer's own derivative: tanh gives (o - t)(1 - tanh^2 net), not o(1 - o)")
        void notTheLogisticFormula() {
            Layer layer = layer(new double[][] {{1}}, new double[] {0}, TANH);
            double net = 0.8;
            double o = Math.tanh(net);
            double[] delta = Backpropagation.outputDeltas(layer, new double[] {net}, new double[] {o}, new double[] {1});
            assertThat(delta[0]).isCloseTo((o - 1) * (1 - o * o), within(1e-12));
        }

        @Test
        @DisplayName("have the sign of o - t and no factor 2: identity, o = 3, t = 1 gives 2")
        void signAndNoFactorTwo() {
            Layer layer = layer(new double[][] {{1, 1}}, new double[] {0, 0}, IDENTITY);
            double[] delta = Backpropagation.outputDeltas(layer, new double[] {3, 1}, new double[] {3, 1}, new double[] {1, 3});
            assertVector(delta, new double[] {2, -2}, 1e-12, "delta");
        }

        @Test
        @DisplayName("reject arrays that do not have one entry per neuron, naming them")
        void rejectsBadShapes() {
            Layer two = layer(new double[][] {{1, 1}}, new double[] {0, 0}, IDENTITY);
            Layer one = layer(new double[][] {{1}}, new double[] {0}, IDENTITY);
            assertThat(Backpropagation.outputDeltas(one, new double[] {0}, new double[] {2}, new double[] {1})[0])
                    .isCloseTo(1, within(1e-12));
            double[] ok = {0, 0};
            assertThatThrownBy(() -> Backpropagation.outputDeltas(two, new double[] {1}, ok, ok))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("netInputs has 1 entry but the layer has 2 neurons");
            assertThatThrownBy(() -> Backpropagation.outputDeltas(two, ok, new double[] {1, 2, 3}, ok))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs has 3 entries but the layer has 2 neurons");
            assertThatThrownBy(() -> Backpropagation.outputDeltas(one, new double[] {0}, new double[] {0}, ok))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets has 2 entries but the layer has 1 neuron");
            assertThatThrownBy(() -> Backpropagation.outputDeltas(two, ok, ok, new double[] {0, Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets[1] must be a finite number but was NaN");
            assertThatThrownBy(() -> Backpropagation.outputDeltas(null, ok, ok, ok))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("layer must not be null");
        }
    }

    @Nested
    @Tag("ex4.3")
    @DisplayName("Exercise 4.3: inner deltas")
    class InnerDeltas {

        static Stream<Arguments> cases() {
            return Stream.of(Arguments.of(3, 2, 31L, LOGISTIC), Arguments.of(2, 4, 32L, TANH),
                    Arguments.of(1, 3, 33L, LOGISTIC), Arguments.of(4, 1, 34L, TANH), Arguments.of(3, 3, 35L, LOGISTIC));
        }

        @ParameterizedTest(name = "{0} neurons, next layer {1} neurons, seed {2}, {3}")
        @MethodSource("cases")
        @DisplayName("are (sum_l w_jl delta_l) phi'(net_j) with w_jl = next.weights()[j][l] (Eq. 4.5)")
        void random(int size, int nextSize, long seed, Activation phi) {
            Random rng = new Random(seed);
            Layer layer = layer(gaussian(rng, 2, size), gaussian(rng, size), phi);
            double[][] w = gaussian(rng, size, nextSize);
            Layer next = layer(w, gaussian(rng, nextSize), IDENTITY);
            double[] net = gaussian(rng, size);
            double[] nextDelta = gaussian(rng, nextSize);
            double[] expected = new double[size];
            for (int j = 0; j < size; j++) {
                double sum = 0;
                for (int l = 0; l < nextSize; l++) {
                    sum += w[j][l] * nextDelta[l];
                }
                expected[j] = sum * phi.derivative(net[j]);
            }
            assertVector(Backpropagation.innerDeltas(layer, net, next, nextDelta), expected, 1e-12, "delta");
        }

        @Test
        @DisplayName("sum over all downstream neurons: weights 1 and deltas (1, 2, 3) give 6")
        void sumOverAllDownstreamNeurons() {
            Layer layer = layer(new double[][] {{1}}, new double[] {0}, IDENTITY);
            Layer next = layer(new double[][] {{1, 1, 1}}, new double[] {0, 0, 0}, IDENTITY);
            double[] delta = Backpropagation.innerDeltas(layer, new double[] {5}, next, new double[] {1, 2, 3});
            assertThat(delta[0]).isCloseTo(6, within(1e-12));
        }

        @Test
        @DisplayName("read row j of the next layer's weights, not column j (non-square, not transposed)")
        void notTransposed() {
            Layer layer = layer(new double[][] {{1, 1}}, new double[] {0, 0}, IDENTITY);
            Layer next = layer(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[] {0, 0, 0}, IDENTITY);
            double[] net = {0, 0};
            assertVector(Backpropagation.innerDeltas(layer, net, next, new double[] {1, 0, 0}),
                    new double[] {1, 4}, 1e-12, "delta for (1, 0, 0)");
            assertVector(Backpropagation.innerDeltas(layer, net, next, new double[] {0, 0, 1}),
                    new double[] {3, 6}, 1e-12, "delta for (0, 0, 1)");
        }

        @Test
        @DisplayName("use this layer's phi' at its net input, not the next layer's")
        void thisLayersDerivative() {
            Layer layer = layer(new double[][] {{1}}, new double[] {0}, TANH);
            Layer next = layer(new double[][] {{2}}, new double[] {0}, LOGISTIC);
            double[] delta = Backpropagation.innerDeltas(layer, new double[] {0.5}, next, new double[] {3});
            assertThat(delta[0]).isCloseTo(6 * (1 - Math.tanh(0.5) * Math.tanh(0.5)), within(1e-12));
        }

        @Test
        @DisplayName("reject layers that do not fit together, naming the mismatch")
        void rejectsBadShapes() {
            Layer two = layer(new double[][] {{1, 1}}, new double[] {0, 0}, IDENTITY);
            Layer nextOfTwo = layer(new double[][] {{1, 2}, {3, 4}}, new double[] {0, 0}, IDENTITY);
            Layer nextOfThree = layer(new double[][] {{1}, {1}, {1}}, new double[] {0}, IDENTITY);
            assertVector(Backpropagation.innerDeltas(two, new double[] {0, 0}, nextOfTwo, new double[] {1, 1}),
                    new double[] {3, 7}, 1e-12, "delta");
            assertThatThrownBy(() -> Backpropagation.innerDeltas(two, new double[] {0, 0}, nextOfThree, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("next has 3 inputs but the layer has 2 neurons");
            assertThatThrownBy(() -> Backpropagation.innerDeltas(two, new double[] {0, 0}, nextOfTwo, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("nextDeltas has 1 entry but next has 2 neurons");
            assertThatThrownBy(() -> Backpropagation.innerDeltas(nextOfThree, new double[] {0}, nextOfTwo, new double[] {1, 1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("next has 2 inputs but the layer has 1 neuron");
            assertThatThrownBy(() -> Backpropagation.innerDeltas(two, new double[] {0, 0, 0}, nextOfTwo, new double[] {1, 1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("netInputs has 3 entries but the layer has 2 neurons");
            assertThatThrownBy(() -> Backpropagation.innerDeltas(two, new double[] {0, 0}, null, new double[] {1, 1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("next must not be null");
        }
    }

    @Nested
    @Tag("ex4.4")
    @DisplayName("Exercise 4.4: gradients")
    class AllGradients {

        @ParameterizedTest(name = "shape {0}, seed {1}, {2}")
        @MethodSource("backprop.network.NetworkHiddenTest#shapes")
        @DisplayName("match central differences of E = 1/2 ||o - t||^2 for every weight and bias (rel. error < 1e-7)")
        void matchFiniteDifferences(int[] sizes, long seed, Activation phi) {
            Random rng = new Random(seed);
            Network n = Network.random(rng, phi, sizes);
            double[] x = gaussian(rng, sizes[0]);
            double[] t = uniform(rng, sizes[sizes.length - 1]);
            Plain p = Plain.of(n);
            Gradients g = Backpropagation.gradients(n, plainPass(n, x), t);
            double[][][] dw = p.weightSlopes(x, t, 1e-5);
            double[][] db = p.biasSlopes(x, t, 1e-5);
            assertThat(g.layers()).isEqualTo(sizes.length - 1);
            for (int l = 0; l < dw.length; l++) {
                double[][] w = g.weights().get(l);
                assertThat(w).as("dE/dw of layer %d", l).hasNumberOfRows(sizes[l]);
                for (int i = 0; i < dw[l].length; i++) {
                    assertThat(w[i]).hasSize(sizes[l + 1]);
                    for (int j = 0; j < dw[l][i].length; j++) {
                        assertRelativelyClose(w[i][j], dw[l][i][j], 1e-7, "dE/dw[" + l + "][" + i + "][" + j + "]");
                    }
                }
                for (int j = 0; j < db[l].length; j++) {
                    assertRelativelyClose(g.biases().get(l)[j], db[l][j], 1e-7, "dE/db[" + l + "][" + j + "]");
                }
            }
        }

        @Test
        @DisplayName("give the bias gradient delta_j (its input is a constant 1), not 0 and not o_j delta_j")
        void biasGradient() {
            // one identity neuron: o = 2w + b, E = 1/2 (o - t)^2, dE/db = o - t
            Network n = network(layer(new double[][] {{0.5}}, new double[] {0.25}, IDENTITY));
            Gradients g = Backpropagation.gradients(n, plainPass(n, new double[] {2}), new double[] {3});
            assertThat(g.biases().get(0)[0]).as("dE/db").isCloseTo(1.25 - 3, within(1e-12));
            assertThat(g.weights().get(0)[0][0]).as("dE/dw").isCloseTo(2 * (1.25 - 3), within(1e-12));
        }

        @Test
        @DisplayName("use the activation derivative in every layer (a logistic network is not linear)")
        void activationDerivativeInEveryLayer() {
            Network n = small();
            double[] x = {1, -1};
            double[] t = {1};
            Plain p = Plain.of(n);
            Gradients g = Backpropagation.gradients(n, plainPass(n, x), t);
            assertRelativelyClose(g.weights().get(0)[1][0], p.slope(0, 1, 0, x, t, 1e-5), 1e-7, "dE/dw_10 of layer 0");
            assertRelativelyClose(g.biases().get(0)[1], p.slope(0, -1, 1, x, t, 1e-5), 1e-7, "dE/db_1 of layer 0");
        }

        @Test
        @DisplayName("leave the network and the pass as they were")
        void noSideEffects() {
            Network n = small();
            ForwardPass pass = plainPass(n, new double[] {1, 1});
            double w = n.layers().get(1).weights()[0][0];
            Gradients g = Backpropagation.gradients(n, pass, new double[] {0});
            assertRelativelyClose(g.weights().get(1)[0][0], Plain.of(n).slope(1, 0, 0, new double[] {1, 1}, new double[] {0}, 1e-5),
                    1e-7, "dE/dw of layer 1");
            assertThat(n.layers().get(1).weights()[0][0]).isEqualTo(w);
            assertVector(pass.output(), Plain.of(n).output(new double[] {1, 1}), 0, "pass output");
        }

        @Test
        @DisplayName("reject targets or a pass that do not fit the network, naming the mismatch")
        void rejectsBadShapes() {
            Network n = small();
            ForwardPass pass = plainPass(n, new double[] {1, 0});
            Gradients g = Backpropagation.gradients(n, pass, new double[] {1});
            assertRelativelyClose(g.biases().get(1)[0], Plain.of(n).slope(1, -1, 0, new double[] {1, 0}, new double[] {1}, 1e-5),
                    1e-7, "dE/db of layer 1");
            assertThatThrownBy(() -> Backpropagation.gradients(n, pass, new double[] {1, 0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets has 2 entries but the network has 1 output");
            Network twoOutputs = network(layer(new double[][] {{1, 1}, {1, 1}}, new double[] {0, 0}, IDENTITY));
            assertThatThrownBy(() -> Backpropagation.gradients(twoOutputs, plainPass(twoOutputs, new double[] {1, 1}),
                    new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets has 1 entry but the network has 2 outputs");
            assertThatThrownBy(() -> Backpropagation.gradients(n, pass, new double[] {Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets[0] must be a finite number but was NaN");
            assertThatThrownBy(() -> Backpropagation.gradients(n, plainPass(twoOutputs, new double[] {1, 1}), new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass has 1 layer but the network has 2");
            Network threeInputs = network(layer(new double[][] {{1, 1}, {1, 1}, {1, 1}}, new double[] {0, 0}, IDENTITY),
                    layer(new double[][] {{1}, {1}}, new double[] {0}, IDENTITY));
            assertThatThrownBy(() -> Backpropagation.gradients(n, plainPass(threeInputs, new double[] {1, 1, 1}), new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass.outputs[0] has 3 entries but the network has 2 inputs");
            Network wide = network(layer(new double[][] {{1, 1, 1}, {1, 1, 1}}, new double[] {0, 0, 0}, IDENTITY),
                    layer(new double[][] {{1}, {1}, {1}}, new double[] {0}, IDENTITY));
            assertThatThrownBy(() -> Backpropagation.gradients(n, plainPass(wide, new double[] {1, 1}), new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass.netInputs[0] has 3 entries but layer 0 has 2 neurons");
            Network twoWide = network(small().layers().get(0),
                    layer(new double[][] {{1, 1}, {1, 1}}, new double[] {0, 0}, IDENTITY));
            assertThatThrownBy(() -> Backpropagation.gradients(n, plainPass(twoWide, new double[] {1, 1}), new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass.netInputs[1] has 2 entries but layer 1 has 1 neuron");
            assertThatThrownBy(() -> Backpropagation.gradients(n, null, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("pass must not be null");
        }
    }

    @Nested
    @Tag("ex4.5")
    @DisplayName("Exercise 4.5: update")
    class Update {

        @ParameterizedTest(name = "shape {0}, seed {1}, {2}")
        @MethodSource("backprop.network.NetworkHiddenTest#shapes")
        @DisplayName("subtracts learningRate times the gradient from every weight and bias (Eq. 4.7)")
        void everyWeightAndBias(int[] sizes, long seed, Activation phi) {
            Random rng = new Random(seed);
            Network n = Network.random(rng, phi, sizes);
            List<double[][]> gw = new ArrayList<>();
            List<double[]> gb = new ArrayList<>();
            for (int l = 1; l < sizes.length; l++) {
                gw.add(gaussian(rng, sizes[l - 1], sizes[l]));
                gb.add(gaussian(rng, sizes[l]));
            }
            double eta = 0.05 + rng.nextDouble();
            Plain before = Plain.of(n);
            Network next = Backpropagation.update(n, new Gradients(gw, gb), eta);
            assertThat(next.layers()).hasSize(sizes.length - 1);
            for (int l = 0; l < sizes.length - 1; l++) {
                double[][] w = new double[sizes[l]][sizes[l + 1]];
                double[] b = new double[sizes[l + 1]];
                for (int j = 0; j < b.length; j++) {
                    for (int i = 0; i < w.length; i++) {
                        w[i][j] = before.w()[l][i][j] - eta * gw.get(l)[i][j];
                    }
                    b[j] = before.b()[l][j] - eta * gb.get(l)[j];
                }
                assertMatrix(next.layers().get(l).weights(), w, 1e-12, "w of layer " + l);
                assertVector(next.layers().get(l).biases(), b, 1e-12, "b of layer " + l);
                assertThat(next.layers().get(l).activation()).isSameAs(phi);
                assertMatrix(n.layers().get(l).weights(), before.w()[l], 0, "the old network's w of layer " + l);
            }
        }

        @Test
        @DisplayName("descends: a small step along the computed gradient lowers the error")
        void descends() {
            Network n = small();
            double[] x = {1, -1};
            double[] t = {0};
            Plain p = Plain.of(n);
            List<double[][]> gw = Arrays.asList(p.weightSlopes(x, t, 1e-5));
            List<double[]> gb = Arrays.asList(p.biasSlopes(x, t, 1e-5));
            Network next = Backpropagation.update(n, new Gradients(gw, gb), 0.1);
            assertThat(Plain.of(next).error(x, t)).isLessThan(p.error(x, t));
            assertThat(next.layers().get(1).weights()[0][0])
                    .isCloseTo(1.5 - 0.1 * gw.get(1)[0][0], within(1e-12));
        }

        @Test
        @DisplayName("updates the biases too, even when every weight gradient is zero")
        void biasesToo() {
            Network n = small();
            Gradients g = new Gradients(List.of(new double[2][2], new double[2][1]),
                    List.of(new double[] {1, -1}, new double[] {2}));
            Network next = Backpropagation.update(n, g, 0.5);
            assertVector(next.layers().get(0).biases(), new double[] {0.1 - 0.5, -0.2 + 0.5}, 1e-12, "b of layer 0");
            assertVector(next.layers().get(1).biases(), new double[] {0.3 - 1}, 1e-12, "b of layer 1");
            assertMatrix(next.layers().get(0).weights(), n.layers().get(0).weights(), 0, "w of layer 0");
        }

        @Test
        @DisplayName("rejects a learning rate that is not positive and finite")
        void rejectsBadLearningRate() {
            Network n = network(layer(new double[][] {{1}}, new double[] {0}, IDENTITY));
            Gradients g = new Gradients(List.<double[][]>of(new double[][] {{1}}), List.of(new double[] {1}));
            assertThat(Backpropagation.update(n, g, 0.25).layers().get(0).weights()[0][0]).isCloseTo(0.75, within(1e-12));
            for (double eta : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> Backpropagation.update(n, g, eta))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("learningRate must be a finite number greater than 0 but was " + eta);
            }
        }

        @Test
        @DisplayName("rejects gradients shaped unlike the network, naming the layer")
        void rejectsMismatchedGradients() {
            Network n = small();
            Gradients fits = new Gradients(List.of(new double[2][2], new double[2][1]),
                    List.of(new double[2], new double[1]));
            assertMatrix(Backpropagation.update(n, fits, 1).layers().get(1).weights(), new double[][] {{1.5}, {-1}}, 0, "w");
            Gradients oneLayer = new Gradients(List.<double[][]>of(new double[2][2]), List.of(new double[2]));
            assertThatThrownBy(() -> Backpropagation.update(n, oneLayer, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gradients has 1 layer but the network has 2");
            Gradients threeLayers = new Gradients(List.of(new double[2][2], new double[2][1], new double[1][1]),
                    List.of(new double[2], new double[1], new double[1]));
            assertThatThrownBy(() -> Backpropagation.update(n, threeLayers, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gradients has 3 layers but the network has 2");
            Gradients tallRows = new Gradients(List.of(new double[2][2], new double[3][1]),
                    List.of(new double[2], new double[1]));
            assertThatThrownBy(() -> Backpropagation.update(n, tallRows, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gradients.weights[1] is 3 x 1 but layer 1 of the network is 2 x 1");
            Gradients wide = new Gradients(List.of(new double[2][3], new double[2][1]),
                    List.of(new double[3], new double[1]));
            assertThatThrownBy(() -> Backpropagation.update(n, wide, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gradients.weights[0] is 2 x 3 but layer 0 of the network is 2 x 2");
            assertThatThrownBy(() -> Backpropagation.update(n, null, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gradients must not be null");
        }

        @Test
        @DisplayName("works with Gradients, which checks and copies its arrays")
        void gradientsRecord() {
            double[][] w = {{1}};
            double[] b = {2};
            Gradients g = new Gradients(List.<double[][]>of(w), List.of(b));
            w[0][0] = 50;
            b[0] = 50;
            g.weights().get(0)[0][0] = 70;
            g.biases().get(0)[0] = 70;
            Network n = network(layer(new double[][] {{0}}, new double[] {0}, IDENTITY));
            Network next = Backpropagation.update(n, g, 1);
            assertThat(next.layers().get(0).weights()[0][0]).isCloseTo(-1, within(1e-12));
            assertThat(next.layers().get(0).biases()[0]).isCloseTo(-2, within(1e-12));
            assertThatThrownBy(() -> new Gradients(List.of(new double[1][1], new double[1][1]), List.of(new double[1])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights has 2 layers but biases has 1 layer");
            assertThatThrownBy(() -> new Gradients(List.<double[][]>of(new double[1][1]), List.of(new double[1], new double[1])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights has 1 layer but biases has 2 layers");
            assertThatThrownBy(() -> new Gradients(List.<double[][]>of(new double[2][2]), List.of(new double[3])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("biases[0] has 3 entries but weights[0] has 2 columns");
            assertThatThrownBy(() -> new Gradients(List.<double[][]>of(new double[2][1]), List.of(new double[2])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("biases[0] has 2 entries but weights[0] has 1 column");
            assertThatThrownBy(() -> new Gradients(List.<double[][]>of(new double[][] {{Double.NaN}}), List.of(new double[1])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights[0][0][0] must be a finite number but was NaN");
        }
    }

    @Nested
    @Tag("ex4.6")
    @DisplayName("Exercise 4.6: numerical gradients")
    class NumericalGradients {

        @ParameterizedTest(name = "shape {0}, seed {1}, {2}")
        @MethodSource("backprop.network.NetworkHiddenTest#shapes")
        @DisplayName("equal the test's own central differences (E(w + h) - E(w - h)) / 2h for every weight and bias")
        void matchTheTestsEstimate(int[] sizes, long seed, Activation phi) {
            Random rng = new Random(seed);
            Network n = Network.random(rng, phi, sizes);
            double[] x = gaussian(rng, sizes[0]);
            double[] t = uniform(rng, sizes[sizes.length - 1]);
            Plain p = Plain.of(n);
            Gradients g = GradientCheck.numericalGradients(n, x, t, 1e-5);
            double[][][] dw = p.weightSlopes(x, t, 1e-5);
            double[][] db = p.biasSlopes(x, t, 1e-5);
            for (int l = 0; l < dw.length; l++) {
                assertMatrix(g.weights().get(l), dw[l], 1e-9, "dE/dw of layer " + l);
                assertVector(g.biases().get(l), db[l], 1e-9, "dE/db of layer " + l);
            }
        }

        @Test
        @DisplayName("use the given h on both sides: with h = 0.1 they equal the central difference with h = 0.1")
        void useTheGivenStep() {
            Network n = small();
            double[] x = {1, -1};
            double[] t = {0};
            Plain p = Plain.of(n);
            Gradients g = GradientCheck.numericalGradients(n, x, t, 0.1);
            assertMatrix(g.weights().get(0), p.weightSlopes(x, t, 0.1)[0], 1e-12, "dE/dw of layer 0");
            assertMatrix(g.weights().get(1), p.weightSlopes(x, t, 0.1)[1], 1e-12, "dE/dw of layer 1");
            assertVector(g.biases().get(0), p.biasSlopes(x, t, 0.1)[0], 1e-12, "dE/db of layer 0");
            assertVector(g.biases().get(1), p.biasSlopes(x, t, 0.1)[1], 1e-12, "dE/db of layer 1");
        }

        @Test
        @DisplayName("agree with backpropagation written out in the test: maxRelativeError below 1e-7 (Eq. 4.8)")
        void agreeWithBackpropagation() {
            Network n = Network.random(new Random(5), LOGISTIC, 3, 4, 2);
            double[] x = {0.3, -1.2, 0.8};
            double[] t = {0.2, 0.9};
            Plain p = Plain.of(n);
            Gradients exact = p.gradients(x, t);
            Gradients numeric = GradientCheck.numericalGradients(n, x, t, 1e-5);
            assertThat(GradientCheck.maxRelativeError(exact, numeric)).isLessThan(1e-7);
            assertThat(GradientCheck.maxRelativeError(numeric, exact)).isLessThan(1e-7);
        }

        @Test
        @DisplayName("work with maxRelativeError, |g - g~| / max(|g|, |g~|) over every entry (Eq. 4.8)")
        void maxRelativeError() {
            Network n = network(layer(new double[][] {{1, 2}}, new double[] {0, 0}, IDENTITY));
            Gradients numeric = GradientCheck.numericalGradients(n, new double[] {1}, new double[] {0, 0}, 1e-3);
            // E = 1/2 ((w0 + b0)^2 + (w1 + b1)^2): dE/dw = (1, 2), dE/db = (1, 2)
            Gradients exact = new Gradients(List.<double[][]>of(new double[][] {{1, 2}}), List.of(new double[] {1, 2}));
            assertThat(GradientCheck.maxRelativeError(exact, numeric)).isLessThan(1e-9);
            Gradients a = new Gradients(List.of(new double[][] {{1, 0}}, new double[][] {{3}, {4}}),
                    List.of(new double[] {2, 0}, new double[] {5}));
            assertThat(GradientCheck.maxRelativeError(a, a)).isEqualTo(0);
            Gradients weight = new Gradients(List.of(new double[][] {{2, 0}}, new double[][] {{3}, {4}}),
                    List.of(new double[] {2, 0}, new double[] {5}));
            assertThat(GradientCheck.maxRelativeError(a, weight)).isCloseTo(0.5, within(1e-12));
            Gradients bias = new Gradients(List.of(new double[][] {{1, 0}}, new double[][] {{3}, {4}}),
                    List.of(new double[] {2, 0}, new double[] {-5}));
            assertThat(GradientCheck.maxRelativeError(a, bias)).isCloseTo(2, within(1e-12));
            Gradients secondLayer = new Gradients(List.of(new double[][] {{1, 0}}, new double[][] {{3}, {3}}),
                    List.of(new double[] {2, 0}, new double[] {5}));
            assertThat(GradientCheck.maxRelativeError(a, secondLayer)).isCloseTo(0.25, within(1e-12));
            Gradients firstBias = new Gradients(List.of(new double[][] {{1, 0}}, new double[][] {{3}, {4}}),
                    List.of(new double[] {2, 1}, new double[] {5}));
            assertThat(GradientCheck.maxRelativeError(a, firstBias)).isCloseTo(1, within(1e-12));
            assertThatThrownBy(() -> GradientCheck.maxRelativeError(a, exact))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("b has 1 layer but a has 2");
            Gradients other = new Gradients(List.of(new double[][] {{1, 0}}, new double[][] {{3, 1}, {4, 1}}),
                    List.of(new double[] {2, 0}, new double[] {5, 1}));
            assertThatThrownBy(() -> GradientCheck.maxRelativeError(a, other))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("b.weights[1] is 2 x 2 but layer 1 of a is 2 x 1");
        }

        @Test
        @DisplayName("reject a step h that is not positive and finite, and inputs or targets of the wrong length")
        void rejectBadArguments() {
            Network n = small();
            Plain p = Plain.of(n);
            double[] x = {1, 0};
            double[] t = {1};
            assertMatrix(GradientCheck.numericalGradients(n, x, t, 1e-4).weights().get(1),
                    p.weightSlopes(x, t, 1e-4)[1], 1e-10, "dE/dw of layer 1");
            for (double h : new double[] {0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> GradientCheck.numericalGradients(n, x, t, h))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("h must be a finite number greater than 0 but was " + h);
            }
            assertThatThrownBy(() -> GradientCheck.numericalGradients(n, x, t, 1e-300))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageMatching("h = 1\\.0E-300 is too small at layer \\d (weights\\[\\d\\]\\[\\d\\]|biases\\[\\d\\]) = .*, so the difference would be 0 whatever f is");
            assertThatThrownBy(() -> GradientCheck.numericalGradients(n, x, t, 1e308))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("h = 1.0E308 is too large at layer 0 weights[0][0] = ");
            assertThatThrownBy(() -> GradientCheck.numericalGradients(n, new double[] {1, 0, 0}, t, 1e-6))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input has 3 entries but the network has 2 inputs");
            assertThatThrownBy(() -> GradientCheck.numericalGradients(n, x, new double[] {1, 0}, 1e-6))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets has 2 entries but the network has 1 output");
        }
    }

    @Nested
    @Tag("ex4.7")
    @DisplayName("Exercise 4.7: XOR training")
    class Training {

        @Test
        @DisplayName("learns XOR from seed 3 with eta = 1 in 2000 epochs (checked with the test's own forward pass)")
        void learnsXor() {
            Network start = Network.random(new Random(3), LOGISTIC, 2, 2, 1);
            XorTraining.TrainingRun run = XorTraining.train(start, 1.0, 2000);
            Plain p = Plain.of(run.network());
            double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
            double[] t = {0, 1, 1, 0};
            double mean = 0;
            for (int row = 0; row < 4; row++) {
                double o = p.output(x[row])[0];
                assertThat(Math.abs(o - t[row])).as("error on (%.0f, %.0f)", x[row][0], x[row][1]).isLessThan(0.5);
                mean += (o - t[row]) * (o - t[row]) / 2 / 4;
            }
            double[] losses = run.epochLosses();
            assertThat(losses).hasSize(2000);
            assertThat(losses[1999]).isLessThan(0.01).isCloseTo(mean, within(1e-3));
        }

        @Test
        @DisplayName("takes one step per row, in order, each with that row's own forward pass and pre-update weights")
        void onlineStepsInOrder() {
            Network start = Network.random(new Random(8), LOGISTIC, 2, 2, 1);
            double eta = 0.7;
            XorTraining.TrainingRun run = XorTraining.train(start, eta, 3);
            double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
            double[][] t = {{0}, {1}, {1}, {0}};
            Plain p = Plain.of(start);
            double[] losses = new double[3];
            for (int e = 0; e < 3; e++) {
                for (int row = 0; row < 4; row++) {
                    losses[e] += p.error(x[row], t[row]) / 4;
                    p = p.step(x[row], t[row], eta);
                }
            }
            assertVector(run.epochLosses(), losses, 1e-12, "epochLosses");
            for (int l = 0; l < 2; l++) {
                assertMatrix(run.network().layers().get(l).weights(), p.w()[l], 1e-12, "w of layer " + l);
                assertVector(run.network().layers().get(l).biases(), p.b()[l], 1e-12, "b of layer " + l);
            }
        }

        @Test
        @DisplayName("takes no step in zero epochs, and returns copies of its losses")
        void zeroEpochs() {
            Network start = small();
            XorTraining.TrainingRun none = XorTraining.train(start, 0.5, 0);
            assertThat(none.epochLosses()).isEmpty();
            assertMatrix(none.network().layers().get(0).weights(), start.layers().get(0).weights(), 0, "w");
            XorTraining.TrainingRun one = XorTraining.train(start, 0.5, 1);
            double expected = 0;
            for (int row = 0; row < 4; row++) {
                expected += Plain.of(one.network()).error(XorTraining.INPUTS.get(row), XorTraining.TARGETS.get(row));
            }
            one.epochLosses()[0] = -1;
            assertThat(one.epochLosses()[0]).isPositive();
            assertThat(expected).isPositive();
        }

        @Test
        @DisplayName("rejects a start network that is not 2-in, 1-out, a negative epoch count and a zero learning rate")
        void rejectsBadArguments() {
            Network start = small();
            assertThat(XorTraining.train(start, 0.5, 2).epochLosses()).hasSize(2);
            Network threeInputs = Network.random(new Random(1), LOGISTIC, 3, 2, 1);
            assertThatThrownBy(() -> XorTraining.train(threeInputs, 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("start has 3 inputs and 1 output but XOR needs 2 inputs and 1 output");
            Network twoOutputs = Network.random(new Random(1), LOGISTIC, 2, 2, 2);
            assertThatThrownBy(() -> XorTraining.train(twoOutputs, 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("start has 2 inputs and 2 outputs but XOR needs 2 inputs and 1 output");
            assertThatThrownBy(() -> XorTraining.train(start, 0.5, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("epochs must not be negative but was -1");
            assertThatThrownBy(() -> XorTraining.train(start, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was 0.0");
            assertThatThrownBy(() -> XorTraining.train(null, 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("start must not be null");
        }
    }
}
