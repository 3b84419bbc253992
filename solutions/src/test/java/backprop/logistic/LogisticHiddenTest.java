package backprop.logistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.singlelayer.Activation;
import backprop.testing.Numeric;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ch3")
@DisplayName("Chapter 3, hidden tests")
class LogisticHiddenTest {

    private final Activation phi = new Logistic();

    /** The slope of the logistic function, written out: e^-z / (1 + e^-z)^2. */
    private static double slope(double z) {
        double e = Math.exp(-z);
        return e / ((1 + e) * (1 + e));
    }

    @Nested
    @Tag("ex3.1")
    @DisplayName("Exercise 3.1: value")
    class Value {

        @RepeatedTest(5)
        @DisplayName("equals 1 / (1 + e^-z) on random z between -30 and 30")
        void random(RepetitionInfo info) {
            Random rng = new Random(3100 + info.getCurrentRepetition());
            for (int i = 0; i < 20; i++) {
                double z = -30 + 60 * rng.nextDouble();
                assertThat(phi.value(z)).as("phi(%s)", z).isCloseTo(Numeric.logistic(z), within(1e-15));
            }
        }

        @RepeatedTest(5)
        @DisplayName("is symmetric: phi(-z) = 1 - phi(z) on random z")
        void symmetry(RepetitionInfo info) {
            Random rng = new Random(3150 + info.getCurrentRepetition());
            for (int i = 0; i < 20; i++) {
                double z = 8 * rng.nextGaussian();
                assertThat(phi.value(-z)).as("phi(-%s)", z).isCloseTo(1 - Numeric.logistic(z), within(1e-15));
            }
        }

        @Test
        @DisplayName("approaches its limits without NaN or infinity at z = +-40, +-710 and +-800")
        void limits() {
            assertThat(phi.value(40)).as("phi(40)").isCloseTo(1, within(1e-15));
            assertThat(phi.value(-40)).as("phi(-40)").isCloseTo(Math.exp(-40), within(1e-30));
            assertThat(phi.value(710)).as("phi(710), where e^710 overflows").isEqualTo(1.0);
            assertThat(phi.value(800)).as("phi(800)").isEqualTo(1.0);
            assertThat(phi.value(-710)).as("phi(-710)").isBetween(0.0, 1e-300);
            assertThat(phi.value(-800)).as("phi(-800)").isBetween(0.0, 1e-300);
        }

        @Test
        @DisplayName("stays between 0 and 1 and follows 1 / (1 + e^-z) on a grid from -60 to 60")
        void boundedOnAGrid() {
            for (double z = -60; z <= 60; z += 0.25) {
                assertThat(phi.value(z)).as("phi(%s)", z).isBetween(0.0, 1.0).isCloseTo(Numeric.logistic(z), within(1e-15));
            }
        }

