package backprop.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The nodes of the chapter's worked example, {@code f(x, y) = x y + tanh(x)} at x = 0.5, y = 2:
 *
 * <pre>
 * a = x y     = 1                   da/dx = y = 2, da/dy = x = 0.5
 * b = tanh x  = 0.46211715726000974 db/dx = 1 - tanh(x)^2 = 0.7864477329659274
 * f = a + b   = 1.4621171572600098  df/da = 1, df/db = 1
 * </pre>
 */
@Tag("ch7")
@DisplayName("Chapter 7: value nodes and their local derivatives")
class ValueTest {

    /** The local derivative of a one-input node, checked against the central difference of the JDK's function. */
    static void slopeMatches(Value node, DoubleUnaryOperator f, double x) {
        assertThat(node.localDerivative(0)).as("local derivative at %s", x)
                .isCloseTo(Numeric.centralDifference(f, x), within(1e-6 * Math.max(1, Math.abs(node.localDerivative(0)))));
    }

    @Nested
    @Tag("ex7.1")
    @DisplayName("Exercise 7.1: sum and product nodes (Eq. 7.1)")
    class SumAndProduct {

        @Test
        @DisplayName("a = x y is 1 at x = 0.5, y = 2, with the local derivatives y = 2 and x = 0.5")
        void product() {
            Value x = new Value(0.5, "x");
            Value y = new Value(2, "y");
            Value a = x.multiply(y);
            assertThat(a.data()).as("a").isCloseTo(1, within(1e-15));
            assertThat(a.inputs()).as("inputs of a").containsExactly(x, y);
            assertThat(a.localDerivative(0)).as("da/dx").isCloseTo(2, within(1e-15));
            assertThat(a.localDerivative(1)).as("da/dy").isCloseTo(0.5, within(1e-15));
        }

        @Test
        @DisplayName("f = a + b is 1.46211716 with the local derivatives 1 and 1")
        void sum() {
            Value a = new Value(1, "a");
            Value b = new Value(0.46211715726000974, "b");
            Value f = a.add(b);
            assertThat(f.data()).as("f").isCloseTo(1.4621171572600098, within(1e-15));
            assertThat(f.inputs()).as("inputs of f").containsExactly(a, b);
            assertThat(f.localDerivative(0)).as("df/da").isEqualTo(1);
            assertThat(f.localDerivative(1)).as("df/db").isEqualTo(1);
        }

        @Test
        @DisplayName("x x lists x twice, each use with the local derivative x = 3")
        void square() {
            Value x = new Value(3, "x");
            Value p = x.multiply(x);
            assertThat(p.data()).isEqualTo(9);
            assertThat(p.inputs()).hasSize(2);
            assertThat(p.inputs().get(0)).isSameAs(x);
            assertThat(p.inputs().get(1)).isSameAs(x);
            assertThat(p.localDerivative(0)).isEqualTo(3);
            assertThat(p.localDerivative(1)).isEqualTo(3);
        }

        @ParameterizedTest(name = "a = {0}, b = {1}")
        @CsvSource({"-1.5, 4", "0, 7", "2.5, -0.25", "1e-3, 1e3"})
        @DisplayName("the derivative of a product by one factor is the other factor; of a sum, 1")
        void cases(double av, double bv) {
            Value a = new Value(av, "a");
            Value b = new Value(bv, "b");
            Value p = a.multiply(b);
            Value s = a.add(b);
            assertThat(p.data()).as("a b").isCloseTo(av * bv, within(1e-12));
            assertThat(p.localDerivative(0)).as("d(ab)/da").isCloseTo(bv, within(1e-15));
            assertThat(p.localDerivative(1)).as("d(ab)/db").isCloseTo(av, within(1e-15));
            assertThat(s.data()).as("a + b").isCloseTo(av + bv, within(1e-12));
            assertThat(s.localDerivative(0)).as("d(a + b)/da").isEqualTo(1);
            assertThat(s.localDerivative(1)).as("d(a + b)/db").isEqualTo(1);
            assertThat(a.data()).as("a is unchanged").isEqualTo(av);
        }
    }

    @Nested
    @Tag("ex7.2")
    @DisplayName("Exercise 7.2: power, exponential and logarithm nodes (Eq. 7.2)")
    class PowerExpLog {

        @ParameterizedTest(name = "{0}^{1} = {2}, local derivative {3}")
        @CsvSource({"3, 2, 9, 6", "2, -1, 0.5, -0.25", "4, 0.5, 2, 0.25", "-2, 3, -8, 12", "5, 1, 5, 1"})
        @DisplayName("x^p has the local derivative p x^(p - 1)")
        void power(double x, double p, double value, double slope) {
            Value node = new Value(x, "x").power(p);
            assertThat(node.data()).as("x^p").isCloseTo(value, within(1e-12));
            assertThat(node.localDerivative(0)).as("p x^(p - 1)").isCloseTo(slope, within(1e-12));
            slopeMatches(node, v -> Math.pow(v, p), x);
        }

