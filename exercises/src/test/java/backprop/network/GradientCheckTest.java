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
    @DisplayName("estimates dE/dw of the output weight from hidden 0 as -0.07277606")
    void outputWeight() {
        assertThat(numeric.weights().get(1)[0][0]).as("dE/dw").isCloseTo(-0.07277605526998729, within(1e-8));
    }

    @Test
    @DisplayName("estimates dE/dw_00 of the hidden layer as -0.01373796, and 0 for the input x_1 = 0")
    void hiddenWeights() {
        double[][] w = numeric.weights().get(0);
        assertThat(w[0][0]).as("dE/dw_00").isCloseTo(-0.013737960289560898, within(1e-8));
        assertThat(w[1][0]).as("dE/dw_10").isCloseTo(0, within(1e-8));
    }

    @Test
    @DisplayName("estimates the output bias's gradient as delta = -0.11691696")
    void bias() {
        assertThat(numeric.biases().get(1)[0]).as("dE/db").isCloseTo(-0.11691696408417575, within(1e-8));
    }
}
