package backprop.singlelayer;

import static backprop.testing.TestActivations.IDENTITY;
import static backprop.testing.TestActivations.LOGISTIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("ch2")
@DisplayName("A neuron with weights, a bias and an activation")
class NeuronTest {

    @Nested
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: the net input (Eq. 2.1)")
    class NetInput {

        @ParameterizedTest(name = "w = ({0}, {1}), b = {2}, x = ({3}, {4}) gives net = {5}")
        @CsvSource({
            "0.5, -0.25, 0, 1, 1, 0.25",
            "0.5, -0.25, 0.1, 1, 2, 0.1",
            "2, -1, 0.5, 1, 1, 1.5",
            "0, 0, -3, 7, 9, -3",
        })
        @DisplayName("is the weighted sum of the inputs plus the bias")
        void weightedSumPlusBias(double w1, double w2, double b, double x1, double x2, double net) {
            Neuron neuron = new Neuron(new double[] {w1, w2}, b, IDENTITY);
            assertThat(neuron.netInput(new double[] {x1, x2})).as("net").isCloseTo(net, within(1e-12));
        }

        @Test
        @DisplayName("works for a neuron with one input: w = 3, b = 1, x = 2 gives 7")
        void oneInput() {
            Neuron neuron = new Neuron(new double[] {3}, 1, IDENTITY);
            assertThat(neuron.netInput(new double[] {2})).as("net").isCloseTo(7, within(1e-12));
        }
    }

    @Nested
    @Tag("ex2.2")
    @DisplayName("Exercise 2.2: the output (Eq. 2.2)")
    class Output {

        @Test
        @DisplayName("of the identity neuron is its net input: 1.5 for w = (2, -1), b = 0.5, x = (1, 1)")
        void identity() {
            Neuron neuron = new Neuron(new double[] {2, -1}, 0.5, IDENTITY);
            assertThat(neuron.output(new double[] {1, 1})).as("o").isCloseTo(1.5, within(1e-12));
        }

        @Test
        @DisplayName("of a logistic neuron is 0.5 when the net input is 0")
        void logisticAtZero() {
            Neuron neuron = new Neuron(new double[] {1, 1}, -2, LOGISTIC);
            assertThat(neuron.output(new double[] {1, 1})).as("o").isCloseTo(0.5, within(1e-12));
        }

        @Test
        @DisplayName("of a logistic neuron is 0.75 when the net input is ln 3")
        void logisticAtLn3() {
            Neuron neuron = new Neuron(new double[] {Math.log(3)}, 0, LOGISTIC);
            assertThat(neuron.output(new double[] {1})).as("o").isCloseTo(0.75, within(1e-12));
        }
    }

    @Nested
    @Tag("ex2.4")
    @DisplayName("Exercise 2.4: the gradient by the chain rule (Eq. 2.3)")
    class GradientOfOneExample {

        @Test
        @DisplayName("of the identity neuron w = (0.5, -0.25), b = 0 on x = (1, 1), t = 0 is 0.25 everywhere")
        void identity() {
            Gradient g = new Neuron(new double[] {0.5, -0.25}, 0, IDENTITY).gradient(new double[] {1, 1}, 0);
            // dE/do = 0.25 - 0 (Eq. 2.6), do/dnet = 1 (Eq. 2.5), dnet/dw_i = x_i = 1 (Eq. 2.4)
            assertThat(g.weights()).hasSize(2);
            assertThat(g.weights()[0]).as("dE/dw[0]").isCloseTo(0.25, within(1e-12));
            assertThat(g.weights()[1]).as("dE/dw[1]").isCloseTo(0.25, within(1e-12));
            assertThat(g.bias()).as("dE/db").isCloseTo(0.25, within(1e-12));
        }

        @Test
        @DisplayName("of a logistic neuron at net = 0 on x = (1, 2), t = 1 is (-0.125, -0.25) and -0.125 for the bias")
        void logistic() {
            Gradient g = new Neuron(new double[] {0, 0}, 0, LOGISTIC).gradient(new double[] {1, 2}, 1);
            // dE/do = 0.5 - 1 = -0.5, do/dnet = 0.5 * 0.5 = 0.25, so dE/dnet = -0.125
            assertThat(g.weights()[0]).as("dE/dw[0]").isCloseTo(-0.125, within(1e-12));
            assertThat(g.weights()[1]).as("dE/dw[1]").isCloseTo(-0.25, within(1e-12));
            assertThat(g.bias()).as("dE/db").isCloseTo(-0.125, within(1e-12));
        }

        @Test
        @DisplayName("is zero when the output already equals the target")
        void zeroAtTheTarget() {
            Gradient g = new Neuron(new double[] {1, 1}, 0, IDENTITY).gradient(new double[] {1, 2}, 3);
            assertThat(g.weights()[0]).as("dE/dw[0]").isCloseTo(0, within(1e-12));
            assertThat(g.weights()[1]).as("dE/dw[1]").isCloseTo(0, within(1e-12));
            assertThat(g.bias()).as("dE/db").isCloseTo(0, within(1e-12));
        }
    }

    @Nested
    @Tag("ex2.5")
    @DisplayName("Exercise 2.5: the update (Eq. 2.7)")
    class Update {

        @Test
        @DisplayName("with learning rate 0.4 moves w = (0.5, -0.25), b = 0 against its own gradient 0.25 to (0.4, -0.35), b = -0.1")
        void movesAgainstTheGradient() {
            // the neuron of the worked example: on x = (1, 1), t = 0 its gradient is 0.25 for w1, w2 and b
            Neuron neuron = new Neuron(new double[] {0.5, -0.25}, 0, IDENTITY);
            Neuron next = neuron.update(new Gradient(new double[] {0.25, 0.25}, 0.25), 0.4);
            assertThat(next.weights()).hasSize(2);
            assertThat(next.weights()[0]).as("w[0]").isCloseTo(0.4, within(1e-12));
            assertThat(next.weights()[1]).as("w[1]").isCloseTo(-0.35, within(1e-12));
            assertThat(next.bias()).as("b").isCloseTo(-0.1, within(1e-12));
            assertThat(next.activation()).as("activation").isSameAs(IDENTITY);
        }

        @Test
        @DisplayName("returns a new neuron and leaves the old one as it was")
        void leavesTheOldNeuron() {
            Neuron neuron = new Neuron(new double[] {0.5, -0.25}, 0.1, IDENTITY);
            Neuron next = neuron.update(new Gradient(new double[] {1, 1}, 1), 0.1);
            assertThat(next.weights()[0]).as("new w[0]").isCloseTo(0.4, within(1e-12));
            assertThat(neuron.weights()).as("old weights").containsExactly(0.5, -0.25);
            assertThat(neuron.bias()).as("old bias").isEqualTo(0.1);
        }
    }
}
