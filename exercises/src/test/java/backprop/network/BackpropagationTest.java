package backprop.network;

import static backprop.testing.TestActivations.LOGISTIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chapter's worked example: a 2-2-2 logistic network, input x = (1, 0), targets t = (1, 0).
 * Two output neurons, so that each hidden delta sums over both (Eq. 4.5).
 *
 * <pre>
 * hidden layer  w = | 0.5  -0.5 |   (row i = input i, column j = hidden neuron j)     b = (0, 0)
 *                   | 0.5   0.5 |
 * output layer  w = |  0.5  0.25 |  (row j = hidden neuron j, column l = output l)    b = (0, 0)
 *                   | -0.5  0.5  |
 *
 * net (hidden)   = (0.5, -0.5)
 * o   (hidden)   = (0.6224593312018546, 0.3775406687981454)
 * net (output)   = (0.1224593312018546, 0.3443851671995364)
 * o   (output)   = (0.5305766310176361, 0.5852553376517953)
 * E = 1/2 ||o - t||^2 = 0.28144105479833476
 * phi'(net out)  = (0.24906506963561134, 0.24273152740187837)
 * delta (output) = (o - t) phi'(net) = (-0.11691696408417575, 0.14205992202832232)
 * phi'(0.5) = phi'(-0.5) = 0.2350037122015945
 * sum_l w_jl delta_l = (-0.022943501535007294, 0.12948844305624904)
 * delta (hidden) = (-0.005391808031629696, 0.030430264805423306)
 *   (keeping only output 0 in the sum would give (-0.013737960289560898, 0.013737960289560898))
 * dE/dw (output layer) = o_j delta_l = | -0.07277605526998729  0.08842652405633712 |
 *                                      | -0.04414090881418846  0.0536333979719852  |
 * dE/dw (hidden layer) = x_i delta_j = | -0.005391808031629696  0.030430264805423306 |
 *                                      |  0                     0                    |
 * dE/db (output) = delta (output)
 * after one step with eta = 0.5: w (output, hidden 0 -> output 0) = 0.5363880276349936,
 *   w (output, hidden 0 -> output 1) = 0.20578673797183145, w_00 (hidden) = 0.5026959040158149,
 *   w_01 (hidden) = -0.5152151324027117, b (output) = (0.058458482042087874, -0.07102996101416116)
 * </pre>
 */
@Tag("ch4")
@DisplayName("The worked example: a 2-2-2 logistic network on x = (1, 0), t = (1, 0)")
class BackpropagationTest {

    static final double[] X = {1, 0};
    static final double[] T = {1, 0};
    static final Layer HIDDEN = new Layer(new double[][] {{0.5, -0.5}, {0.5, 0.5}}, new double[] {0, 0}, LOGISTIC);
    static final Layer OUTPUT = new Layer(new double[][] {{0.5, 0.25}, {-0.5, 0.5}}, new double[] {0, 0}, LOGISTIC);
    static final Network NETWORK = new Network(List.of(HIDDEN, OUTPUT));

    // the example's numbers, written out with the logistic function phi(z) = 1 / (1 + e^-z)
    static final double[] O_HIDDEN = {Numeric.logistic(0.5), Numeric.logistic(-0.5)};
    static final double[] NET_OUT = {0.5 * O_HIDDEN[0] - 0.5 * O_HIDDEN[1], 0.25 * O_HIDDEN[0] + 0.5 * O_HIDDEN[1]};
    static final double[] O_OUT = {Numeric.logistic(NET_OUT[0]), Numeric.logistic(NET_OUT[1])};
    static final double[] DELTA_OUT = {(O_OUT[0] - 1) * O_OUT[0] * (1 - O_OUT[0]), O_OUT[1] * O_OUT[1] * (1 - O_OUT[1])};
    static final double SLOPE_HIDDEN = Numeric.logistic(0.5) * (1 - Numeric.logistic(0.5));
    static final double[] DELTA_HIDDEN = {
        (0.5 * DELTA_OUT[0] + 0.25 * DELTA_OUT[1]) * SLOPE_HIDDEN,
        (-0.5 * DELTA_OUT[0] + 0.5 * DELTA_OUT[1]) * SLOPE_HIDDEN};

    /** The exact gradient of the example, written out: o_j delta_l (Eq. 4.6). */
    static Gradients exactGradients() {
        return new Gradients(
                List.of(new double[][] {{DELTA_HIDDEN[0], DELTA_HIDDEN[1]}, {0, 0}},
                        new double[][] {
                            {O_HIDDEN[0] * DELTA_OUT[0], O_HIDDEN[0] * DELTA_OUT[1]},
                            {O_HIDDEN[1] * DELTA_OUT[0], O_HIDDEN[1] * DELTA_OUT[1]}}),
                List.of(DELTA_HIDDEN, DELTA_OUT));
    }

