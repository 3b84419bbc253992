package backprop.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("ch3")
@Tag("ex3.5")
@DisplayName("Exercise 3.5: ReLU and its derivative (Eq. 3.6)")
class ReluTest {

    private final Relu relu = new Relu();

    @ParameterizedTest(name = "relu({0}) = {1}, relu''({0}) = {2}")
    @CsvSource({
        "-2, 0, 0",
        "1.5, 1.5, 1",
        // not differentiable at 0; the course's convention is relu'(0) = 0
        "0, 0, 0",
    })
    @DisplayName("is max(0, z), with slope 1 for z > 0 and 0 otherwise")
    void valueAndSlope(double z, double value, double slope) {
        assertThat(relu.value(z)).as("relu(%s)", z).isCloseTo(value, within(1e-12));
        assertThat(relu.derivative(z)).as("relu'(%s)", z).isCloseTo(slope, within(1e-12));
    }
}
