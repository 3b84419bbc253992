package backprop.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.network.Layer;
import backprop.network.Network;
import backprop.testing.Numeric;
import backprop.testing.PlainBackprop;
import backprop.testing.TestActivations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ch7")
@DisplayName("Chapter 7: neurons and networks of value nodes")
class NetworkOfValuesTest {

    static List<Value> leaves(double... x) {
        List<Value> v = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            v.add(new Value(x[i], "x" + i));
        }
        return v;
    }

    /** Every node the output was computed from, found by the test itself. */
    static Set<Value> graph(Value output) {
        Set<Value> seen = new HashSet<>();
        List<Value> todo = new ArrayList<>(List.of(output));
        while (!todo.isEmpty()) {
            Value v = todo.remove(todo.size() - 1);
            if (seen.add(v)) {
                todo.addAll(v.inputs());
            }
        }
        return seen;
    }

    /** Chapter 4's network with these weights (its activation does not matter to Mlp.of). */
    static Network network(double[][][] w, double[][] b) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < w.length; l++) {
            layers.add(new Layer(w[l], b[l], TestActivations.IDENTITY));
        }
        return new Network(layers);
    }

    @Nested
    @Tag("ex7.8")
    @DisplayName("Exercise 7.8: a neuron (Eq. 2.1, 2.2)")
    class NeuronOutput {

        @Test
        @DisplayName("an identity neuron with w = (0.5, -0.25), b = 0.1 gives 0.35 for x = (1, 1)")
        void identity() {
            Neuron n = new Neuron(new double[] {0.5, -0.25}, 0.1, Nonlinearity.IDENTITY);
            assertThat(n.output(leaves(1, 1)).data()).as("o").isCloseTo(0.35, within(1e-15));
        }

        @Test
        @DisplayName("a tanh neuron gives tanh(0.5 * 2 - 0.25 * (-1) + 0.1) = tanh(1.35)")
        void tanh() {
            Neuron n = new Neuron(new double[] {0.5, -0.25}, 0.1, Nonlinearity.TANH);
            assertThat(n.output(leaves(2, -1)).data()).as("o").isCloseTo(Math.tanh(1.35), within(1e-15));
        }

        @Test
        @DisplayName("builds its output from its own weights, bias and inputs, so that the backward pass reaches them")
        void ownLeaves() {
            Neuron n = new Neuron(new double[] {0.5, -0.25, 2}, -0.3, Nonlinearity.LOGISTIC);
            List<Value> x = leaves(1, 2, 3);
            Value o = n.output(x);
            assertThat(o.data()).isCloseTo(Numeric.logistic(0.5 - 0.5 + 6 - 0.3), within(1e-15));
            assertThat(graph(o)).as("the output's graph").containsAll(n.parameters()).containsAll(x);
            assertThatThrownBy(() -> n.output(leaves(1, 2))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 2 entries but the neuron has 3 weights");
        }
    }

    @Nested
    @Tag("ex7.9")
    @DisplayName("Exercise 7.9: a network and its loss, with exactly chapter 4's gradients")
    class Network221 {

        // chapter 4's worked example: hidden w = (0.5, -0.5; 0.5, 0.5), output w = (0.5; -0.5), biases 0
        final double[][][] w = {{{0.5, -0.5}, {0.5, 0.5}}, {{0.5}, {-0.5}}};
        final double[][] b = {{0, 0}, {0}};

        @Test
        @DisplayName("gives chapter 4's worked example: o = 0.53057663 and E = 0.11017915 for x = (1, 0), t = 1")
        void example() {
            Mlp m = Mlp.of(network(w, b), Nonlinearity.LOGISTIC);
            List<Value> o = m.output(leaves(1, 0));
            assertThat(o).hasSize(1);
            assertThat(o.get(0).data()).as("o").isCloseTo(0.5305766310176361, within(1e-15));
            assertThat(m.loss(new double[] {1, 0}, new double[] {1}).data()).as("E").isCloseTo(0.11017914967337629, within(1e-15));
        }

        @Test
        @DisplayName("whose backward pass gives chapter 4's dE/dw = -0.07277606 (output, from hidden 0) and -0.01373796 (w_00)")
        void exampleGradients() {
            Mlp m = Mlp.of(network(w, b), Nonlinearity.LOGISTIC);
            Graph.backward(m.loss(new double[] {1, 0}, new double[] {1}));
            assertThat(m.weightGradients()[1][0][0]).as("dE/dw from hidden 0").isCloseTo(-0.07277605526998729, within(1e-12));
            assertThat(m.weightGradients()[0][0][0]).as("dE/dw_00").isCloseTo(-0.013737960289560898, within(1e-12));
            assertThat(m.biasGradients()[1][0]).as("dE/db output").isCloseTo(-0.11691696408417575, within(1e-12));
        }

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3})
        @DisplayName("a random 3-4-2 logistic network: the engine's gradients equal chapter 4's recursion to 1e-12 and the central differences")
        void randomNetwork(long seed) {
            PlainBackprop plain = PlainBackprop.logistic(seed, 3, 4, 2);
            Mlp m = Mlp.of(network(plain.w(), plain.b()), Nonlinearity.LOGISTIC);
            double[] x = {0.3, -1.2, 0.8};
            double[] t = {1, 0};
            Value e = m.loss(x, t);
            assertThat(e.data()).as("E").isCloseTo(plain.error(x, t), within(1e-12));
            Graph.backward(e);
            double[][][] g = m.weightGradients();
            double[][][] expected = plain.weightGradients(x, t);
            double[][] deltas = plain.deltas(x, t);
            for (int l = 0; l < 2; l++) {
                for (int i = 0; i < expected[l].length; i++) {
                    for (int j = 0; j < expected[l][i].length; j++) {
                        assertThat(g[l][i][j]).as("dE/dw[%d][%d][%d]", l, i, j).isCloseTo(expected[l][i][j], within(1e-12));
                        assertThat(g[l][i][j]).as("dE/dw[%d][%d][%d] against the central difference", l, i, j)
                                .isCloseTo(plain.centralDifference(l, i, j, x, t), within(1e-7));
                    }
                }
                for (int j = 0; j < deltas[l].length; j++) {
                    assertThat(m.biasGradients()[l][j]).as("dE/db[%d][%d]", l, j).isCloseTo(deltas[l][j], within(1e-12));
                }
            }
        }

        @Test
        @DisplayName("rejects an input of the wrong length, naming it")
        void badInput() {
            Mlp m = Mlp.of(network(w, b), Nonlinearity.LOGISTIC);
            assertThat(m.output(leaves(0, 0)).get(0).data()).isCloseTo(0.5, within(1e-15));
            assertThatThrownBy(() -> m.output(leaves(1, 2, 3))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 3 entries but the network has 2 inputs");
            assertThatThrownBy(() -> m.loss(new double[] {1, 0}, new double[] {1, 0})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets has 2 entries but the network has 1 output");
        }
    }
}