    /** The forward pass of the example, written out (so that 4.2 to 4.5 do not depend on 4.1). */
    static ForwardPass pass() {
        return new ForwardPass(List.of(X, O_HIDDEN, O_OUT), List.of(new double[] {0.5, -0.5}, NET_OUT));
    }

    @Test
    @Tag("ex4.1")
    @DisplayName("Exercise 4.1: the values of the worked example, as the chapter prints them")
    void literals() {
        ForwardPass pass = Backpropagation.forward(NETWORK, X);
        assertThat(pass.output()[0]).as("o (output 0)").isCloseTo(0.5305766310176361, within(1e-12));
        assertThat(pass.output()[1]).as("o (output 1)").isCloseTo(0.5852553376517953, within(1e-12));
        assertThat(NET_OUT[1]).isCloseTo(0.3443851671995364, within(1e-12));
        assertThat(O_OUT[1]).isCloseTo(0.5852553376517953, within(1e-12));
        assertThat(DELTA_OUT[0]).isCloseTo(-0.11691696408417575, within(1e-12));
        assertThat(DELTA_OUT[1]).isCloseTo(0.14205992202832232, within(1e-12));
        assertThat(DELTA_HIDDEN[0]).isCloseTo(-0.005391808031629696, within(1e-12));
        assertThat(DELTA_HIDDEN[1]).isCloseTo(0.030430264805423306, within(1e-12));
        // E = 1/2 ||o - t||^2 = 0.28144105479833476; phi'(net out) = (0.24906506963561134, 0.24273152740187837)
        // sum_l w_jl delta_l = (-0.022943501535007294, 0.12948844305624904)
    }

    @Nested
    @Tag("ex4.1")
    @DisplayName("Exercise 4.1: the forward pass (Eq. 4.1)")
    class Forward {

        @Test
        @DisplayName("keeps the input as outputs[0]")
        void keepsTheInput() {
            ForwardPass pass = Backpropagation.forward(NETWORK, X);
            assertThat(pass.outputs()).hasSize(3);
            assertThat(pass.outputs().get(0)).containsExactly(1, 0);
        }

        @Test
        @DisplayName("gives the hidden layer net = (0.5, -0.5) and o = (phi(0.5), phi(-0.5))")
        void hiddenLayer() {
            ForwardPass pass = Backpropagation.forward(NETWORK, X);
            assertThat(pass.netInputs().get(0)[0]).as("net hidden 0").isCloseTo(0.5, within(1e-12));
            assertThat(pass.netInputs().get(0)[1]).as("net hidden 1").isCloseTo(-0.5, within(1e-12));
            assertThat(pass.outputs().get(1)[0]).as("o hidden 0").isCloseTo(0.6224593312018546, within(1e-12));
            assertThat(pass.outputs().get(1)[1]).as("o hidden 1").isCloseTo(0.3775406687981454, within(1e-12));
        }

        @Test
        @DisplayName("gives the output neurons net = (0.12245933, 0.34438517) and o = (0.53057663, 0.58525534)")
        void outputLayer() {
            ForwardPass pass = Backpropagation.forward(NETWORK, X);
            for (int l = 0; l < 2; l++) {
                assertThat(pass.netInputs().get(1)[l]).as("net output %d", l).isCloseTo(NET_OUT[l], within(1e-12));
                assertThat(pass.output()[l]).as("o output %d", l).isCloseTo(O_OUT[l], within(1e-12));
            }
        }
    }

    @Nested
    @Tag("ex4.2")
    @DisplayName("Exercise 4.2: the output deltas (Eq. 4.4)")
    class OutputDeltas {

        @Test
        @DisplayName("are (o - t) phi'(net) = (-0.11691696, 0.14205992): output 0 is too small, output 1 too large")
        void example() {
            double[] delta = Backpropagation.outputDeltas(OUTPUT, NET_OUT, O_OUT, T);
            assertThat(delta).hasSize(2);
            assertThat(delta[0]).as("delta output 0").isCloseTo(DELTA_OUT[0], within(1e-12));
            assertThat(delta[1]).as("delta output 1").isCloseTo(DELTA_OUT[1], within(1e-12));
        }

        @Test
        @DisplayName("are 0 when the outputs equal the targets")
        void zeroAtTheTarget() {
            double[] delta = Backpropagation.outputDeltas(OUTPUT, new double[] {0, 0}, new double[] {0.5, 0.5},
                    new double[] {0.5, 0.5});
            assertThat(delta[0]).as("delta output 0").isCloseTo(0, within(1e-12));
            assertThat(delta[1]).as("delta output 1").isCloseTo(0, within(1e-12));
        }
    }

