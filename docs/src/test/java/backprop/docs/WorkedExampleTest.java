package backprop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.autodiff.ForwardMode;
import backprop.autodiff.Graph;
import backprop.autodiff.Value;
import backprop.intuition.GradientDescent;
import backprop.intuition.LinearNeuron;
import backprop.intuition.SquaredError;
import backprop.intuition.TrainingCase;
import backprop.logistic.FiniteDifference;
import backprop.logistic.Logistic;
import backprop.logistic.Relu;
import backprop.loss.BatchLoss;
import backprop.loss.HalfSquaredError;
import backprop.loss.SoftmaxCrossEntropy;
import backprop.loss.WorstCaseLoss;
import backprop.network.Backpropagation;
import backprop.network.ForwardPass;
import backprop.network.GradientCheck;
import backprop.network.Gradients;
import backprop.network.Layer;
import backprop.network.Network;
import backprop.singlelayer.Activation;
import backprop.singlelayer.ChainRule;
import backprop.singlelayer.Example;
import backprop.singlelayer.Gradient;
import backprop.singlelayer.Neuron;
import backprop.singlelayer.Training;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The numbers of each chapter's worked example (the {@code [.worked-example]} block) agree with
 * the code, in both directions: every decimal number the text prints is a literal of the chapter's
 * visible tests (so the student's tests assert it), and the key results, recomputed here with the
 * reference code, are printed in the text.
 */
@DisplayName("The worked examples print the numbers that the visible tests assert and the code computes")
class WorkedExampleTest {

    /** A number as the text writes it: 0.25, -0.11691696, 2, 1e-6. */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE]-?\\d+)?(?![\\w])");

    static List<Integer> chapters() {
        return List.of(1, 2, 3, 4, 5, 7);
    }

    /** The text of the chapter's [.worked-example] block, without cross-references and equation tags. */
    static String example(int n) {
        List<String> lines = Book.lines(Book.chapter(n));
        StringBuilder block = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).strip().equals("[.worked-example]")) {
                String delimiter = lines.get(k + 1).strip();
                assertThat(delimiter).as("%s:%d: the worked example is a delimited block", Book.show(Book.chapter(n)), k + 2)
                        .matches("={4,}");
                for (int j = k + 2; j < lines.size() && !lines.get(j).strip().equals(delimiter); j++) {
                    block.append(lines.get(j)).append('\n');
                }
            }
        }
        assertThat(block).as("%s has a [.worked-example] block", Book.show(Book.chapter(n))).isNotEmpty();
        return block.toString()
                .replaceAll("<<[^>]*>>", " ")                // cross-references: (1.1), Figure 3
                .replaceAll("\\\\tag\\{[^}]*}", " ")         // equation numbers
                .replaceAll("\\{[a-z0-9-]+}", " ")            // attributes: numbers from the build's own runs
                .replaceAll("[Ee]xercises? \\d+\\.\\d+", " ") // exercise ids
                .replaceAll("\\\\ln\\s*\\d+(?:\\.\\d+)?", " "); // ln 3, ln 0.75: names of numbers, not printed values
    }

    /** The decimal numbers (those with a point) printed in the example. */
    static List<String> decimals(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (m.group().contains(".")) {
                out.add(m.group());
            }
        }
        return out;
    }

    static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }

    /** Every number in the chapter's visible tests, in code, names or comments. */
    static List<Double> testLiterals(int n) throws IOException {
        String pkg = Book.contributingChapters().get(n)[1];
        Path dir = Book.root().resolve("exercises/src/test/java").resolve(pkg.replace('.', '/'));
        List<Double> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith("Test.java")).collect(Collectors.toList())) {
                out.addAll(numbers(Book.read(f).replaceAll("(\\d)[dDfF]\\b", "$1")));
            }
        }
        return out;
    }

    /** Whether the printed number equals the value up to the digits printed. */
    static boolean shows(String printed, double value) {
        BigDecimal p = new BigDecimal(printed);
        double tolerance = 0.5 * Math.pow(10, -Math.max(p.scale(), 0)) + 1e-12;
        return Math.abs(p.doubleValue() - value) <= tolerance;
    }

    @ParameterizedTest(name = "chapter {0}")
    @MethodSource("chapters")
    @DisplayName("every decimal number in the worked example is asserted by the chapter's visible tests")
    void numbersAreAssertedByVisibleTests(int n) throws IOException {
        List<Double> literals = testLiterals(n);
        List<String> unknown = new ArrayList<>();
        for (String printed : decimals(example(n))) {
            boolean found = literals.stream().anyMatch(v -> shows(printed, Math.abs(v)) || shows(printed, -Math.abs(v)));
            if (!found) {
                unknown.add(printed);
            }
        }
        assertThat(unknown).as("%s: numbers of the worked example that no visible test of package %s contains",
                Book.show(Book.chapter(n)), Book.contributingChapters().get(n)[1]).isEmpty();
    }

    /** Asserts that the chapter's worked example prints {@code value} (to the digits it prints). */
    static void printed(int n, String what, double value) {
        String text = example(n);
        Matcher m = NUMBER.matcher(text);
        boolean found = false;
        while (m.find() && !found) {
            found = shows(m.group(), value);
        }
        assertThat(found).as("%s: the worked example should print %s = %s (computed by the reference code)",
                Book.show(Book.chapter(n)), what, value).isTrue();
    }

    @Nested
    @DisplayName("Recomputed with the reference code")
    class Recomputed {

        @Test
        @DisplayName("chapter 1: the case (1, 1, 0)")
        void chapter1() {
            TrainingCase c = new TrainingCase(1, 1, 0);
            double y = new LinearNeuron(0.5, -0.25).output(c);
            printed(1, "y", y);
            printed(1, "E", SquaredError.error(0, y));
            printed(1, "dE/dy", SquaredError.derivative(0, y));
            LinearNeuron start = new LinearNeuron(0.5, 0.5);
            printed(1, "dE/dw1 at (0.5, 0.5)", GradientDescent.gradient(start, List.of(c))[0]);
            List<LinearNeuron> path = GradientDescent.fit(start, List.of(c), 0.1, 2);
            printed(1, "w1 after one step", path.get(1).w1());
            printed(1, "w1 after two steps", path.get(2).w1());
            double[] g = GradientDescent.gradient(new LinearNeuron(0, 0),
                    List.of(new TrainingCase(1, 0, 1), new TrainingCase(0, 1, 0)));
            printed(1, "dE/dw1 of two cases", g[0]);
        }

        @Test
        @DisplayName("chapter 2: one neuron, its gradient, one update, one epoch")
        void chapter2() {
            Activation identity = new Activation() {
                @Override
                public double value(double z) {
                    return z;
                }

                @Override
                public double derivative(double z) {
                    return 1;
                }
            };
            Neuron neuron = new Neuron(new double[] {0.5, -0.25}, 0, identity);
            double[] x = {1, 1};
            printed(2, "net", neuron.netInput(x));
            printed(2, "dE/do", ChainRule.outputErrorDerivative(0, neuron.output(x)));
            Gradient g = neuron.gradient(x, 0);
            printed(2, "dE/dw1", g.weights()[0]);
            Neuron next = neuron.update(g, 0.4);
            printed(2, "w1 after the update", next.weights()[0]);
            printed(2, "w2 after the update", next.weights()[1]);
            printed(2, "b after the update", next.bias());
            Gradient lg = new Neuron(new double[] {0, 0}, 0, new Logistic()).gradient(new double[] {1, 2}, 1);
            printed(2, "logistic dE/dw1", lg.weights()[0]);
            printed(2, "logistic dE/dw2", lg.weights()[1]);
            Neuron trained = Training.train(new Neuron(new double[] {0}, 0, identity),
                    List.of(new Example(new double[] {1}, 1), new Example(new double[] {2}, 0)), 0.25, 1);
            printed(2, "w after one epoch", trained.weights()[0]);
            printed(2, "b after one epoch", trained.bias());
        }

        @Test
        @DisplayName("chapter 3: the logistic function at 0 and ln 3, a central difference, ReLU")
        void chapter3() {
            Logistic phi = new Logistic();
            printed(3, "phi(0)", phi.value(0));
            printed(3, "phi'(0)", phi.derivative(0));
            printed(3, "phi(ln 3)", phi.value(Math.log(3)));
            printed(3, "phi'(ln 3)", phi.derivative(Math.log(3)));
            printed(3, "o(1 - o) at o = 0.75", Logistic.derivativeFromOutput(0.75));
            printed(3, "phi(-ln 3)", phi.value(-Math.log(3)));
            printed(3, "central difference of x^2 at 3", FiniteDifference.central(v -> v * v, 3, 1e-3));
            printed(3, "relu(1.5)", new Relu().value(1.5));
        }

        @Test
        @DisplayName("chapter 4: the 2-2-2 network on x = (1, 0), t = (1, 0)")
        void chapter4() {
            Logistic phi = new Logistic();
            Layer hidden = new Layer(new double[][] {{0.5, -0.5}, {0.5, 0.5}}, new double[] {0, 0}, phi);
            Layer output = new Layer(new double[][] {{0.5, 0.25}, {-0.5, 0.5}}, new double[] {0, 0}, phi);
            Network network = new Network(List.of(hidden, output));
            double[] t = {1, 0};
            ForwardPass pass = Backpropagation.forward(network, new double[] {1, 0});
            printed(4, "o hidden 0", pass.outputs().get(1)[0]);
            printed(4, "o hidden 1", pass.outputs().get(1)[1]);
            for (int l = 0; l < 2; l++) {
                printed(4, "net output " + l, pass.netInputs().get(1)[l]);
                printed(4, "o output " + l, pass.output()[l]);
                printed(4, "phi'(net output " + l + ")", phi.derivative(pass.netInputs().get(1)[l]));
            }
            printed(4, "E", new HalfSquaredError().value(pass.output(), t));
            double[] deltaOut = Backpropagation.outputDeltas(output, pass.netInputs().get(1), pass.output(), t);
            printed(4, "delta output 0", deltaOut[0]);
            printed(4, "delta output 1", deltaOut[1]);
            printed(4, "phi'(0.5)", phi.derivative(0.5));
            double[] deltaHidden = Backpropagation.innerDeltas(hidden, pass.netInputs().get(0), output, deltaOut);
            printed(4, "delta hidden 0", deltaHidden[0]);
            printed(4, "delta hidden 1", deltaHidden[1]);
            Gradients g = Backpropagation.gradients(network, pass, t);
            for (int j = 0; j < 2; j++) {
                for (int l = 0; l < 2; l++) {
                    printed(4, "dE/dw from hidden " + j + " into output " + l, g.weights().get(1)[j][l]);
                }
            }
            Gradients numeric = GradientCheck.numericalGradients(network, new double[] {1, 0}, t, 1e-6);
            assertThat(GradientCheck.agree(g, numeric)).as("the example's gradients agree by Eq. (4.9)").isTrue();
            Network next = Backpropagation.update(network, g, 0.5);
            printed(4, "updated output weight from hidden 0 into output 0", next.layers().get(1).weights()[0][0]);
            printed(4, "updated output weight from hidden 0 into output 1", next.layers().get(1).weights()[0][1]);
            printed(4, "updated hidden w_00", next.layers().get(0).weights()[0][0]);
            printed(4, "updated hidden w_01", next.layers().get(0).weights()[0][1]);
            printed(4, "updated output bias 0", next.layers().get(1).biases()[0]);
            printed(4, "updated output bias 1", next.layers().get(1).biases()[1]);
        }

        @Test
        @DisplayName("chapter 5: half squared error, softmax with cross-entropy, a batch of two")
        void chapter5() {
            HalfSquaredError half = new HalfSquaredError();
            printed(5, "1/2 ||(1, 2) - (0, 2)||^2", half.value(new double[] {1, 2}, new double[] {0, 2}));
            double[] p = SoftmaxCrossEntropy.softmax(new double[] {0, Math.log(3)});
            printed(5, "p_1", p[0]);
            printed(5, "p_2", p[1]);
            printed(5, "cross-entropy", new SoftmaxCrossEntropy().value(new double[] {0, Math.log(3)}, new double[] {0, 1}));
            List<double[]> outputs = List.of(new double[] {1}, new double[] {3});
            List<double[]> targets = List.of(new double[] {0}, new double[] {0});
            printed(5, "batch average", BatchLoss.average(half, outputs, targets));
            printed(5, "batch gradient of the second example", BatchLoss.gradient(half, outputs, targets).get(1)[0]);
            printed(5, "worst case", WorstCaseLoss.value(half, outputs, targets));
        }

        @Test
        @DisplayName("chapter 7: f(x, y) = x y + tanh(x) at (0.5, 2), both modes")
        void chapter7() {
            Value x = new Value(0.5, "x");
            Value y = new Value(2, "y");
            Value b = x.tanh();
            Value f = x.multiply(y).add(b);
            Graph.backward(f);
            printed(7, "b = tanh 0.5", b.data());
            printed(7, "f", f.data());
            printed(7, "db/dx", b.localDerivative(0));
            printed(7, "df/dx", x.gradient());
            printed(7, "df/dy", y.gradient());
            double[] g = ForwardMode.gradient(in -> in.get(0).multiply(in.get(1)).add(in.get(0).tanh()), new double[] {0.5, 2});
            printed(7, "df/dx by forward mode", g[0]);
            printed(7, "df/dy by forward mode", g[1]);
        }
    }
}
