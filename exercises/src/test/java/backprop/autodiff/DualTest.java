package backprop.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward mode on the chapter's worked example, {@code f(x, y) = x y + tanh(x)} at x = 0.5, y = 2:
 *
 * <pre>
 * pass 1, dx = 1, dy = 0:  a = (1, 2), b = (0.46211715726000974, 0.7864477329659274),
 *                          f = (1.4621171572600098, 2.7864477329659274)
 * pass 2, dx = 0, dy = 1:  a = (1, 0.5), b = (0.46211715726000974, 0), f = (1.4621171572600098, 0.5)
 * </pre>
 */
@Tag("ch7")
@Tag("ex7.6")
@DisplayName("Exercise 7.6: dual numbers carry the derivative forward (Eq. 7.6)")
class DualTest {

    /** f(x, y) = x y + tanh(x) on dual numbers. */
    static Dual f(Dual x, Dual y) {
        return x.multiply(y).add(x.tanh());
    }

    @Nested
    @DisplayName("the worked example")
    class Example {

        @Test
        @DisplayName("pass 1 (x' = 1, y' = 0): a = (1, 2), b = (0.46211716, 0.78644773), f' = df/dx = 2.78644773")
        void byX() {
            Dual x = Dual.variable(0.5);
            Dual y = Dual.constant(2);
            Dual a = x.multiply(y);
            Dual b = x.tanh();
            assertThat(a.value()).as("a").isCloseTo(1, within(1e-15));
            assertThat(a.derivative()).as("a'").isCloseTo(2, within(1e-15));
            assertThat(b.value()).as("b").isCloseTo(0.46211715726000974, within(1e-15));
            assertThat(b.derivative()).as("b'").isCloseTo(0.7864477329659274, within(1e-15));
            Dual fx = f(x, y);
            assertThat(fx.value()).as("f").isCloseTo(1.4621171572600098, within(1e-15));
            assertThat(fx.derivative()).as("df/dx").isCloseTo(2.7864477329659274, within(1e-15));
        }

        @Test
        @DisplayName("pass 2 (x' = 0, y' = 1): a' = 0.5, b' = 0, f' = df/dy = 0.5")
        void byY() {
            Dual x = Dual.constant(0.5);
            Dual y = Dual.variable(2);
            assertThat(x.multiply(y).derivative()).as("a'").isCloseTo(0.5, within(1e-15));
            assertThat(x.tanh().derivative()).as("b'").isEqualTo(0);
            assertThat(f(x, y).derivative()).as("df/dy").isCloseTo(0.5, within(1e-15));
        }
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                Arguments.of("power 3", (UnaryOperator<Dual>) d -> d.power(3), (DoubleUnaryOperator) v -> Math.pow(v, 3), 1.5),
                Arguments.of("power -0.5", (UnaryOperator<Dual>) d -> d.power(-0.5), (DoubleUnaryOperator) v -> Math.pow(v, -0.5), 2.0),
                Arguments.of("exp", (UnaryOperator<Dual>) Dual::exp, (DoubleUnaryOperator) Math::exp, -0.7),
                Arguments.of("log", (UnaryOperator<Dual>) Dual::log, (DoubleUnaryOperator) Math::log, 3.0),
                Arguments.of("logistic", (UnaryOperator<Dual>) Dual::logistic, (DoubleUnaryOperator) Numeric::logistic, 0.8),
                Arguments.of("tanh", (UnaryOperator<Dual>) Dual::tanh, (DoubleUnaryOperator) Math::tanh, -1.2),
                Arguments.of("relu at 2", (UnaryOperator<Dual>) Dual::relu, (DoubleUnaryOperator) v -> Math.max(0, v), 2.0),
                Arguments.of("relu at -2", (UnaryOperator<Dual>) Dual::relu, (DoubleUnaryOperator) v -> Math.max(0, v), -2.0),
                Arguments.of("x * x", (UnaryOperator<Dual>) d -> d.multiply(d), (DoubleUnaryOperator) v -> v * v, -3.0),
                Arguments.of("x + x", (UnaryOperator<Dual>) d -> d.add(d), (DoubleUnaryOperator) v -> v + v, 0.3));
    }

    @ParameterizedTest(name = "{0} at {3}")
    @MethodSource("operations")
    @DisplayName("give f(a) and the chain rule f'(a) a' (here a' = 3), checked by central differences")
    void chainRule(String name, UnaryOperator<Dual> op, DoubleUnaryOperator f, double a) {
        Dual r = op.apply(new Dual(a, 3));
        assertThat(r.value()).as("%s: value", name).isCloseTo(f.applyAsDouble(a), within(1e-12));
        assertThat(r.derivative()).as("%s: derivative", name)
                .isCloseTo(3 * Numeric.centralDifference(f, a), within(1e-6 * Math.max(1, Math.abs(r.derivative()))));
    }

    @Test
    @DisplayName("reject the logarithm of 0 and a negative base with a fractional power, as the value nodes do")
    void badInput() {
        assertThat(Dual.variable(1).log().derivative()).isEqualTo(1);
        assertThatThrownBy(() -> Dual.variable(0).log()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("log needs a positive number but got 0.0");
        assertThatThrownBy(() -> Dual.variable(-8).power(1.0 / 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a negative number (-8.0) has no real power");
        assertThatThrownBy(() -> new Dual(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be a finite number but was NaN");
    }
}