        @Test
        @DisplayName("rejects a NaN or infinite net input, naming it")
        void rejectsNaN() {
            assertThat(phi.value(-Math.log(3))).isCloseTo(0.25, within(1e-15));
            assertThatThrownBy(() -> phi.value(Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z must be a finite number but was NaN");
            assertThatThrownBy(() -> phi.value(Double.NEGATIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z must be a finite number but was -Infinity");
        }
    }

    @Nested
    @Tag("ex3.2")
    @DisplayName("Exercise 3.2: derivative from the net input")
    class Derivative {

        @RepeatedTest(5)
        @DisplayName("matches a central difference of 1/(1 + e^-z) on random z")
        void finiteDifference(RepetitionInfo info) {
            Random rng = new Random(3200 + info.getCurrentRepetition());
            for (int i = 0; i < 20; i++) {
                double z = -10 + 20 * rng.nextDouble();
                assertThat(phi.derivative(z)).as("phi'(%s)", z)
                        .isCloseTo(Numeric.centralDifference(Numeric::logistic, z), within(1e-8));
            }
        }

        @Test
        @DisplayName("never exceeds 1/4, reached at z = 0 only")
        void atMostAQuarter() {
            for (double z = -50; z <= 50; z += 0.37) {
                assertThat(phi.derivative(z)).as("phi'(%s)", z).isBetween(0.0, 0.25).isCloseTo(slope(z), within(1e-15));
            }
            assertThat(phi.derivative(0)).as("phi'(0)").isEqualTo(0.25);
        }

        @ParameterizedTest(name = "z = {0}")
        @ValueSource(doubles = {-2, -1, 0.5, 1, 2, 3})
        @DisplayName("is phi(z)(1 - phi(z)), not z(1 - z): the argument is the net input, not the output")
        void notFromTheNetInputAsIfOutput(double z) {
            assertThat(phi.derivative(z)).as("phi'(%s)", z).isCloseTo(slope(z), within(1e-15))
                    .isNotCloseTo(z * (1 - z), within(1e-3));
        }

        @Test
        @DisplayName("does not apply phi twice: phi'(1) is about 0.1966, not phi(phi(1))(1 - phi(phi(1))) = 0.219")
        void notPhiTwice() {
            double twice = Numeric.logistic(Numeric.logistic(1));
            assertThat(phi.derivative(1)).as("phi'(1)").isCloseTo(slope(1), within(1e-15))
                    .isNotCloseTo(twice * (1 - twice), within(1e-3));
        }

        @Test
        @DisplayName("tends to 0 without NaN or infinity at z = +-40 and +-800")
        void limits() {
            for (double z : new double[] {40, -40}) {
                assertThat(phi.derivative(z)).as("phi'(%s)", z).isBetween(0.0, 1e-17).isCloseTo(slope(40), within(1e-17));
            }
            assertThat(phi.derivative(-40)).as("phi'(-40)").isCloseTo(slope(-40), within(1e-30));
            for (double z : new double[] {800, -800}) {
                assertThat(phi.derivative(z)).as("phi'(%s)", z).isBetween(0.0, 1e-300);
            }
        }

        @Test
        @DisplayName("rejects a NaN net input")
        void rejectsNaN() {
            assertThat(phi.derivative(-Math.log(3))).isCloseTo(0.1875, within(1e-15));
            assertThatThrownBy(() -> phi.derivative(Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z must be a finite number but was NaN");
        }
    }

    @Nested
    @Tag("ex3.3")
    @DisplayName("Exercise 3.3: derivative from the output")
    class FromOutput {

        @RepeatedTest(5)
        @DisplayName("equals o(1 - o) on random outputs")
        void random(RepetitionInfo info) {
            Random rng = new Random(3300 + info.getCurrentRepetition());
            for (int i = 0; i < 20; i++) {
                double o = rng.nextDouble();
                assertThat(Logistic.derivativeFromOutput(o)).as("o = %s", o).isCloseTo(o * (1 - o), within(1e-15));
            }
        }

        @ParameterizedTest(name = "z = {0}")
        @ValueSource(doubles = {-3, -0.7, 0, 1.3, 4})
        @DisplayName("given o = phi(z), equals the slope of phi at z")
        void slopeAtTheNetInput(double z) {
            assertThat(Logistic.derivativeFromOutput(Numeric.logistic(z))).as("phi'(%s)", z)
                    .isCloseTo(Numeric.centralDifference(Numeric::logistic, z), within(1e-8));
        }

        @Test
        @DisplayName("accepts both ends 0 and 1, where the slope is 0")
        void ends() {
            assertThat(Logistic.derivativeFromOutput(0)).as("o = 0").isEqualTo(0);
            assertThat(Logistic.derivativeFromOutput(1)).as("o = 1").isEqualTo(0);
            assertThat(Logistic.derivativeFromOutput(0.5)).as("o = 0.5").isEqualTo(0.25);
        }

        @ParameterizedTest(name = "o = {0}")
        @ValueSource(doubles = {1.5, -0.1, 1.0000001, Double.NaN})
        @DisplayName("rejects a number that no logistic output can be")
        void rejectsNonOutputs(double o) {
            assertThat(Logistic.derivativeFromOutput(0.25)).isCloseTo(0.1875, within(1e-15));
            assertThatThrownBy(() -> Logistic.derivativeFromOutput(o))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("o must be an output of the logistic function, between 0 and 1, but was " + o);
        }

        @Test
        @DisplayName("names the offending output 1.5 in its message")
        void message() {
            assertThat(Logistic.derivativeFromOutput(0.9)).isCloseTo(0.09, within(1e-15));
            assertThatThrownBy(() -> Logistic.derivativeFromOutput(1.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("o must be an output of the logistic function, between 0 and 1, but was 1.5");
        }
    }

    @Nested
    @Tag("ex3.4")
    @DisplayName("Exercise 3.4: central difference")
    class Central {

        @RepeatedTest(5)
        @DisplayName("is exact for quadratics a x^2 + b x + c, whatever the step")
        void exactOnQuadratics(RepetitionInfo info) {
            Random rng = new Random(3400 + info.getCurrentRepetition());
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            double c = rng.nextGaussian();
            double x = 2 * rng.nextGaussian();
            DoubleUnaryOperator f = v -> a * v * v + b * v + c;
            for (double h : new double[] {1, 0.1, 1e-3}) {
                assertThat(FiniteDifference.central(f, x, h)).as("h = %s", h).isCloseTo(2 * a * x + b, within(1e-8));
            }
        }

        @Test
        @DisplayName("has an error of order h^2 on sin: halving h divides the error by 4")
        void secondOrder() {
            double exact = Math.cos(1);
            double previous = Double.NaN;
            for (double h : new double[] {0.2, 0.1, 0.05, 0.025}) {
                double error = Math.abs(FiniteDifference.central(Math::sin, 1, h) - exact);
                // sin(1 + h) - sin(1 - h) = 2 cos(1) sin(h), so the error is cos(1) (1 - sin(h)/h), about cos(1) h^2 / 6
                assertThat(error / (h * h)).as("error / h^2 at h = %s", h).isCloseTo(exact / 6, within(exact / 6 * 0.01));
                if (!Double.isNaN(previous)) {
                    assertThat(previous / error).as("error ratio at h = %s", h).isBetween(3.9, 4.1);
                }
                previous = error;
            }
        }

        @Test
        @DisplayName("takes the symmetric quotient: x^3 at x = 1 with h = 0.5 gives 3.25, not the forward 4.75")
        void symmetric() {
            // ((1.5)^3 - (0.5)^3) / 1 = 3.375 - 0.125 = 3.25; the forward quotient (1.5^3 - 1) / 0.5 = 4.75
            assertThat(FiniteDifference.central(v -> v * v * v, 1, 0.5)).isCloseTo(3.25, within(1e-12));
        }

        @ParameterizedTest(name = "h = {0}")
        @ValueSource(doubles = {0.0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("rejects a step h that is not a finite number greater than 0")
        void rejectsBadStep(double h) {
            assertThat(FiniteDifference.central(v -> v * v, 3, 1e-3)).isCloseTo(6, within(1e-9));
            assertThatThrownBy(() -> FiniteDifference.central(v -> v * v, 3, h))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("h must be a finite number greater than 0 but was " + h);
        }

        @Test
        @DisplayName("rejects a step too small for x, where x + h rounds to x, and one where x + h or 2h overflows")
        void rejectsAStepThatLosesTheDifference() {
            assertThat(FiniteDifference.central(v -> v * v, 1e4, 1e-3)).isCloseTo(2e4, within(1e-6));
            assertThatThrownBy(() -> FiniteDifference.central(v -> v * v, 1e20, 1e-6))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("h = 1.0E-6 is too small at x = 1.0E20: x + h or x - h rounds back to x, so the difference would be 0 whatever f is");
            assertThatThrownBy(() -> FiniteDifference.central(v -> v, 1, 1e-320))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("h = " + 1e-320 + " is too small at x = 1.0:");
            assertThatThrownBy(() -> FiniteDifference.central(v -> v, 0, 1e308))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("h = 1.0E308 is too large at x = 0.0: x + h, x - h or 2h overflows");
        }

        @Test
        @DisplayName("rejects a missing function and a NaN point")
        void rejectsBadArguments() {
            assertThat(FiniteDifference.central(v -> 5 * v, 0, 1)).isCloseTo(5, within(1e-12));
            assertThatThrownBy(() -> FiniteDifference.central(null, 0, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("f must not be null");
            assertThatThrownBy(() -> FiniteDifference.central(v -> v, Double.NaN, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("x must be a finite number but was NaN");
        }

        @Test
        @DisplayName("names the point where f is not finite, on either side of x")
        void rejectsNonFiniteValues() {
            assertThat(FiniteDifference.central(Math::log, 1, 0.5)).isCloseTo((Math.log(1.5) - Math.log(0.5)), within(1e-12));
            assertThatThrownBy(() -> FiniteDifference.central(v -> v > 3 ? Double.NaN : v, 3, 0.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("f(3.5) is NaN; a central difference needs finite values of f on both sides of x");
            assertThatThrownBy(() -> FiniteDifference.central(v -> 1 / (v - 2.5), 3, 0.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("f(2.5) is Infinity; a central difference needs finite values of f on both sides of x");
        }
    }

    @Nested
    @Tag("ex3.5")
    @DisplayName("Exercise 3.5: ReLU")
    class ReluFunction {

        private final Activation relu = new Relu();

        @RepeatedTest(5)
        @DisplayName("passes positive z through with slope 1 and cuts negative z to 0 with slope 0")
        void random(RepetitionInfo info) {
            Random rng = new Random(3500 + info.getCurrentRepetition());
            for (int i = 0; i < 20; i++) {
                double z = 10 * rng.nextGaussian();
                assertThat(relu.value(z)).as("relu(%s)", z).isCloseTo(Math.max(0, z), within(0.0));
                assertThat(relu.derivative(z)).as("relu'(%s)", z).isCloseTo(z > 0 ? 1 : 0, within(0.0));
            }
        }

        @ParameterizedTest(name = "z = {0}")
        @ValueSource(doubles = {-3, -0.5, 0.5, 3})
        @DisplayName("has the slope of a central difference away from the kink at 0")
        void finiteDifference(double z) {
            assertThat(relu.derivative(z)).as("relu'(%s)", z)
                    .isCloseTo(Numeric.centralDifference(v -> Math.max(0, v), z), within(1e-9));
        }

        @Test
        @DisplayName("uses the convention relu'(0) = 0 at the kink, and slope 1 just right of it")
        void atTheKink() {
            assertThat(relu.value(0)).as("relu(0)").isEqualTo(0);
            assertThat(relu.derivative(0)).as("relu'(0)").isEqualTo(0);
            assertThat(relu.derivative(-0.0)).as("relu'(-0)").isEqualTo(0);
            assertThat(relu.value(1e-300)).as("relu(1e-300)").isEqualTo(1e-300);
            assertThat(relu.derivative(1e-300)).as("relu'(1e-300)").isEqualTo(1);
            assertThat(relu.derivative(-1e-300)).as("relu'(-1e-300)").isEqualTo(0);
        }

        @Test
        @DisplayName("rejects a NaN net input in both methods")
        void rejectsNaN() {
            assertThat(relu.value(2)).isEqualTo(2);
            assertThat(relu.derivative(2)).isEqualTo(1);
            assertThatThrownBy(() -> relu.value(Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z must be a finite number but was NaN");
            assertThatThrownBy(() -> relu.derivative(Double.NaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z must be a finite number but was NaN");
        }
    }
}
