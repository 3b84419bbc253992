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
 * The chapter's worked example: a 2-2-1 logistic network, input x = (1, 0), target t = 1.
 *
 * <pre>
 * hidden layer  w = | 0.5  -0.5 |   (row i = input i, column j = hidden neuron j)   b = (0, 0)
 *                   | 0.5   0.5 |
 * output layer  w = |  0.5 |        (row j = hidden neuron j)                       b = (0)
 *                   | -0.5 |
 *
 * net (hidden)   = (0.5, -0.5)
 * o   (hidden)   = (0.6224593312018546, 0.3775406687981454)
 * net (output)   = 0.1224593312018546
 * o   (output)   = 0.5305766310176361      E = 1/2 (o - t)^2 = 0.11017914967337629
 * phi'(net out)  = 0.24906506963561134
 * delta (output) = (o - t) phi'(net) = -0.11691696408417575
 * phi'(0.5) = phi'(-0.5) = 0.2350037122015945
 * delta (hidden) = (-0.013737960289560898, 0.013737960289560898)
 * dE/dw (output layer, from hidden 0) = o_0 delta = -0.07277605526998729
 * dE/dw (output layer, from hidden 1) = o_1 delta = -0.04414090881418846
 * dE/dw (hidden layer, input 0 -> hidden 0) = x_0 delta_0 = -0.013737960289560898
 * dE/db (output) = delta = -0.11691696408417575
 * after one step with eta = 0.5: w (output layer, from hidden 0) = 0.5363880276349936,
 *   w (hidden layer, input 0 -> hidden 0) = 0.5068689801447804, b (output) = 0.058458482042087874
 * </pre>
 */
@Tag("ch4")
@DisplayName("The worked example: a 2-2-1 logistic network on x = (1, 0), t = 1")
class BackpropagationTest {

    static final double[] X = {1, 0};
    static final double[] T = {1};
    static final Layer HIDDEN = new Layer(new double[][] {{0.5, -0.5}, {0.5, 0.5}}, new double[] {0, 0}, LOGISTIC);
    static final Layer OUTPUT = new Layer(new double[][] {{0.5}, {-0.5}}, new double[] {0}, LOGISTIC);
    static final Network NETWORK = new Network(List.of(HIDDEN, OUTPUT));

    // the example's numbers, written out with the logistic function phi(z) = 1 / (1 + e^-z)
    static final double O_HIDDEN_0 = Numeric.logistic(0.5);
    static final double O_HIDDEN_1 = Numeric.logistic(-0.5);
    static final double NET_OUT = 0.5 * O_HIDDEN_0 - 0.5 * O_HIDDEN_1;
    static final double O_OUT = Numeric.logistic(NET_OUT);
    static final double DELTA_OUT = (O_OUT - 1) * O_OUT * (1 - O_OUT);
    static final double SLOPE_HIDDEN = Numeric.logistic(0.5) * (1 - Numeric.logistic(0.5));
    static final double[] DELTA_HIDDEN = {0.5 * DELTA_OUT * SLOPE_HIDDEN, -0.5 * DELTA_OUT * SLOPE_HIDDEN};

    /** The forward pass of the example, written out (so that 4.2 to 4.5 do not depend on 4.1). */
    static ForwardPass pass() {
        return new ForwardPass(List.of(X, new double[] {O_HIDDEN_0, O_HIDDEN_1}, new double[] {O_OUT}),
                List.of(new double[] {0.5, -0.5}, new double[] {NET_OUT}));
    }

    @Test
    @Tag("ex4.1")
    @DisplayName("Exercise 4.1: the values of the worked example, as the chapter prints them")
    void literals() {
        ForwardPass pass = Backpropagation.forward(NETWORK, X);
        assertThat(pass.output()[0]).as("o (output)").isCloseTo(0.5305766310176361, within(1e-12));
        assertThat(O_OUT).isCloseTo(0.5305766310176361, within(1e-12));
        assertThat(DELTA_OUT).isCloseTo(-0.11691696408417575, within(1e-12));
        assertThat(DELTA_HIDDEN[0]).isCloseTo(-0.013737960289560898, within(1e-12));
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
        @DisplayName("gives the output neuron net = 0.12245933 and o = 0.53057663")
        void outputLayer() {
            ForwardPass pass = Backpropagation.forward(NETWORK, X);
            assertThat(pass.netInputs().get(1)[0]).as("net output").isCloseTo(NET_OUT, within(1e-12));
            assertThat(pass.output()[0]).as("o output").isCloseTo(O_OUT, within(1e-12));
        }
    }

