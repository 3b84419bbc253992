package backprop.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch4")
@Tag("ex4.6")
@DisplayName("Exercise 4.6: the numerical gradient of the worked example (Eq. 3.5)")
class GradientCheckTest {

    private final Gradients numeric = GradientCheck.numericalGradients(
            BackpropagationTest.NETWORK, BackpropagationTest.X, BackpropagationTest.T, 1e-6);

    @Test
    @DisplayName("estimates dE/dw of the output weights from hidden 0 as -0.07277606 and 0.08842652")
    void outputWeights() {
        assertThat(numeric.weights().get(1)[0][0]).as("dE/dw hidden 0 -> output 0").isCloseTo(-0.07277605526998729, within(1e-8));
        assertThat(numeric.weights().get(1)[0][1]).as("dE/dw hidden 0 -> output 1").isCloseTo(0.08842652405633712, within(1e-8));
    }

    @Test
    @DisplayName("estimates dE/dw_00 of the hidden layer as -0.00539181, and 0 for the input x_1 = 0")
    void hiddenWeights() {
        double[][] w = numeric.weights().get(0);
        assertThat(w[0][0]).as("dE/dw_00").isCloseTo(-0.005391808031629696, within(1e-8));
        assertThat(w[1][0]).as("dE/dw_10").isCloseTo(0, within(1e-8));
    }

    @Test
    @DisplayName("estimates the output biases' gradients as the deltas -0.11691696 and 0.14205992")
    void biases() {
        assertThat(numeric.biases().get(1)[0]).as("dE/db output 0").isCloseTo(-0.11691696408417575, within(1e-8));
        assertThat(numeric.biases().get(1)[1]).as("dE/db output 1").isCloseTo(0.14205992202832232, within(1e-8));
    }

    @Test
    @DisplayName("agrees with the example's exact gradient by the rule of Eq. (4.9): scaled error at most 1e-6")
    void agreesWithTheExactGradient() {
        Gradients exact = BackpropagationTest.exactGradients();
        assertThat(GradientCheck.maxScaledError(exact, numeric)).as("scaled error").isLessThanOrEqualTo(1e-6);
        assertThat(GradientCheck.agree(exact, numeric)).as("agree").isTrue();
    }
}
