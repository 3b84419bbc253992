package backprop.logistic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 3.1's headline: the safe form. Past |z| = 709.8, e^|z| overflows to infinity, so
 * e^z / (1 + e^z) at a large positive z is infinity / infinity = NaN; the exact value there is 1
 * to double precision (1 - phi(z) = e^-z / (1 + e^-z) < 1e-300), and at a large negative z it
 * is 0 to double precision (e^z < 1e-300, below the smallest double).
 */
@Tag("ch3")
@Tag("ex3.1")
@DisplayName("Exercise 3.1: the logistic function far from zero, where e^|z| overflows")
class LogisticOverflowTest {

    private final Logistic phi = new Logistic();

    @ParameterizedTest(name = "phi({0}) = 1, not NaN")
    @ValueSource(doubles = {710, 800, 1e4})
    @DisplayName("is 1 for a large positive z")
    void one(double z) {
        assertThat(phi.value(z)).as("phi(%s)", z).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "phi({0}) = 0, not NaN")
    @ValueSource(doubles = {-710, -800, -1e4})
    @DisplayName("is 0 for a large negative z")
    void zero(double z) {
        assertThat(phi.value(z)).as("phi(%s)", z).isNotNaN().isBetween(0.0, 1e-300);
    }
}
