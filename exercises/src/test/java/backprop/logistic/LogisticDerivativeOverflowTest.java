package backprop.logistic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 3.2's headline: the derivative far from zero. phi'(z) = e^-z / (1 + e^-z)^2 written
 * out is infinity / infinity = NaN at z = -800; the exact value at |z| >= 710 is below 1e-300
 * (phi'(z) < e^-|z|), so 0 to double precision, and it is never negative.
 */
@Tag("ch3")
@Tag("ex3.2")
@DisplayName("Exercise 3.2: the logistic derivative far from zero, where e^|z| overflows")
class LogisticDerivativeOverflowTest {

    private final Logistic phi = new Logistic();

    @ParameterizedTest(name = "phi''({0}) = 0, not NaN")
    @ValueSource(doubles = {-1e4, -800, -710, 710, 800, 1e4})
    @DisplayName("is 0 for a large |z|")
    void vanishes(double z) {
        assertThat(phi.derivative(z)).as("phi'(%s)", z).isNotNaN().isBetween(0.0, 1e-300);
    }
}
