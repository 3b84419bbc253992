package backprop.intuition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch1")
@DisplayName("Chapter 1, hidden tests")
class IntuitionHiddenTest {

    private static List<TrainingCase> randomCases(Random rng, int n) {
        List<TrainingCase> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(new TrainingCase(rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()));
        }
        return cases;
    }

    /** The mean error of Eq. (1.4), written out with JDK arithmetic. */
    private static double meanError(double w1, double w2, List<TrainingCase> cases) {
        double sum = 0;
        for (TrainingCase c : cases) {
            double d = c.target() - (c.x1() * w1 + c.x2() * w2);
            sum += d * d;
        }
        return sum / cases.size();
    }

    @Nested
    @Tag("ex1.1")
    @DisplayName("Exercise 1.1: output")
    class Output {

        @RepeatedTest(5)
        @DisplayName("equals x1*w1 + x2*w2 on random inputs")
        void random(org.junit.jupiter.api.RepetitionInfo info) {
            Random rng = new Random(100 + info.getCurrentRepetition());
            double w1 = rng.nextGaussian() * 3;
            double w2 = rng.nextGaussian() * 3;
            double x1 = rng.nextGaussian() * 3;
            double x2 = rng.nextGaussian() * 3;
            assertThat(new LinearNeuron(w1, w2).output(x1, x2)).isCloseTo(x1 * w1 + x2 * w2, within(1e-12));
        }

        @Test
        @DisplayName("keeps w1 with x1 and w2 with x2")
        void doesNotSwapWeights() {
            assertThat(new LinearNeuron(1, 0).output(5, 7)).isCloseTo(5, within(1e-12));
            assertThat(new LinearNeuron(0, 1).output(5, 7)).isCloseTo(7, within(1e-12));
        }

        @Test
        @DisplayName("computes for finite input and rejects a NaN input, naming it")
        void rejectsNaN() {
            LinearNeuron n = new LinearNeuron(2, 3);
            assertThat(n.output(new TrainingCase(1, 1, 0))).isCloseTo(5, within(1e-12));
            assertThatThrownBy(() -> n.output(Double.NaN, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("x1 must be a finite number but was NaN");
        }
    }

    @Nested
    @Tag("ex1.2")
    @DisplayName("Exercise 1.2: error")
    class Error {

        @RepeatedTest(5)
        @DisplayName("equals (t - y)^2 on random values, and is symmetric in t and y")
        void random(org.junit.jupiter.api.RepetitionInfo info) {
            Random rng = new Random(200 + info.getCurrentRepetition());
            double t = rng.nextGaussian() * 10;
            double y = rng.nextGaussian() * 10;
            assertThat(SquaredError.error(t, y)).isCloseTo((t - y) * (t - y), within(1e-9));
            assertThat(SquaredError.error(y, t)).isCloseTo((t - y) * (t - y), within(1e-9));
        }

        @Test
        @DisplayName("is zero exactly at the target and rejects an infinite output")
        void zeroAtTarget() {
            assertThat(SquaredError.error(0.7, 0.7)).isCloseTo(0.0, within(0.0));
            assertThatThrownBy(() -> SquaredError.error(0, Double.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output must be a finite number but was Infinity");
        }
    }

    @Nested
    @Tag("ex1.3")
    @DisplayName("Exercise 1.3: derivative")
    class Derivative {

        @RepeatedTest(5)
        @DisplayName("matches a central difference of (t - y)^2")
        void finiteDifference(org.junit.jupiter.api.RepetitionInfo info) {
            Random rng = new Random(300 + info.getCurrentRepetition());
            double t = rng.nextGaussian();
            double y = rng.nextGaussian();
            double numeric = Numeric.centralDifference(v -> (t - v) * (t - v), y);
            assertThat(SquaredError.derivative(t, y)).as("dE/dy").isCloseTo(numeric, within(1e-6));
        }

        @Test
        @DisplayName("rejects a NaN target, naming it, and still differentiates finite values")
        void rejectsNaN() {
            assertThat(SquaredError.derivative(1, 1.5)).isCloseTo(1, within(1e-12));
            assertThatThrownBy(() -> SquaredError.derivative(Double.NaN, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target must be a finite number but was NaN");
        }

        @Test
        @DisplayName("has the sign of y - t (a descent step lowers a too-large output)")
        void sign() {
            assertThat(SquaredError.derivative(0, 5)).isCloseTo(10, within(1e-12));
            assertThat(SquaredError.derivative(5, 0)).isCloseTo(-10, within(1e-12));
        }
    }

    @Nested
    @Tag("ex1.4")
    @DisplayName("Exercise 1.4: sampled surface")
    class Surface {

        @Test
        @DisplayName("indexes error[i][j] by w1[i] and w2[j] (checked on an asymmetric case)")
        void indexOrder() {
            List<TrainingCase> cases = List.of(new TrainingCase(1, 2, 0));
            ErrorSurface s = ErrorSurface.sample(cases, -1, 2, 4);
            assertThat(s.w1Values()).containsExactly(-1, 0, 1, 2);
            assertThat(s.w2Values()).containsExactly(-1, 0, 1, 2);
            double[][] e = s.error();
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    double w1 = -1 + i;
                    double w2 = -1 + j;
                    assertThat(e[i][j]).as("E[%d][%d]", i, j)
                            .isCloseTo((w1 + 2 * w2) * (w1 + 2 * w2), within(1e-12));
                }
            }
        }

        @Test
        @DisplayName("averages the error over several cases, and includes both ends of the range")
        void averagesCases() {
            Random rng = new Random(401);
            List<TrainingCase> cases = randomCases(rng, 7);
            ErrorSurface s = ErrorSurface.sample(cases, -2, 3, 6);
            double[] w = s.w1Values();
            assertThat(w[0]).isCloseTo(-2, within(1e-12));
            assertThat(w[5]).isCloseTo(3, within(1e-12));
            double[][] e = s.error();
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    assertThat(e[i][j]).as("E[%d][%d]", i, j)
                            .isCloseTo(meanError(-2 + i, -2 + j, cases), within(1e-9));
                }
            }
        }

        @Test
        @DisplayName("works on the smallest grid and rejects a range that is empty")
        void smallestGridAndBadRange() {
            ErrorSurface s = ErrorSurface.sample(List.of(new TrainingCase(1, 1, 1)), 0, 1, 2);
            assertThat(s.error()[1][1]).isCloseTo(1.0, within(1e-12));
            assertThatThrownBy(() -> ErrorSurface.sample(List.of(new TrainingCase(1, 1, 1)), 1, 1, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("from must be less than to but the range was [1.0, 1.0]");
            assertThatThrownBy(() -> ErrorSurface.sample(List.of(new TrainingCase(1, 1, 1)), -1e308, 1e308, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the range [-1.0E308, 1.0E308] is too wide: to - from overflows a double");
            assertThatThrownBy(() -> new ErrorSurface(new double[] {1, 0}, new double[] {0}, new double[][] {{1}, {1}}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("w1Values must increase along the axis, but w1Values[1] = 0.0 follows w1Values[0] = 1.0");
        }
    }

    @Nested
    @Tag("ex1.5")
    @DisplayName("Exercise 1.5: gradient")
    class Gradient {

        @RepeatedTest(5)
        @DisplayName("matches central differences of the mean error on random cases")
        void finiteDifference(org.junit.jupiter.api.RepetitionInfo info) {
            Random rng = new Random(500 + info.getCurrentRepetition());
            List<TrainingCase> cases = randomCases(rng, 1 + rng.nextInt(6));
            double w1 = rng.nextGaussian();
            double w2 = rng.nextGaussian();
            double[] g = GradientDescent.gradient(new LinearNeuron(w1, w2), cases);
            assertThat(g[0]).as("dE/dw1").isCloseTo(Numeric.centralDifference(v -> meanError(v, w2, cases), w1), within(1e-6));
            assertThat(g[1]).as("dE/dw2").isCloseTo(Numeric.centralDifference(v -> meanError(w1, v, cases), w2), within(1e-6));
        }

        @Test
        @DisplayName("rejects an empty list of cases, for which no mean exists")
        void emptyCases() {
            assertThat(GradientDescent.gradient(new LinearNeuron(0, 0), List.of(new TrainingCase(1, 0, 1)))[0])
                    .isCloseTo(-2, within(1e-12));
            assertThatThrownBy(() -> GradientDescent.gradient(new LinearNeuron(0, 0), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cases is empty; it needs at least one element");
        }
    }

    @Nested
    @Tag("ex1.6")
    @DisplayName("Exercise 1.6: step")
    class Step {

        @RepeatedTest(5)
        @DisplayName("moves each weight by -learningRate times its derivative, and lowers the error")
        void descends(org.junit.jupiter.api.RepetitionInfo info) {
            Random rng = new Random(600 + info.getCurrentRepetition());
            List<TrainingCase> cases = randomCases(rng, 4);
            double w1 = rng.nextGaussian();
            double w2 = rng.nextGaussian();
            double eta = 0.01;
            double g1 = Numeric.centralDifference(v -> meanError(v, w2, cases), w1);
            double g2 = Numeric.centralDifference(v -> meanError(w1, v, cases), w2);
            LinearNeuron next = GradientDescent.step(new LinearNeuron(w1, w2), cases, eta);
            assertThat(next.w1()).as("w1").isCloseTo(w1 - eta * g1, within(1e-7));
            assertThat(next.w2()).as("w2").isCloseTo(w2 - eta * g2, within(1e-7));
            assertThat(meanError(next.w1(), next.w2(), cases)).isLessThanOrEqualTo(meanError(w1, w2, cases));
        }

        @Test
        @DisplayName("rejects a learning rate of zero, naming it")
        void zeroLearningRate() {
            List<TrainingCase> c = List.of(new TrainingCase(1, 1, 0));
            assertThat(GradientDescent.step(new LinearNeuron(1, 0), c, 0.5).w1()).isCloseTo(0, within(1e-12));
            assertThatThrownBy(() -> GradientDescent.step(new LinearNeuron(1, 0), c, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was 0.0");
        }
    }

    @Nested
    @Tag("ex1.7")
    @DisplayName("Exercise 1.7: fit")
    class Fit {

        @Test
        @DisplayName("reaches the exact weights (2, -1) from two independent cases")
        void converges() {
            List<TrainingCase> cases = List.of(new TrainingCase(1, 0, 2), new TrainingCase(0, 1, -1));
            List<LinearNeuron> path = GradientDescent.fit(new LinearNeuron(0, 0), cases, 0.5, 60);
            assertThat(path).hasSize(61);
            LinearNeuron last = path.get(60);
            assertThat(last.w1()).isCloseTo(2, within(1e-9));
            assertThat(last.w2()).isCloseTo(-1, within(1e-9));
        }

        @Test
        @DisplayName("with zero steps returns only the start, and every step matches Eq. 1.6")
        void zeroStepsAndEachStep() {
            List<TrainingCase> cases = List.of(new TrainingCase(1, 2, 1));
            LinearNeuron start = new LinearNeuron(0.25, -0.5);
            assertThat(GradientDescent.fit(start, cases, 0.1, 0)).containsExactly(start);
            List<LinearNeuron> path = GradientDescent.fit(start, cases, 0.05, 3);
            double w1 = 0.25;
            double w2 = -0.5;
            for (int s = 1; s <= 3; s++) {
                double r = 2 * ((w1 + 2 * w2) - 1);
                w1 -= 0.05 * r;
                w2 -= 0.05 * r * 2;
                assertThat(path.get(s).w1()).as("w1 after %d steps", s).isCloseTo(w1, within(1e-12));
                assertThat(path.get(s).w2()).as("w2 after %d steps", s).isCloseTo(w2, within(1e-12));
            }
        }

        @Test
        @DisplayName("rejects a negative number of steps, a number whose path would not fit in a list, and a missing case")
        void negativeSteps() {
            List<TrainingCase> c = List.of(new TrainingCase(1, 1, 0));
            assertThat(GradientDescent.fit(new LinearNeuron(0, 0), c, 0.1, 1)).hasSize(2);
            assertThatThrownBy(() -> GradientDescent.fit(new LinearNeuron(0, 0), c, 0.1, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("steps must not be negative but was -1");
            assertThatThrownBy(() -> GradientDescent.fit(new LinearNeuron(0, 0), c, 0.1, Integer.MAX_VALUE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("steps must be less than 2147483647: the path holds steps + 1 neurons");
            assertThatThrownBy(() -> new LinearNeuron(0, 0).output(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("c must not be null");
        }
    }
}
