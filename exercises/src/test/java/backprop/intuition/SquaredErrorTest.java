package backprop.intuition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("ch1")
@DisplayName("The squared error E = (t - y)^2")
class SquaredErrorTest {

    @Nested
    @Tag("ex1.2")
    @DisplayName("Exercise 1.2: its value (Eq. 1.2)")
    class Value {

        @ParameterizedTest(name = "t = {0}, y = {1} gives E = {2}")
        @CsvSource({"0, 0.25, 0.0625", "0, 1, 1", "1, 3, 4", "-2, -2, 0"})
        @DisplayName("is the square of the difference, with no factor 1/2")
        void square(double t, double y, double e) {
            assertThat(SquaredError.error(t, y)).as("E").isCloseTo(e, within(1e-12));
        }
    }

    @Nested
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: its derivative (Eq. 1.3)")
    class Derivative {

        @ParameterizedTest(name = "t = {0}, y = {1} gives dE/dy = {2}")
        @CsvSource({"0, 0.25, 0.5", "0, 1, 2", "1, 0.5, -1", "3, 3, 0"})
        @DisplayName("is 2 (y - t): positive when the output is too large")
        void twiceTheDifference(double t, double y, double d) {
            assertThat(SquaredError.derivative(t, y)).as("dE/dy").isCloseTo(d, within(1e-12));
        }
    }
}