    @Nested
    @Tag("ex4.3")
    @DisplayName("Exercise 4.3: the inner deltas (Eq. 4.5)")
    class InnerDeltas {

        @Test
        @DisplayName("sum over both outputs: (w_j0 delta_0 + w_j1 delta_1) phi'(net_j) = (-0.00539181, 0.03043026)")
        void example() {
            double[] delta = Backpropagation.innerDeltas(HIDDEN, new double[] {0.5, -0.5}, OUTPUT, DELTA_OUT);
            assertThat(delta).hasSize(2);
            assertThat(delta[0]).as("delta hidden 0").isCloseTo(DELTA_HIDDEN[0], within(1e-12));
            assertThat(delta[1]).as("delta hidden 1").isCloseTo(DELTA_HIDDEN[1], within(1e-12));
        }
    }

    @Nested
    @Tag("ex4.4")
    @DisplayName("Exercise 4.4: all gradients (Eq. 4.6)")
    class AllGradients {

        @Test
        @DisplayName("give the output layer dE/dw_jl = o_j delta_l and dE/db_l = delta_l")
        void outputLayer() {
            Gradients g = Backpropagation.gradients(NETWORK, pass(), T);
            double[][] w = g.weights().get(1);
            assertThat(w[0][0]).as("dE/dw hidden 0 -> output 0").isCloseTo(-0.07277605526998729, within(1e-12));
            assertThat(w[1][0]).as("dE/dw hidden 1 -> output 0").isCloseTo(-0.04414090881418846, within(1e-12));
            assertThat(w[0][1]).as("dE/dw hidden 0 -> output 1").isCloseTo(0.08842652405633712, within(1e-12));
            assertThat(w[1][1]).as("dE/dw hidden 1 -> output 1").isCloseTo(0.0536333979719852, within(1e-12));
            assertThat(g.biases().get(1)[0]).as("dE/db output 0").isCloseTo(DELTA_OUT[0], within(1e-12));
            assertThat(g.biases().get(1)[1]).as("dE/db output 1").isCloseTo(DELTA_OUT[1], within(1e-12));
        }

        @Test
        @DisplayName("give the hidden layer x_i delta_j: zero for the input x_1 = 0")
        void hiddenLayer() {
            Gradients g = Backpropagation.gradients(NETWORK, pass(), T);
            double[][] w = g.weights().get(0);
            assertThat(w[0][0]).as("dE/dw_00").isCloseTo(-0.005391808031629696, within(1e-12));
            assertThat(w[0][1]).as("dE/dw_01").isCloseTo(0.030430264805423306, within(1e-12));
            assertThat(w[1][0]).as("dE/dw_10").isCloseTo(0, within(1e-12));
            assertThat(w[1][1]).as("dE/dw_11").isCloseTo(0, within(1e-12));
            assertThat(g.biases().get(0)[1]).as("dE/db hidden 1").isCloseTo(DELTA_HIDDEN[1], within(1e-12));
        }
    }

    @Nested
    @Tag("ex4.5")
    @DisplayName("Exercise 4.5: the update with eta = 0.5 (Eq. 4.7)")
    class Update {

        private Network updated() {
            return Backpropagation.update(NETWORK, exactGradients(), 0.5);
        }

        @Test
        @DisplayName("moves the output weights from hidden 0 to 0.53638803 (output 0) and 0.20578674 (output 1)")
        void outputWeights() {
            double[][] w = updated().layers().get(1).weights();
            assertThat(w[0][0]).as("w hidden 0 -> output 0").isCloseTo(0.5363880276349936, within(1e-12));
            assertThat(w[0][1]).as("w hidden 0 -> output 1").isCloseTo(0.20578673797183145, within(1e-12));
        }

        @Test
        @DisplayName("moves w_00 of the hidden layer to 0.50269590, w_01 to -0.51521513 and the output biases to (0.05845848, -0.07102996)")
        void hiddenWeightsAndBiases() {
            Network n = updated();
            assertThat(n.layers().get(0).weights()[0][0]).as("w_00").isCloseTo(0.5026959040158149, within(1e-12));
            assertThat(n.layers().get(0).weights()[0][1]).as("w_01").isCloseTo(-0.5152151324027117, within(1e-12));
            assertThat(n.layers().get(0).weights()[1][0]).as("w_10").isCloseTo(0.5, within(1e-12));
            assertThat(n.layers().get(1).biases()[0]).as("b output 0").isCloseTo(0.058458482042087874, within(1e-12));
            assertThat(n.layers().get(1).biases()[1]).as("b output 1").isCloseTo(-0.07102996101416116, within(1e-12));
        }
    }
}
