package backprop.singlelayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("ch2")
@Tag("ex2.3")
@DisplayName("Exercise 2.3: the derivative of the half squared error E = 1/2 (t - y)^2")
class ChainRuleTest {

    @ParameterizedTest(name = "t = {0}, y = {1} gives dE/dy = {2}")
    @CsvSource({
        "0, 0.25, 0.25",
        "1, 0.5, -0.5",
        // chapter 1's loss (t - y)^2 would give 2 here; the 1/2 cancels the factor 2
        "0, 1, 1",
        "3, 3, 0",
    })
    @DisplayName("is y - t, without the factor 2 of chapter 1 (Eq. 2.6)")
    void outputMinusTarget(double t, double y, double d) {
        assertThat(ChainRule.outputErrorDerivative(t, y)).as("dE/dy").isCloseTo(d, within(1e-12));
    }
}
