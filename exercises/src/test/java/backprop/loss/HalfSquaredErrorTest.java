package backprop.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch5")
@Tag("ex5.1")
@DisplayName("Exercise 5.1: the half squared error 1/2 ||y - t||^2 (Eq. 5.3)")
class HalfSquaredErrorTest {

    private final Loss loss = new HalfSquaredError();

    @Test
    @DisplayName("of y = (1, 2) against t = (0, 2) is 1/2 (1^2 + 0^2) = 0.5")
    void value() {
        assertThat(loss.value(new double[] {1, 2}, new double[] {0, 2})).as("E").isCloseTo(0.5, within(1e-12));
    }

    @Test
    @DisplayName("of y = (0.5) against t = (1) is 0.125, with the factor 1/2")
    void halfFactor() {
        assertThat(loss.value(new double[] {0.5}, new double[] {1})).as("E").isCloseTo(0.125, within(1e-12));
    }

    @Test
    @DisplayName("has the gradient y - t = (1, 0) for y = (1, 2), t = (0, 2)")
    void gradient() {
        assertThat(loss.gradient(new double[] {1, 2}, new double[] {0, 2})).containsExactly(new double[] {1, 0}, within(1e-12));
    }

    @Test
    @DisplayName("has the gradient -0.5 for y = 0.5, t = 1: no factor 2")
    void gradientWithoutFactorTwo() {
        assertThat(loss.gradient(new double[] {0.5}, new double[] {1})).containsExactly(new double[] {-0.5}, within(1e-12));
    }
}