        @ParameterizedTest(name = "x = {0}")
        @CsvSource({"0", "1", "-2", "3.5"})
        @DisplayName("e^x has the local derivative e^x")
        void exp(double x) {
            Value node = new Value(x, "x").exp();
            assertThat(node.data()).as("e^x").isCloseTo(Math.exp(x), within(1e-12));
            assertThat(node.localDerivative(0)).as("d e^x/dx").isCloseTo(Math.exp(x), within(1e-12));
            slopeMatches(node, Math::exp, x);
        }

        @ParameterizedTest(name = "x = {0}")
        @CsvSource({"1", "2.718281828459045", "0.25", "100"})
        @DisplayName("ln x has the local derivative 1/x")
        void log(double x) {
            Value node = new Value(x, "x").log();
            assertThat(node.data()).as("ln x").isCloseTo(Math.log(x), within(1e-12));
            assertThat(node.localDerivative(0)).as("1/x").isCloseTo(1 / x, within(1e-12));
            slopeMatches(node, Math::log, x);
        }

        @Test
        @DisplayName("reject the logarithm of a number that is not positive, and NaN, with a clear message")
        void badInput() {
            assertThat(new Value(1, "x").log().data()).isEqualTo(0);
            assertThatThrownBy(() -> new Value(0, "x").log()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("log needs a positive number but got 0.0");
            assertThatThrownBy(() -> new Value(-1, "x").log()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("log needs a positive number but got -1.0");
            assertThatThrownBy(() -> new Value(-2, "x").power(0.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("a negative number (-2.0) has no real power 0.5");
            assertThatThrownBy(() -> new Value(Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("x must be a finite number but was NaN");
            assertThatThrownBy(() -> new Value(800, "x").exp()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("exp(800.0) overflows a double");
        }
    }

    @Nested
    @Tag("ex7.3")
    @DisplayName("Exercise 7.3: activation nodes (Eq. 3.4, 3.6, 7.3)")
    class Activations {

        @Test
        @DisplayName("b = tanh(0.5) = 0.46211716 with the local derivative 1 - tanh^2 = 0.78644773")
        void tanhOfTheExample() {
            Value b = new Value(0.5, "x").tanh();
            assertThat(b.data()).as("tanh 0.5").isCloseTo(0.46211715726000974, within(1e-15));
            assertThat(b.localDerivative(0)).as("1 - tanh^2").isCloseTo(0.7864477329659274, within(1e-15));
        }

        @ParameterizedTest(name = "x = {0}")
        @CsvSource({"0", "-1", "2", "-20"})
        @DisplayName("tanh x has the local derivative 1 - tanh(x)^2")
        void tanh(double x) {
            Value node = new Value(x, "x").tanh();
            assertThat(node.data()).isCloseTo(Math.tanh(x), within(1e-15));
            assertThat(node.localDerivative(0)).isCloseTo(1 - Math.tanh(x) * Math.tanh(x), within(1e-15));
            slopeMatches(node, Math::tanh, x);
        }

        @ParameterizedTest(name = "x = {0}: phi = {1}, local derivative {2}")
        @CsvSource({"0, 0.5, 0.25", "1.0986122886681098, 0.75, 0.1875", "-1.0986122886681098, 0.25, 0.1875"})
        @DisplayName("the logistic node has the local derivative o (1 - o)")
        void logistic(double x, double o, double slope) {
            Value node = new Value(x, "x").logistic();
            assertThat(node.data()).as("phi(x)").isCloseTo(o, within(1e-12));
            assertThat(node.localDerivative(0)).as("o (1 - o)").isCloseTo(slope, within(1e-12));
            slopeMatches(node, Numeric::logistic, x);
        }

        @Test
        @DisplayName("the logistic node is finite far from 0: 1 and 0 at 800, 0 and 0 at -800")
        void logisticFarOut() {
            Value high = new Value(800, "x").logistic();
            Value low = new Value(-800, "x").logistic();
            assertThat(high.data()).isEqualTo(1);
            assertThat(high.localDerivative(0)).isEqualTo(0);
            assertThat(low.data()).isCloseTo(0, within(1e-300));
            assertThat(low.localDerivative(0)).isCloseTo(0, within(1e-300));
        }

        @ParameterizedTest(name = "x = {0}: relu = {1}, local derivative {2}")
        @CsvSource({"1.5, 1.5, 1", "-2, 0, 0", "0, 0, 0", "1e-9, 1e-9, 1"})
        @DisplayName("ReLU has the local derivative 1 for x > 0 and 0 otherwise (also at 0)")
        void relu(double x, double value, double slope) {
            Value node = new Value(x, "x").relu();
            assertThat(node.data()).isEqualTo(value);
            assertThat(node.localDerivative(0)).isEqualTo(slope);
            assertThat(node.inputs()).hasSize(1);
        }
    }
}
