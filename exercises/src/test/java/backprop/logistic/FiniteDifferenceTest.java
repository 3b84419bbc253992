package backprop.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch3")
@Tag("ex3.4")
@DisplayName("Exercise 3.4: the central difference (Eq. 3.5)")
class FiniteDifferenceTest {

    @Test
    @DisplayName("of x^2 at x = 3 with h = 0.001 is 6: (3.001^2 - 2.999^2) / 0.002")
    void square() {
        assertThat(FiniteDifference.central(x -> x * x, 3, 1e-3)).as("d(x^2)/dx at 3").isCloseTo(6, within(1e-9));
    }

    @Test
    @DisplayName("of a straight line 2x + 1 is its slope 2, even with a large step h = 0.5")
    void line() {
        assertThat(FiniteDifference.central(x -> 2 * x + 1, -1, 0.5)).as("slope").isCloseTo(2, within(1e-12));
    }
}
