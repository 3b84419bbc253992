package backprop.singlelayer;

import static backprop.testing.TestActivations.IDENTITY;
import static backprop.testing.TestActivations.LOGISTIC;
import static backprop.testing.TestActivations.TANH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ch2")
@DisplayName("Chapter 2, hidden tests")
class SingleLayerHiddenTest {

    private static final List<Activation> ACTIVATIONS = List.of(IDENTITY, LOGISTIC, TANH);

    /** Three activations times a few seeds, for the randomized cases. */
    static Stream<Arguments> activationsAndSeeds() {
        return ACTIVATIONS.stream().flatMap(a -> IntStream.range(0, 4).mapToObj(s -> Arguments.of(a, s)));
    }

    private static double[] gaussians(Random rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    /** net = sum_k w_k x_k + b, written out with JDK arithmetic. */
    private static double net(double[] w, double b, double[] x) {
        double sum = b;
        for (int k = 0; k < w.length; k++) {
            sum += w[k] * x[k];
        }
        return sum;
    }

    /** The half squared error 1/2 (t - phi(net))^2 of one example, written out. */
    private static double halfError(double[] w, double b, Activation phi, double[] x, double t) {
        double d = t - phi.value(net(w, b, x));
        return 0.5 * d * d;
    }

    private static double[] with(double[] v, int i, double value) {
        double[] c = v.clone();
        c[i] = value;
        return c;
    }

    /** Online gradient descent written out: returns the weights followed by the bias. */
    private static double[] trainByHand(double[] w0, double b0, Activation phi, List<Example> examples,
            double eta, int epochs) {
        double[] w = w0.clone();
        double b = b0;
        for (int e = 0; e < epochs; e++) {
            for (Example example : examples) {
                double[] x = example.inputs();
                double z = net(w, b, x);
                double dEdnet = (phi.value(z) - example.target()) * phi.derivative(z);
                for (int k = 0; k < w.length; k++) {
                    w[k] -= eta * dEdnet * x[k];
                }
                b -= eta * dEdnet;
            }
        }
        double[] wb = new double[w.length + 1];
        System.arraycopy(w, 0, wb, 0, w.length);
        wb[w.length] = b;
        return wb;
    }

    private static List<Example> randomExamples(Random rng, int inputs, int count) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            examples.add(new Example(gaussians(rng, inputs), rng.nextGaussian()));
        }
        return examples;
    }

    @Nested
    @Tag("ex2.1")
    @DisplayName("Exercise 2.1: net input")
    class NetInput {

        @RepeatedTest(6)
        @DisplayName("equals sum_k w_k x_k + b for random neurons with 1 to 6 inputs")
        void random(RepetitionInfo info) {
            Random rng = new Random(2100 + info.getCurrentRepetition());
            int n = 1 + rng.nextInt(6);
            double[] w = gaussians(rng, n);
            double b = rng.nextGaussian();
            double[] x = gaussians(rng, n);
            assertThat(new Neuron(w, b, IDENTITY).netInput(x)).as("net").isCloseTo(net(w, b, x), within(1e-12));
        }

        @Test
        @DisplayName("pairs weight k with input k, and adds the bias exactly once")
        void pairsWeightsWithInputs() {
            double[] x = {2, 3, 5};
            for (int k = 0; k < 3; k++) {
                Neuron unit = new Neuron(with(new double[3], k, 1), 0, IDENTITY);
                assertThat(unit.netInput(x)).as("net with only w[%d] = 1", k).isCloseTo(x[k], within(1e-12));
            }
            Neuron biasOnly = new Neuron(new double[] {0, 0, 0}, 2.5, IDENTITY);
            assertThat(biasOnly.netInput(x)).as("net with only the bias").isCloseTo(2.5, within(1e-12));
            assertThat(biasOnly.inputs()).as("inputs()").isEqualTo(3);
        }

        @Test
        @DisplayName("rejects inputs of the wrong length, naming both counts")
        void wrongLength() {
            Neuron neuron = new Neuron(new double[] {1, 2}, 0, IDENTITY);
            assertThat(neuron.netInput(new double[] {1, 1})).isCloseTo(3, within(1e-12));
            assertThatThrownBy(() -> neuron.netInput(new double[] {1, 1, 1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 3 entries but the neuron has 2 weights");
            assertThatThrownBy(() -> neuron.netInput(new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 1 entries but the neuron has 2 weights");
        }

        @Test
        @DisplayName("rejects a NaN input and a missing input array")
        void nanAndNull() {
            Neuron neuron = new Neuron(new double[] {1, 2}, 1, IDENTITY);
            assertThat(neuron.netInput(new double[] {1, 1})).isCloseTo(4, within(1e-12));
            assertThatThrownBy(() -> neuron.netInput(new double[] {1, Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs[1] must be a finite number but was NaN");
            assertThatThrownBy(() -> neuron.netInput(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs must not be null");
        }

        @Test
        @DisplayName("works on a neuron that copies its weights and rejects bad weights, bias or activation")
        void neuronIsAValidatedValue() {
            double[] w = {1, -1};
            Neuron neuron = new Neuron(w, 0.5, IDENTITY);
            w[0] = 100;
            neuron.weights()[1] = 100;
            assertThat(neuron.netInput(new double[] {2, 1})).as("net after outside edits").isCloseTo(1.5, within(1e-12));
            assertThatThrownBy(() -> new Neuron(new double[0], 0, IDENTITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights is empty; a neuron needs at least one input");
            assertThatThrownBy(() -> new Neuron(new double[] {Double.NaN}, 0, IDENTITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights[0] must be a finite number but was NaN");
            assertThatThrownBy(() -> new Neuron(new double[] {1}, Double.POSITIVE_INFINITY, IDENTITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bias must be a finite number but was Infinity");
            assertThatThrownBy(() -> new Neuron(new double[] {1}, 0, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("activation must not be null");
        }
    }

    @Nested
    @Tag("ex2.2")
    @DisplayName("Exercise 2.2: output")
    class Output {

        @RepeatedTest(5)
        @DisplayName("equals phi(sum_k w_k x_k + b) for the identity, logistic and tanh activations")
        void random(RepetitionInfo info) {
            Random rng = new Random(2200 + info.getCurrentRepetition());
            int n = 1 + rng.nextInt(5);
            double[] w = gaussians(rng, n);
            double b = rng.nextGaussian();
            double[] x = gaussians(rng, n);
            for (Activation phi : ACTIVATIONS) {
                assertThat(new Neuron(w, b, phi).output(x)).as("o with %s", phi)
                        .isCloseTo(phi.value(net(w, b, x)), within(1e-12));
            }
        }

        @Test
        @DisplayName("applies phi to the net input including the bias: w = 0, b = 1 gives logistic(1), whatever x")
        void biasInsidePhi() {
            Neuron neuron = new Neuron(new double[] {0}, 1, LOGISTIC);
            assertThat(neuron.output(new double[] {5})).as("o").isCloseTo(Numeric.logistic(1), within(1e-12));
        }

        @Test
        @DisplayName("rejects inputs of the wrong length")
        void wrongLength() {
            Neuron neuron = new Neuron(new double[] {1, 2}, 0, TANH);
            assertThat(neuron.output(new double[] {0.5, 0})).isCloseTo(Math.tanh(0.5), within(1e-12));
            assertThatThrownBy(() -> neuron.output(new double[] {1, 1, 1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 3 entries but the neuron has 2 weights");
        }
    }

    @Nested
    @Tag("ex2.3")
    @DisplayName("Exercise 2.3: derivative of the half squared error")
    class OutputErrorDerivative {

        @RepeatedTest(5)
        @DisplayName("matches a central difference of 1/2 (t - y)^2")
        void finiteDifference(RepetitionInfo info) {
            Random rng = new Random(2300 + info.getCurrentRepetition());
            double t = rng.nextGaussian();
            double y = rng.nextGaussian();
            double numeric = Numeric.centralDifference(v -> 0.5 * (t - v) * (t - v), y);
            assertThat(ChainRule.outputErrorDerivative(t, y)).as("dE/dy").isCloseTo(numeric, within(1e-7));
        }

        @Test
        @DisplayName("is y - t, half of chapter 1's 2 (y - t): t = 1, y = 4 gives 3, not 6")
        void noFactorTwo() {
            assertThat(ChainRule.outputErrorDerivative(1, 4)).as("dE/dy").isCloseTo(3, within(1e-12));
        }

        @Test
        @DisplayName("is positive when the output is too large and negative when too small")
        void sign() {
            assertThat(ChainRule.outputErrorDerivative(0, 0.25)).as("y > t").isCloseTo(0.25, within(1e-12));
            assertThat(ChainRule.outputErrorDerivative(0.25, 0)).as("y < t").isCloseTo(-0.25, within(1e-12));
        }

        @Test
        @DisplayName("rejects a NaN target and an infinite output, naming them")
        void rejectsNonFinite() {
            assertThat(ChainRule.outputErrorDerivative(2, 1)).isCloseTo(-1, within(1e-12));
            assertThatThrownBy(() -> ChainRule.outputErrorDerivative(Double.NaN, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target must be a finite number but was NaN");
            assertThatThrownBy(() -> ChainRule.outputErrorDerivative(0, Double.NEGATIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output must be a finite number but was -Infinity");
        }
    }

    @Nested
    @Tag("ex2.4")
    @DisplayName("Exercise 2.4: gradient by the chain rule")
    class Gradients {

        @ParameterizedTest(name = "{0}, seed {1}")
        @MethodSource("backprop.singlelayer.SingleLayerHiddenTest#activationsAndSeeds")
        @DisplayName("matches central differences of E(w, b) = 1/2 (t - phi(net))^2 for every weight and the bias")
        void finiteDifference(Activation phi, int seed) {
            Random rng = new Random(2400 + seed);
            int n = 1 + rng.nextInt(5);
            double[] w = gaussians(rng, n);
            double b = rng.nextGaussian();
            double[] x = gaussians(rng, n);
            double t = rng.nextDouble();
            Gradient g = new Neuron(w, b, phi).gradient(x, t);
            double[] dw = g.weights();
            assertThat(dw).hasSize(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                double numeric = Numeric.centralDifference(v -> halfError(with(w, k, v), b, phi, x, t), w[k]);
                assertThat(dw[i]).as("dE/dw[%d]", i).isCloseTo(numeric, within(1e-7));
            }
            double numericBias = Numeric.centralDifference(v -> halfError(w, v, phi, x, t), b);
            assertThat(g.bias()).as("dE/db").isCloseTo(numericBias, within(1e-7));
        }

        @RepeatedTest(4)
        @DisplayName("is the product (o - t) * phi'(net) * x_i, with phi' taken at the net input (tanh)")
        void productOfThreeFactors(RepetitionInfo info) {
            Random rng = new Random(2450 + info.getCurrentRepetition());
            double[] w = gaussians(rng, 3);
            double b = rng.nextGaussian();
            double[] x = gaussians(rng, 3);
            double t = rng.nextGaussian();
            double z = net(w, b, x);
            double o = Math.tanh(z);
            double dEdnet = (o - t) * (1 - Math.tanh(z) * Math.tanh(z));
            Gradient g = new Neuron(w, b, TANH).gradient(x, t);
            for (int i = 0; i < 3; i++) {
                assertThat(g.weights()[i]).as("dE/dw[%d]", i).isCloseTo(dEdnet * x[i], within(1e-12));
            }
            assertThat(g.bias()).as("dE/db").isCloseTo(dEdnet, within(1e-12));
        }

        @Test
        @DisplayName("includes the activation's slope phi'(net): logistic, w = 1, x = 2, t = 0")
        void includesActivationDerivative() {
            double o = Numeric.logistic(2);
            double expected = o * o * (1 - o) * 2;
            Gradient g = new Neuron(new double[] {1}, 0, LOGISTIC).gradient(new double[] {2}, 0);
            assertThat(g.weights()[0]).as("dE/dw[0] = o * o(1 - o) * x, not o * x").isCloseTo(expected, within(1e-12));
        }

        @Test
        @DisplayName("belongs to the half squared error: identity, w = 1, x = 1, t = 0 gives 1, not 2")
        void halfSquaredError() {
            Gradient g = new Neuron(new double[] {1}, 0, IDENTITY).gradient(new double[] {1}, 0);
            assertThat(g.weights()[0]).as("dE/dw[0]").isCloseTo(1, within(1e-12));
            assertThat(g.bias()).as("dE/db").isCloseTo(1, within(1e-12));
        }

        @Test
        @DisplayName("treats the bias as the weight of the constant input 1, not of some x_i")
        void biasSeesOne() {
            // identity, w = (0, 0), b = 0, t = 1: dE/dnet = -1
            Gradient g = new Neuron(new double[] {0, 0}, 0, IDENTITY).gradient(new double[] {3, -2}, 1);
            assertThat(g.weights()[0]).as("dE/dw[0]").isCloseTo(-3, within(1e-12));
            assertThat(g.weights()[1]).as("dE/dw[1]").isCloseTo(2, within(1e-12));
            assertThat(g.bias()).as("dE/db").isCloseTo(-1, within(1e-12));
        }

        @Test
        @DisplayName("rejects a NaN target and inputs of the wrong length")
        void rejectsBadInput() {
            Neuron neuron = new Neuron(new double[] {1, 1}, 0, IDENTITY);
            assertThat(neuron.gradient(new double[] {1, 1}, 2).bias()).isCloseTo(0, within(1e-12));
            assertThatThrownBy(() -> neuron.gradient(new double[] {1, 1}, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target must be a finite number but was NaN");
            assertThatThrownBy(() -> neuron.gradient(new double[] {1}, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 1 entries but the neuron has 2 weights");
        }

        @Test
        @DisplayName("comes as a gradient value that copies its array and rejects NaN")
        void gradientIsAValidatedValue() {
            Gradient g = new Neuron(new double[] {2}, 0, IDENTITY).gradient(new double[] {1}, 0);
            g.weights()[0] = 100;
            assertThat(g.weights()[0]).as("dE/dw[0] after an outside edit").isCloseTo(2, within(1e-12));
            double[] dw = {1};
            Gradient made = new Gradient(dw, 0);
            dw[0] = 100;
            assertThat(made.weights()).containsExactly(1);
            assertThatThrownBy(() -> new Gradient(new double[] {Double.NaN}, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weights[0] must be a finite number but was NaN");
            assertThatThrownBy(() -> new Gradient(new double[] {0}, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bias must be a finite number but was NaN");
        }
    }

    @Nested
    @Tag("ex2.5")
    @DisplayName("Exercise 2.5: update")
    class Update {

        @RepeatedTest(5)
        @DisplayName("subtracts learningRate times the gradient from every weight and from the bias")
        void random(RepetitionInfo info) {
            Random rng = new Random(2500 + info.getCurrentRepetition());
            int n = 1 + rng.nextInt(5);
            double[] w = gaussians(rng, n);
            double b = rng.nextGaussian();
            double[] dw = gaussians(rng, n);
            double db = rng.nextGaussian();
            double eta = 0.01 + rng.nextDouble();
            Neuron next = new Neuron(w, b, TANH).update(new Gradient(dw, db), eta);
            assertThat(next.weights()).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(next.weights()[i]).as("w[%d]", i).isCloseTo(w[i] - eta * dw[i], within(1e-12));
            }
            assertThat(next.bias()).as("b").isCloseTo(b - eta * db, within(1e-12));
            assertThat(next.activation()).as("activation").isSameAs(TANH);
        }

        @RepeatedTest(5)
        @DisplayName("descends: a small step along the written-out gradient lowers the error")
        void descends(RepetitionInfo info) {
            Random rng = new Random(2550 + info.getCurrentRepetition());
            double[] w = gaussians(rng, 2);
            double b = rng.nextGaussian();
            double[] x = gaussians(rng, 2);
            double t = rng.nextDouble();
            double z = net(w, b, x);
            double dEdnet = (Numeric.logistic(z) - t) * Numeric.logistic(z) * (1 - Numeric.logistic(z));
            Gradient g = new Gradient(new double[] {dEdnet * x[0], dEdnet * x[1]}, dEdnet);
            Neuron next = new Neuron(w, b, LOGISTIC).update(g, 0.05);
            assertThat(halfError(next.weights(), next.bias(), LOGISTIC, x, t)).as("error after the step")
                    .isLessThan(halfError(w, b, LOGISTIC, x, t));
        }

        @Test
        @DisplayName("updates the bias even when every weight's gradient is 0")
        void updatesTheBias() {
            Neuron next = new Neuron(new double[] {1, 2}, 3, IDENTITY).update(new Gradient(new double[] {0, 0}, 2), 0.5);
            assertThat(next.weights()).containsExactly(1, 2);
            assertThat(next.bias()).as("b").isCloseTo(2, within(1e-12));
        }

        @ParameterizedTest(name = "learning rate {0}")
        @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("rejects a learning rate that is not a finite number greater than 0")
        void rejectsBadLearningRate(double eta) {
            Neuron neuron = new Neuron(new double[] {1}, 0, IDENTITY);
            Gradient g = new Gradient(new double[] {1}, 1);
            assertThat(neuron.update(g, 0.5).weights()[0]).isCloseTo(0.5, within(1e-12));
            assertThatThrownBy(() -> neuron.update(g, eta))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was " + eta);
        }

        @Test
        @DisplayName("rejects a gradient with the wrong number of weights, or none at all")
        void rejectsBadGradient() {
            Neuron neuron = new Neuron(new double[] {1, 1}, 0, IDENTITY);
            assertThat(neuron.update(new Gradient(new double[] {1, -1}, 0), 1).weights()).containsExactly(0, 2);
            assertThatThrownBy(() -> neuron.update(new Gradient(new double[] {1, 1, 1}, 0), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gradient has 3 weights but the neuron has 2 weights");
            assertThatThrownBy(() -> neuron.update(null, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("gradient must not be null");
        }
    }

    @Nested
    @Tag("ex2.6")
    @DisplayName("Exercise 2.6: training")
    class Train {

        @ParameterizedTest(name = "{0}, seed {1}")
        @MethodSource("backprop.singlelayer.SingleLayerHiddenTest#activationsAndSeeds")
        @DisplayName("takes exactly one step per example, in list order, for every epoch")
        void matchesOnlineDescentByHand(Activation phi, int seed) {
            Random rng = new Random(2600 + seed);
            int n = 1 + rng.nextInt(3);
            List<Example> examples = randomExamples(rng, n, 1 + rng.nextInt(5));
            double[] w = gaussians(rng, n);
            double b = rng.nextGaussian();
            int epochs = 1 + rng.nextInt(4);
            double[] expected = trainByHand(w, b, phi, examples, 0.1, epochs);
            Neuron trained = Training.train(new Neuron(w, b, phi), examples, 0.1, epochs);
            for (int i = 0; i < n; i++) {
                assertThat(trained.weights()[i]).as("w[%d]", i).isCloseTo(expected[i], within(1e-12));
            }
            assertThat(trained.bias()).as("b").isCloseTo(expected[n], within(1e-12));
            assertThat(trained.activation()).as("activation").isSameAs(phi);
        }

        @Test
        @DisplayName("visits the examples in list order: reversing the list changes the result")
        void order() {
            List<Example> forward = List.of(new Example(new double[] {1, 0}, 1), new Example(new double[] {1, 2}, 0),
                    new Example(new double[] {-1, 1}, 1));
            List<Example> backward = List.of(forward.get(2), forward.get(1), forward.get(0));
            double[] w = {0.2, -0.3};
            for (List<Example> examples : List.of(forward, backward)) {
                double[] expected = trainByHand(w, 0.1, LOGISTIC, examples, 0.5, 3);
                Neuron trained = Training.train(new Neuron(w, 0.1, LOGISTIC), examples, 0.5, 3);
                assertThat(trained.weights()[0]).as("w[0]").isCloseTo(expected[0], within(1e-12));
                assertThat(trained.weights()[1]).as("w[1]").isCloseTo(expected[1], within(1e-12));
                assertThat(trained.bias()).as("b").isCloseTo(expected[2], within(1e-12));
            }
            assertThat(trainByHand(w, 0.1, LOGISTIC, forward, 0.5, 3)[0])
                    .as("the order matters for online descent")
                    .isNotCloseTo(trainByHand(w, 0.1, LOGISTIC, backward, 0.5, 3)[0], within(1e-6));
        }

        @Test
        @DisplayName("with 0 epochs returns the start unchanged, which gets no row right (every output is exactly 0.5)")
        void zeroEpochs() {
            Neuron start = new Neuron(new double[] {0, 0}, 0, LOGISTIC);
            Neuron trained = Training.train(start, LogicGate.AND.examples(), 1.0, 0);
            assertThat(trained.weights()).containsExactly(0, 0);
            assertThat(trained.bias()).isEqualTo(0);
            assertThat(Training.correct(trained, LogicGate.AND.examples())).as("rows right at output 0.5").isZero();
        }

        @RepeatedTest(5)
        @DisplayName("teaches a logistic neuron AND and OR from random starts, but never all of XOR")
        void logicGates(RepetitionInfo info) {
            Random rng = new Random(2650 + info.getCurrentRepetition());
            Neuron start = new Neuron(gaussians(rng, 2), rng.nextGaussian(), LOGISTIC);
            assertThat(Training.correct(Training.train(start, LogicGate.AND.examples(), 1.0, 500),
                    LogicGate.AND.examples())).as("AND rows right").isEqualTo(4);
            assertThat(Training.correct(Training.train(start, LogicGate.OR.examples(), 1.0, 500),
                    LogicGate.OR.examples())).as("OR rows right").isEqualTo(4);
            assertThat(Training.correct(Training.train(start, LogicGate.XOR.examples(), 1.0, 500),
                    LogicGate.XOR.examples())).as("XOR rows right").isLessThanOrEqualTo(3);
        }

        @Test
        @DisplayName("keeps a start that is already right for 0 epochs, judged by correct(), which counts outputs on the target's side of 0.5")
        void countsRowsOnTheRightSide() {
            // logistic, w = (10, 10), b = -5: outputs about 0.007, 0.993, 0.993, 1.0; 0 epochs change nothing
            Neuron trained = Training.train(new Neuron(new double[] {10, 10}, -5, LOGISTIC), LogicGate.OR.examples(), 1.0, 0);
            assertThat(trained.weights()).as("weights after 0 epochs").containsExactly(10, 10);
            assertThat(Training.correct(trained, LogicGate.OR.examples())).as("OR").isEqualTo(4);
            assertThat(Training.correct(trained, LogicGate.AND.examples())).as("AND").isEqualTo(2);
            assertThat(Training.correct(trained, LogicGate.XOR.examples())).as("XOR").isEqualTo(3);
            assertThatThrownBy(() -> Training.correct(trained, List.of(new Example(new double[] {1, 2, 3}, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("examples[0] has 3 inputs but the neuron has 2 weights");
            double[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
            double[][] targets = {{0, 0, 0, 1}, {0, 1, 1, 1}, {0, 1, 1, 0}};
            for (LogicGate gate : LogicGate.values()) {
                List<Example> rows = gate.examples();
                assertThat(rows).as("%s rows", gate).hasSize(4);
                for (int r = 0; r < 4; r++) {
                    assertThat(rows.get(r).inputs()).as("%s row %d inputs", gate, r).containsExactly(inputs[r]);
                    assertThat(rows.get(r).target()).as("%s row %d target", gate, r).isEqualTo(targets[gate.ordinal()][r]);
                }
            }
            assertThatThrownBy(() -> Training.correct(null, LogicGate.OR.examples()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("neuron must not be null");
        }

        @Test
        @DisplayName("rejects a negative number of epochs and a learning rate of 0")
        void rejectsBadSchedule() {
            Neuron start = new Neuron(new double[] {0}, 0, IDENTITY);
            List<Example> one = List.of(new Example(new double[] {1}, 1));
            assertThat(Training.train(start, one, 0.5, 1).bias()).isCloseTo(0.5, within(1e-12));
            assertThatThrownBy(() -> Training.train(start, one, 0.5, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("epochs must not be negative but was -1");
            assertThatThrownBy(() -> Training.train(start, one, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was 0.0");
            assertThatThrownBy(() -> Training.train(start, one, Double.NaN, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was NaN");
        }

        @Test
        @DisplayName("rejects an empty training set, a missing start and an example with the wrong number of inputs")
        void rejectsBadExamples() {
            Neuron start = new Neuron(new double[] {0, 0}, 0, IDENTITY);
            List<Example> two = List.of(new Example(new double[] {1, 0}, 1), new Example(new double[] {0, 1}, 1));
            assertThat(Training.train(start, two, 0.5, 1).weights()).containsExactly(0.5, 0.25);
            assertThatThrownBy(() -> Training.train(start, List.of(), 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("examples is empty; it needs at least one element");
            assertThatThrownBy(() -> Training.train(null, two, 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("start must not be null");
            List<Example> mixed = List.of(two.get(0), new Example(new double[] {1, 2, 3}, 0));
            assertThatThrownBy(() -> Training.train(start, mixed, 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("examples[1] has 3 inputs but the neuron has 2 weights");
        }

        @Test
        @DisplayName("trains on examples that copy their inputs and reject empty or NaN ones")
        void examplesAreValidatedValues() {
            double[] x = {1};
            Example example = new Example(x, 1);
            x[0] = 100;
            example.inputs()[0] = 100;
            Neuron trained = Training.train(new Neuron(new double[] {0}, 0, IDENTITY), List.of(example), 0.5, 1);
            assertThat(trained.weights()[0]).as("w after one step on (1, t = 1)").isCloseTo(0.5, within(1e-12));
            assertThatThrownBy(() -> new Example(new double[0], 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs is empty; an example needs at least one input");
            assertThatThrownBy(() -> new Example(new double[] {1}, Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target must be a finite number but was NaN");
            assertThatThrownBy(() -> new Example(null, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs must not be null");
        }
    }
}
