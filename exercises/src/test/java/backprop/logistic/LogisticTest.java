package backprop.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("ch3")
@DisplayName("The logistic function phi(z) = 1 / (1 + e^-z)")
class LogisticTest {

    private final Logistic phi = new Logistic();

    @Nested
    @Tag("ex3.1")
    @DisplayName("Exercise 3.1: its value (Eq. 3.1, 3.2)")
    class Value {

        @Test
        @DisplayName("is 1/2 at z = 0")
        void half() {
            assertThat(phi.value(0)).as("phi(0)").isCloseTo(0.5, within(1e-12));
        }

        @Test
        @DisplayName("is 3/4 at z = ln 3, since e^-ln3 = 1/3")
        void threeQuarters() {
            assertThat(phi.value(Math.log(3))).as("phi(ln 3)").isCloseTo(0.75, within(1e-12));
        }

        @Test
        @DisplayName("is 1/4 at z = -ln 3, where the safe form e^z / (1 + e^z) gives (1/3) / (4/3)")
        void oneQuarter() {
            assertThat(phi.value(-Math.log(3))).as("phi(-ln 3)").isCloseTo(0.25, within(1e-12));
        }
    }

    @Nested
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: its derivative from the net input (Eq. 3.3)")
    class Derivative {

        @Test
        @DisplayName("is 1/4 at z = 0, its maximum")
        void maximum() {
            assertThat(phi.derivative(0)).as("phi'(0)").isCloseTo(0.25, within(1e-12));
        }

        @Test
        @DisplayName("is 3/4 * 1/4 = 0.1875 at z = ln 3")
        void atLn3() {
            assertThat(phi.derivative(Math.log(3))).as("phi'(ln 3)").isCloseTo(0.1875, within(1e-12));
        }
    }

    @Nested
    @Tag("ex3.3")
    @DisplayName("Exercise 3.3: its derivative from the output (Eq. 3.4)")
    class DerivativeFromOutput {

        @ParameterizedTest(name = "o = {0} gives o(1 - o) = {1}")
        @CsvSource({"0.75, 0.1875", "0.5, 0.25", "0, 0", "1, 0"})
        @DisplayName("is o(1 - o)")
        void fromOutput(double o, double d) {
            assertThat(Logistic.derivativeFromOutput(o)).as("phi'").isCloseTo(d, within(1e-12));
        }
    }
}
