package backprop.singlelayer;

import static backprop.testing.TestActivations.IDENTITY;
import static backprop.testing.TestActivations.LOGISTIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("ch2")
@Tag("ex2.6")
@DisplayName("Exercise 2.6: training one neuron by online gradient descent")
class TrainingTest {

    /** The chapter's start: a logistic neuron with all weights and the bias 0 (output 0.5 everywhere). */
    private static final Neuron START = new Neuron(new double[] {0, 0}, 0, LOGISTIC);

    @Test
    @DisplayName("updates after each example in turn: one epoch on (1, t = 1), (2, t = 0) gives w = -0.125, b = 0.0625")
    void onePassByHand() {
        // identity neuron, learning rate 0.25, start w = 0, b = 0
        // example 1: o = 0, dE/do = -1, so w = 0.25, b = 0.25
        // example 2: o = 0.25 * 2 + 0.25 = 0.75, dE/do = 0.75, so w = 0.25 - 0.25 * 0.75 * 2, b = 0.25 - 0.25 * 0.75
        List<Example> examples = List.of(new Example(new double[] {1}, 1), new Example(new double[] {2}, 0));
        Neuron trained = Training.train(new Neuron(new double[] {0}, 0, IDENTITY), examples, 0.25, 1);
        assertThat(trained.weights()[0]).as("w").isCloseTo(-0.125, within(1e-12));
        assertThat(trained.bias()).as("b").isCloseTo(0.0625, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LogicGate.class, names = {"AND", "OR"})
    @DisplayName("teaches a logistic neuron AND and OR: all four rows right after 200 epochs at learning rate 1")
    void learnsSeparableGates(LogicGate gate) {
        Neuron trained = Training.train(START, gate.examples(), 1.0, 200);
        assertThat(Training.correct(trained, gate.examples())).as("rows right for %s", gate).isEqualTo(4);
    }

    @Test
    @DisplayName("cannot teach one neuron XOR: one line cannot separate (0, 1) and (1, 0) from (0, 0) and (1, 1)")
    void failsOnXor() {
        Neuron trained = Training.train(START, LogicGate.XOR.examples(), 1.0, 200);
        assertThat(trained.weights()).as("the weights moved").isNotEqualTo(new double[] {0, 0});
        assertThat(Training.correct(trained, LogicGate.XOR.examples())).as("rows right for XOR").isLessThanOrEqualTo(3);
    }
}