    @Nested
    @Tag("ex4.2")
    @DisplayName("Exercise 4.2: the output delta (Eq. 4.4)")
    class OutputDeltas {

        @Test
        @DisplayName("is (o - t) phi'(net) = -0.11691696: negative, the output is too small")
        void example() {
            double[] delta = Backpropagation.outputDeltas(OUTPUT, new double[] {NET_OUT}, new double[] {O_OUT}, T);
            assertThat(delta).hasSize(1);
            assertThat(delta[0]).as("delta output").isCloseTo(DELTA_OUT, within(1e-12));
        }

        @Test
        @DisplayName("is 0 when the output equals the target")
        void zeroAtTheTarget() {
            double[] delta = Backpropagation.outputDeltas(OUTPUT, new double[] {0}, new double[] {0.5}, new double[] {0.5});
            assertThat(delta[0]).as("delta output").isCloseTo(0, within(1e-12));
        }
    }

    @Nested
    @Tag("ex4.3")
    @DisplayName("Exercise 4.3: the inner deltas (Eq. 4.5)")
    class InnerDeltas {

        @Test
        @DisplayName("are w_j0 delta_out phi'(net_j) = (-0.01373796, 0.01373796)")
        void example() {
            double[] delta = Backpropagation.innerDeltas(HIDDEN, new double[] {0.5, -0.5}, OUTPUT, new double[] {DELTA_OUT});
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
        @DisplayName("give the output layer dE/dw_j0 = o_j delta_out and dE/db = delta_out")
        void outputLayer() {
            Gradients g = Backpropagation.gradients(NETWORK, pass(), T);
            assertThat(g.weights().get(1)[0][0]).as("dE/dw from hidden 0").isCloseTo(-0.07277605526998729, within(1e-12));
            assertThat(g.weights().get(1)[1][0]).as("dE/dw from hidden 1").isCloseTo(-0.04414090881418846, within(1e-12));
            assertThat(g.biases().get(1)[0]).as("dE/db output").isCloseTo(DELTA_OUT, within(1e-12));
        }

        @Test
        @DisplayName("give the hidden layer x_i delta_j: zero for the input x_1 = 0")
        void hiddenLayer() {
            Gradients g = Backpropagation.gradients(NETWORK, pass(), T);
            double[][] w = g.weights().get(0);
            assertThat(w[0][0]).as("dE/dw_00").isCloseTo(-0.013737960289560898, within(1e-12));
            assertThat(w[0][1]).as("dE/dw_01").isCloseTo(0.013737960289560898, within(1e-12));
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
            Gradients g = new Gradients(
                    List.of(new double[][] {{DELTA_HIDDEN[0], DELTA_HIDDEN[1]}, {0, 0}},
                            new double[][] {{O_HIDDEN_0 * DELTA_OUT}, {O_HIDDEN_1 * DELTA_OUT}}),
                    List.of(DELTA_HIDDEN, new double[] {DELTA_OUT}));
            return Backpropagation.update(NETWORK, g, 0.5);
        }

        @Test
        @DisplayName("raises the output weight from hidden 0 to 0.53638803")
        void outputWeight() {
            assertThat(updated().layers().get(1).weights()[0][0]).as("w").isCloseTo(0.5363880276349936, within(1e-12));
        }

        @Test
        @DisplayName("raises w_00 of the hidden layer to 0.50686898 and the output bias to 0.05845848")
        void hiddenWeightAndBias() {
            Network n = updated();
            assertThat(n.layers().get(0).weights()[0][0]).as("w_00").isCloseTo(0.5068689801447804, within(1e-12));
            assertThat(n.layers().get(0).weights()[1][0]).as("w_10").isCloseTo(0.5, within(1e-12));
            assertThat(n.layers().get(1).biases()[0]).as("b").isCloseTo(0.058458482042087874, within(1e-12));
        }
    }
}
