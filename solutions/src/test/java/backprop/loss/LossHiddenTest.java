package backprop.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch5")
@DisplayName("Chapter 5, hidden tests")
class LossHiddenTest {

    // ---------------------------------------------------------------------------------------
    // The test's own arithmetic, written out with the JDK only.
    // ---------------------------------------------------------------------------------------

    /** 1/2 ||y - t||^2. */
    static double halfSquared(double[] y, double[] t) {
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += (y[k] - t[k]) * (y[k] - t[k]);
        }
        return sum / 2;
    }

    /** softmax for moderate logits, straight from the definition e^z_k / sum_i e^z_i. */
    static double[] plainSoftmax(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v);
        }
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k]) / sum;
        }
        return p;
    }

    /** -sum_k t_k log p_k for moderate logits, straight from the definition. */
    static double plainCrossEntropy(double[] z, double[] t) {
        double[] p = plainSoftmax(z);
        double e = 0;
        for (int k = 0; k < z.length; k++) {
            e -= t[k] * Math.log(p[k]);
        }
        return e;
    }

    static double[] gaussian(Random rng, int n, double scale) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = scale * rng.nextGaussian();
        }
        return v;
    }

    /** A random probability vector, sometimes one-hot. */
    static double[] distribution(Random rng, int n) {
        double[] t = new double[n];
        if (rng.nextBoolean()) {
            t[rng.nextInt(n)] = 1;
            return t;
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            t[k] = rng.nextDouble();
            sum += t[k];
        }
        for (int k = 0; k < n; k++) {
            t[k] /= sum;
        }
        return t;
    }

    /** Central difference of f at y with respect to y[k]. */
    static double slope(ToDoubleFunction<double[]> f, double[] y, int k) {
        return Numeric.centralDifference(v -> {
            double[] shifted = y.clone();
            shifted[k] = v;
            return f.applyAsDouble(shifted);
        }, y[k]);
    }

    /** Central difference of a batch function with respect to outputs[x][k]. */
    static double batchSlope(ToDoubleFunction<List<double[]>> f, List<double[]> outputs, int x, int k) {
        return Numeric.centralDifference(v -> {
            List<double[]> shifted = new ArrayList<>(outputs);
            double[] y = outputs.get(x).clone();
            y[k] = v;
            shifted.set(x, y);
            return f.applyAsDouble(shifted);
        }, outputs.get(x)[k]);
    }

    static void assertVector(double[] actual, double[] expected, double tolerance, String what) {
        assertThat(actual).as("%s", what).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(actual[k]).as("%s[%d]", what, k).isCloseTo(expected[k], within(tolerance));
        }
    }

    /** A random batch of half-squared-error examples, with n examples of width m. */
    record Batch(List<double[]> outputs, List<double[]> targets) {

        static Batch random(Random rng, int n, int m) {
            List<double[]> outputs = new ArrayList<>();
            List<double[]> targets = new ArrayList<>();
            for (int x = 0; x < n; x++) {
                outputs.add(gaussian(rng, m, 1));
                targets.add(gaussian(rng, m, 1));
            }
            return new Batch(outputs, targets);
        }

        static Batch classes(Random rng, int n, int m) {
            List<double[]> outputs = new ArrayList<>();
            List<double[]> targets = new ArrayList<>();
            for (int x = 0; x < n; x++) {
                outputs.add(gaussian(rng, m, 2));
                targets.add(distribution(rng, m));
            }
            return new Batch(outputs, targets);
        }

        double meanHalfSquared(List<double[]> y) {
            double sum = 0;
            for (int x = 0; x < y.size(); x++) {
                sum += halfSquared(y.get(x), targets.get(x));
            }
            return sum / y.size();
        }

        double meanCrossEntropy(List<double[]> y) {
            double sum = 0;
            for (int x = 0; x < y.size(); x++) {
                sum += plainCrossEntropy(y.get(x), targets.get(x));
            }
            return sum / y.size();
        }

        double maxHalfSquared(List<double[]> y) {
            double max = Double.NEGATIVE_INFINITY;
            for (int x = 0; x < y.size(); x++) {
                max = Math.max(max, halfSquared(y.get(x), targets.get(x)));
            }
            return max;
        }
    }

    /** A loss the course does not ship, to see that the batch code calls the loss it is given. */
    static final class Cubic implements Loss {

        @Override
        public double value(double[] output, double[] target) {
            double sum = 0;
            for (int k = 0; k < output.length; k++) {
                double d = output[k] - target[k];
                sum += d * d * d / 3;
            }
            return sum;
        }

        @Override
        public double[] gradient(double[] output, double[] target) {
            double[] g = new double[output.length];
            for (int k = 0; k < output.length; k++) {
                double d = output[k] - target[k];
                g[k] = d * d;
            }
            return g;
        }
    }

    @Nested
    @Tag("ex5.1")
    @DisplayName("Exercise 5.1: half squared error")
    class HalfSquared {

        private final Loss loss = new HalfSquaredError();

        @RepeatedTest(6)
        @DisplayName("is 1/2 ||y - t||^2 with the gradient y - t, which matches central differences (Eq. 5.3)")
        void random(RepetitionInfo info) {
            Random rng = new Random(510 + info.getCurrentRepetition());
            int m = 1 + rng.nextInt(5);
            double[] y = gaussian(rng, m, 2);
            double[] t = gaussian(rng, m, 2);
            assertThat(loss.value(y, t)).as("E").isCloseTo(halfSquared(y, t), within(1e-12));
            double[] g = loss.gradient(y, t);
            assertThat(g).hasSize(m);
            for (int k = 0; k < m; k++) {
                assertThat(g[k]).as("dE/dy[%d]", k).isCloseTo(y[k] - t[k], within(1e-12));
                assertThat(g[k]).as("dE/dy[%d] vs central difference", k)
                        .isCloseTo(slope(v -> halfSquared(v, t), y, k), within(1e-6));
            }
        }

        @Test
        @DisplayName("keeps the factor 1/2: y = 0, t = 2 gives E = 2 (not 4) and dE/dy = -2 (not -4)")
        void factorOneHalf() {
            assertThat(loss.value(new double[] {0}, new double[] {2})).isCloseTo(2, within(1e-12));
            assertThat(loss.gradient(new double[] {0}, new double[] {2})[0]).isCloseTo(-2, within(1e-12));
        }

        @Test
        @DisplayName("sums over all outputs: y = (1, 1, 1), t = (0, 0, 0) gives 1.5")
        void sumsOverOutputs() {
            assertThat(loss.value(new double[] {1, 1, 1}, new double[] {0, 0, 0})).isCloseTo(1.5, within(1e-12));
            assertVector(loss.gradient(new double[] {1, 2, 3}, new double[] {3, 2, 1}), new double[] {-2, 0, 2}, 1e-12, "grad");
        }

        @Test
        @DisplayName("rejects outputs and targets of different lengths, empty ones, and NaN, naming them")
        void rejectsBadInput() {
            assertThat(loss.value(new double[] {3}, new double[] {1})).isCloseTo(2, within(1e-12));
            assertThatThrownBy(() -> loss.value(new double[] {1, 2}, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output has 2 entries but target has 1");
            assertThatThrownBy(() -> loss.gradient(new double[] {1}, new double[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output has 1 entries but target has 2");
            assertThatThrownBy(() -> loss.value(new double[0], new double[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output is empty; it needs at least one entry");
            assertThatThrownBy(() -> loss.gradient(new double[] {Double.NaN}, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output[0] must be a finite number but was NaN");
            assertThatThrownBy(() -> loss.value(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target[1] must be a finite number but was Infinity");
            assertThatThrownBy(() -> loss.value(null, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output must not be null");
        }
    }

    @Nested
    @Tag("ex5.2")
    @DisplayName("Exercise 5.2: softmax")
    class Softmax {

        @RepeatedTest(6)
        @DisplayName("is e^z_k / sum_i e^z_i, positive and summing to 1, and leaves z unchanged (Eq. 5.5)")
        void random(RepetitionInfo info) {
            Random rng = new Random(520 + info.getCurrentRepetition());
            int m = 1 + rng.nextInt(6);
            double[] z = gaussian(rng, m, 3);
            double[] copy = z.clone();
            double[] p = SoftmaxCrossEntropy.softmax(z);
            assertVector(p, plainSoftmax(z), 1e-12, "p");
            double sum = 0;
            for (double v : p) {
                assertThat(v).isPositive();
                sum += v;
            }
            assertThat(sum).as("sum of p").isCloseTo(1, within(1e-12));
            assertThat(z).as("z").containsExactly(copy);
        }

        @RepeatedTest(4)
        @DisplayName("does not change when the same constant is added to every logit")
        void shiftInvariant(RepetitionInfo info) {
            Random rng = new Random(530 + info.getCurrentRepetition());
            double[] z = gaussian(rng, 4, 2);
            double c = 100 * rng.nextGaussian();
            double[] shifted = new double[4];
            for (int k = 0; k < 4; k++) {
                shifted[k] = z[k] + c;
            }
            assertVector(SoftmaxCrossEntropy.softmax(shifted), plainSoftmax(z), 1e-12, "p of shifted logits");
        }

        @Test
        @DisplayName("stays finite for logits of +-800, where e^800 overflows")
        void largeLogits() {
            assertVector(SoftmaxCrossEntropy.softmax(new double[] {800, -800, 0}), new double[] {1, 0, 0}, 1e-12, "p");
            assertVector(SoftmaxCrossEntropy.softmax(new double[] {-800, -800}), new double[] {0.5, 0.5}, 1e-12, "p");
            double e = Math.exp(-1);
            assertVector(SoftmaxCrossEntropy.softmax(new double[] {799, 800}), new double[] {e / (1 + e), 1 / (1 + e)},
                    1e-12, "p");
            assertVector(SoftmaxCrossEntropy.softmax(new double[] {-799, -800}), new double[] {1 / (1 + e), e / (1 + e)},
                    1e-12, "p");
        }

        @Test
        @DisplayName("of one logit is 1, and rejects an empty, null or NaN vector")
        void oneLogitAndBadInput() {
            assertVector(SoftmaxCrossEntropy.softmax(new double[] {-5}), new double[] {1}, 1e-12, "p");
            assertThatThrownBy(() -> SoftmaxCrossEntropy.softmax(new double[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z is empty; it needs at least one entry");
            assertThatThrownBy(() -> SoftmaxCrossEntropy.softmax(new double[] {1, Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z[1] must be a finite number but was NaN");
            assertThatThrownBy(() -> SoftmaxCrossEntropy.softmax(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z must not be null");
        }
    }

    @Nested
    @Tag("ex5.3")
    @DisplayName("Exercise 5.3: cross-entropy")
    class CrossEntropy {

        private final Loss loss = new SoftmaxCrossEntropy();

        @RepeatedTest(8)
        @DisplayName("is -sum t_k log p_k with the gradient p - t, which matches central differences (Eq. 5.6, 5.7)")
        void random(RepetitionInfo info) {
            Random rng = new Random(540 + info.getCurrentRepetition());
            int m = 2 + rng.nextInt(4);
            double[] z = gaussian(rng, m, 2);
            double[] t = distribution(rng, m);
            assertThat(loss.value(z, t)).as("E").isCloseTo(plainCrossEntropy(z, t), within(1e-12));
            double[] p = plainSoftmax(z);
            double[] g = loss.gradient(z, t);
            assertThat(g).hasSize(m);
            double sum = 0;
            for (int k = 0; k < m; k++) {
                assertThat(g[k]).as("dE/dz[%d]", k).isCloseTo(p[k] - t[k], within(1e-12));
                assertThat(g[k]).as("dE/dz[%d] vs central difference", k)
                        .isCloseTo(slope(v -> plainCrossEntropy(v, t), z, k), within(1e-6));
                sum += g[k];
            }
            assertThat(sum).as("sum of the gradient").isCloseTo(0, within(1e-12));
        }

        @Test
        @DisplayName("stays finite for logits of +-800, where log p would be log 0")
        void largeLogits() {
            assertThat(loss.value(new double[] {800, 0}, new double[] {0, 1})).isCloseTo(800, within(1e-9));
            assertThat(loss.value(new double[] {-800, 0}, new double[] {1, 0})).isCloseTo(800, within(1e-9));
            assertThat(loss.value(new double[] {1000, 0}, new double[] {1, 0})).isCloseTo(0, within(1e-12));
            assertThat(loss.value(new double[] {800, 800 + Math.log(3)}, new double[] {0, 1}))
                    .isCloseTo(-Math.log(0.75), within(1e-12));
            assertVector(loss.gradient(new double[] {800, -800}, new double[] {0, 1}), new double[] {1, -1}, 1e-12, "grad");
        }

        @Test
        @DisplayName("keeps log sum e^(z_i - m) for huge logits, taking z_k - m first, and skips targets of 0 (Eq. 5.6)")
        void hugeLogits() {
            double third = 1.0 / 3;
            assertThat(loss.value(new double[] {-1e20, -1e20, -1e20}, new double[] {third, third, third})).as("E of three logits -1e20")
                    .isCloseTo(Math.log(3), within(1e-12));
            assertThat(loss.value(new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}, new double[] {1, 0}))
                    .as("E where m - z_2 overflows but t_2 = 0").isCloseTo(0, within(1e-12));
        }

        @Test
        @DisplayName("of a soft target is smallest where p = t, and there equals the entropy of t")
        void softTarget() {
            double[] t = {0.2, 0.8};
            double[] z = {Math.log(0.2), Math.log(0.8)};
            double entropy = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8));
            assertThat(loss.value(z, t)).isCloseTo(entropy, within(1e-12));
            assertVector(loss.gradient(z, t), new double[] {0, 0}, 1e-12, "grad at p = t");
            assertThat(loss.value(new double[] {0, 0}, t)).isGreaterThan(entropy);
        }

        @Test
        @DisplayName("rejects a target that is not a probability vector, naming the entry or the sum")
        void rejectsBadTargets() {
            assertThat(loss.value(new double[] {0, 0}, new double[] {0.5, 0.5 + 5e-10})).isCloseTo(Math.log(2), within(1e-9));
            assertThatThrownBy(() -> loss.value(new double[] {0, 0}, new double[] {-0.5, 1.5}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target[0] must lie in [0, 1] but was -0.5");
            assertThatThrownBy(() -> loss.gradient(new double[] {0, 0}, new double[] {0, 1.5}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target[1] must lie in [0, 1] but was 1.5");
            assertThatThrownBy(() -> loss.value(new double[] {0, 0}, new double[] {0.25, 0.25}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target must sum to 1 (a probability vector) but sums to 0.5");
            assertThatThrownBy(() -> loss.gradient(new double[] {0, 0, 0}, new double[] {1, 1, 0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("target must sum to 1 (a probability vector) but sums to 2.0");
            assertThatThrownBy(() -> loss.value(new double[] {0, 0}, new double[] {0.5, 0.5 + 1e-8}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("target must sum to 1 (a probability vector) but sums to 1.00000001");
            assertThatThrownBy(() -> loss.gradient(new double[] {0}, new double[] {0.5, 0.5}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output has 1 entries but target has 2");
        }
    }

    @Nested
    @Tag("ex5.4")
    @DisplayName("Exercise 5.4: batch average")
    class Average {

        @RepeatedTest(6)
        @DisplayName("of the half squared error is 1/(2n) sum_x ||y(x) - t(x)||^2 (Eq. 5.1, 5.4)")
        void halfSquared(RepetitionInfo info) {
            Random rng = new Random(550 + info.getCurrentRepetition());
            int n = 1 + rng.nextInt(6);
            Batch b = Batch.random(rng, n, 1 + rng.nextInt(3));
            double sum = 0;
            for (int x = 0; x < n; x++) {
                double[] y = b.outputs().get(x);
                double[] t = b.targets().get(x);
                for (int k = 0; k < y.length; k++) {
                    sum += (y[k] - t[k]) * (y[k] - t[k]);
                }
            }
            assertThat(BatchLoss.average(new HalfSquaredError(), b.outputs(), b.targets()))
                    .isCloseTo(sum / (2 * n), within(1e-12));
        }

        @RepeatedTest(4)
        @DisplayName("of the cross-entropy is the mean of the per-example cross-entropies")
        void crossEntropy(RepetitionInfo info) {
            Random rng = new Random(560 + info.getCurrentRepetition());
            Batch b = Batch.classes(rng, 2 + rng.nextInt(4), 3);
            assertThat(BatchLoss.average(new SoftmaxCrossEntropy(), b.outputs(), b.targets()))
                    .isCloseTo(b.meanCrossEntropy(b.outputs()), within(1e-12));
        }

        @Test
        @DisplayName("divides by n, not by 1: losses 0.5, 2 and 4.5 average to 7/3")
        void dividesByN() {
            List<double[]> y = List.of(new double[] {1}, new double[] {2}, new double[] {3});
            List<double[]> t = List.of(new double[] {0}, new double[] {0}, new double[] {0});
            assertThat(BatchLoss.average(new HalfSquaredError(), y, t)).isCloseTo(7.0 / 3, within(1e-12));
        }

        @Test
        @DisplayName("calls the loss it is given, and of a batch of one is that loss")
        void anyLossAndBatchOfOne() {
            List<double[]> y = List.of(new double[] {2, 1}, new double[] {0, 0});
            List<double[]> t = List.of(new double[] {0, 0}, new double[] {1, 0});
            // E = sum_k (y_k - t_k)^3 / 3: E_0 = (8 + 1) / 3 = 3, E_1 = (-1)^3 / 3 = -1/3
            assertThat(BatchLoss.average(new Cubic(), y, t)).isCloseTo((3 - 1.0 / 3) / 2, within(1e-12));
            assertThat(BatchLoss.average(new Cubic(), List.of(new double[] {2}), List.of(new double[] {1})))
                    .isCloseTo(1.0 / 3, within(1e-12));
        }

        @Test
        @DisplayName("rejects an empty batch, lists of different sizes and bad examples, naming them")
        void rejectsBadBatches() {
            Loss loss = new HalfSquaredError();
            List<double[]> one = List.of(new double[] {1});
            assertThat(BatchLoss.average(loss, one, List.of(new double[] {0}))).isCloseTo(0.5, within(1e-12));
            List<double[]> three = List.of(new double[] {1}, new double[] {1}, new double[] {1});
            List<double[]> two = List.of(new double[] {1}, new double[] {1});
            assertThatThrownBy(() -> BatchLoss.average(loss, three, two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs has 3 examples but targets has 2");
            assertThatThrownBy(() -> BatchLoss.average(loss, one, two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs has 1 example but targets has 2");
            assertThatThrownBy(() -> BatchLoss.average(loss, List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs is empty; it needs at least one element");
            assertThatThrownBy(() -> BatchLoss.average(loss, one, List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets is empty; it needs at least one element");
            assertThatThrownBy(() -> BatchLoss.average(loss, two, List.of(new double[] {1}, new double[] {1, 2})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs[1] has 1 entries but targets[1] has 2");
            assertThatThrownBy(() -> BatchLoss.average(loss, List.of(new double[0]), List.of(new double[0])))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs[0] is empty; it needs at least one entry");
            assertThatThrownBy(() -> BatchLoss.average(loss, two, List.of(new double[] {1}, new double[] {Double.NaN})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets[1][0] must be a finite number but was NaN");
            assertThatThrownBy(() -> BatchLoss.average(null, one, one))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("loss must not be null");
        }
    }

    @Nested
    @Tag("ex5.5")
    @DisplayName("Exercise 5.5: batch gradient")
    class BatchGradient {

        @RepeatedTest(6)
        @DisplayName("of the half squared error matches central differences of the average, (y - t) / n (Eq. 5.2)")
        void halfSquared(RepetitionInfo info) {
            Random rng = new Random(570 + info.getCurrentRepetition());
            int n = 1 + rng.nextInt(5);
            Batch b = Batch.random(rng, n, 1 + rng.nextInt(3));
            List<double[]> g = BatchLoss.gradient(new HalfSquaredError(), b.outputs(), b.targets());
            assertThat(g).hasSize(n);
            for (int x = 0; x < n; x++) {
                double[] y = b.outputs().get(x);
                double[] t = b.targets().get(x);
                assertThat(g.get(x)).hasSize(y.length);
                for (int k = 0; k < y.length; k++) {
                    assertThat(g.get(x)[k]).as("dE/dy(%d)[%d]", x, k).isCloseTo((y[k] - t[k]) / n, within(1e-12));
                    assertThat(g.get(x)[k]).as("dE/dy(%d)[%d] vs central difference", x, k)
                            .isCloseTo(batchSlope(b::meanHalfSquared, b.outputs(), x, k), within(1e-6));
                }
            }
        }

        @RepeatedTest(4)
        @DisplayName("of the cross-entropy matches central differences of the average, (p - t) / n")
        void crossEntropy(RepetitionInfo info) {
            Random rng = new Random(580 + info.getCurrentRepetition());
            int n = 2 + rng.nextInt(3);
            Batch b = Batch.classes(rng, n, 3);
            List<double[]> g = BatchLoss.gradient(new SoftmaxCrossEntropy(), b.outputs(), b.targets());
            for (int x = 0; x < n; x++) {
                double[] p = plainSoftmax(b.outputs().get(x));
                for (int k = 0; k < 3; k++) {
                    assertThat(g.get(x)[k]).as("dE/dz(%d)[%d]", x, k)
                            .isCloseTo((p[k] - b.targets().get(x)[k]) / n, within(1e-12));
                    assertThat(g.get(x)[k]).as("dE/dz(%d)[%d] vs central difference", x, k)
                            .isCloseTo(batchSlope(b::meanCrossEntropy, b.outputs(), x, k), within(1e-6));
                }
            }
        }

        @Test
        @DisplayName("is averaged, not summed: four examples each get 1/4 of their gradient")
        void dividesByN() {
            List<double[]> y = List.of(new double[] {4}, new double[] {8}, new double[] {-4}, new double[] {0});
            List<double[]> t = List.of(new double[] {0}, new double[] {0}, new double[] {0}, new double[] {0});
            List<double[]> g = BatchLoss.gradient(new HalfSquaredError(), y, t);
            double[] expected = {1, 2, -1, 0};
            for (int x = 0; x < 4; x++) {
                assertVector(g.get(x), new double[] {expected[x]}, 1e-12, "dE/dy(" + x + ")");
            }
        }

        @Test
        @DisplayName("calls the loss it is given, keeps each example's width, and of a batch of one is that gradient")
        void anyLossAndBatchOfOne() {
            List<double[]> y = List.of(new double[] {2, 1}, new double[] {0, 0, 3});
            List<double[]> t = List.of(new double[] {0, 0}, new double[] {1, 0, 1});
            List<double[]> g = BatchLoss.gradient(new Cubic(), y, t);
            assertVector(g.get(0), new double[] {2, 0.5}, 1e-12, "dE/dy(0)");
            assertVector(g.get(1), new double[] {0.5, 0, 2}, 1e-12, "dE/dy(1)");
            List<double[]> single = BatchLoss.gradient(new Cubic(), List.of(new double[] {3}), List.of(new double[] {1}));
            assertThat(single).hasSize(1);
            assertVector(single.get(0), new double[] {4}, 1e-12, "dE/dy");
        }

        @Test
        @DisplayName("rejects an empty batch and lists of different sizes")
        void rejectsBadBatches() {
            Loss loss = new HalfSquaredError();
            List<double[]> one = List.of(new double[] {1});
            assertVector(BatchLoss.gradient(loss, one, List.of(new double[] {0})).get(0), new double[] {1}, 1e-12, "g");
            List<double[]> three = List.of(new double[] {1}, new double[] {1}, new double[] {1});
            assertThatThrownBy(() -> BatchLoss.gradient(loss, three, List.of(new double[] {1}, new double[] {1})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs has 3 examples but targets has 2");
            assertThatThrownBy(() -> BatchLoss.gradient(loss, List.of(), one))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs is empty; it needs at least one element");
            assertThatThrownBy(() -> BatchLoss.gradient(new SoftmaxCrossEntropy(), List.of(new double[] {0, 0}),
                    List.of(new double[] {0.5, 0.6})))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("target must sum to 1 (a probability vector) but sums to 1.1");
        }
    }

    @Nested
    @Tag("ex5.6")
    @DisplayName("Exercise 5.6: worst-case loss")
    class WorstCase {

        @RepeatedTest(6)
        @DisplayName("is max_x E_x, with the worst example's gradient matching central differences and zeros elsewhere (Eq. 5.8)")
        void random(RepetitionInfo info) {
            Random rng = new Random(590 + info.getCurrentRepetition());
            int n = 1 + rng.nextInt(6);
            Batch b = Batch.random(rng, n, 2);
            int worst = 0;
            for (int x = 1; x < n; x++) {
                if (halfSquared(b.outputs().get(x), b.targets().get(x))
                        > halfSquared(b.outputs().get(worst), b.targets().get(worst))) {
                    worst = x;
                }
            }
            assertThat(WorstCaseLoss.value(new HalfSquaredError(), b.outputs(), b.targets()))
                    .isCloseTo(b.maxHalfSquared(b.outputs()), within(1e-12));
            List<double[]> g = WorstCaseLoss.gradient(new HalfSquaredError(), b.outputs(), b.targets());
            assertThat(g).hasSize(n);
            for (int x = 0; x < n; x++) {
                for (int k = 0; k < 2; k++) {
                    double expected = x == worst ? b.outputs().get(x)[k] - b.targets().get(x)[k] : 0;
                    assertThat(g.get(x)[k]).as("dE_max/dy(%d)[%d]", x, k).isCloseTo(expected, within(1e-12));
                    assertThat(g.get(x)[k]).as("dE_max/dy(%d)[%d] vs central difference", x, k)
                            .isCloseTo(batchSlope(b::maxHalfSquared, b.outputs(), x, k), within(1e-6));
                }
            }
        }

        @Test
        @DisplayName("takes the first of tied worst examples, zeros for every other, each shaped like its outputs")
        void ties() {
            List<double[]> y = List.of(new double[] {0, 0, 0}, new double[] {1}, new double[] {-1}, new double[] {0.5, 0});
            List<double[]> t = List.of(new double[] {0, 0, 0}, new double[] {0}, new double[] {0}, new double[] {0, 0});
            assertThat(WorstCaseLoss.value(new HalfSquaredError(), y, t)).isCloseTo(0.5, within(1e-12));
            List<double[]> g = WorstCaseLoss.gradient(new HalfSquaredError(), y, t);
            assertVector(g.get(0), new double[] {0, 0, 0}, 0, "dE_max/dy(0)");
            assertVector(g.get(1), new double[] {1}, 0, "dE_max/dy(1)");
            assertVector(g.get(2), new double[] {0}, 0, "dE_max/dy(2)");
            assertVector(g.get(3), new double[] {0, 0}, 0, "dE_max/dy(3)");
        }

        @Test
        @DisplayName("is not the average and its gradient not scaled by 1/n; the worst may be the last example")
        void notAnAverage() {
            List<double[]> y = List.of(new double[] {1}, new double[] {0}, new double[] {4});
            List<double[]> t = List.of(new double[] {0}, new double[] {0}, new double[] {0});
            assertThat(WorstCaseLoss.value(new HalfSquaredError(), y, t)).isCloseTo(8, within(1e-12));
            List<double[]> g = WorstCaseLoss.gradient(new HalfSquaredError(), y, t);
            assertVector(g.get(0), new double[] {0}, 0, "dE_max/dy(0)");
            assertVector(g.get(2), new double[] {4}, 1e-12, "dE_max/dy(2)");
        }

        @Test
        @DisplayName("of a batch of one is that example's loss and gradient, for any loss")
        void batchOfOne() {
            List<double[]> y = List.of(new double[] {3, 0});
            List<double[]> t = List.of(new double[] {1, 2});
            // (2^3 + (-2)^3) / 3 = 0, gradient (2^2, (-2)^2) = (4, 4)
            assertThat(WorstCaseLoss.value(new Cubic(), y, t)).isCloseTo(0, within(1e-12));
            assertVector(WorstCaseLoss.gradient(new Cubic(), y, t).get(0), new double[] {4, 4}, 1e-12, "grad");
            // with the cubic loss a negative E_x can be the largest: -1/3 beats -8/3
            List<double[]> neg = List.of(new double[] {0}, new double[] {0});
            List<double[]> negT = List.of(new double[] {2}, new double[] {1});
            assertThat(WorstCaseLoss.value(new Cubic(), neg, negT)).isCloseTo(-1.0 / 3, within(1e-12));
            assertVector(WorstCaseLoss.gradient(new Cubic(), neg, negT).get(1), new double[] {1}, 1e-12, "grad");
        }

        @Test
        @DisplayName("rejects an empty batch and lists of different sizes")
        void rejectsBadBatches() {
            Loss loss = new HalfSquaredError();
            List<double[]> one = List.of(new double[] {2});
            assertThat(WorstCaseLoss.value(loss, one, List.of(new double[] {0}))).isCloseTo(2, within(1e-12));
            List<double[]> two = List.of(new double[] {1}, new double[] {1});
            assertThatThrownBy(() -> WorstCaseLoss.value(loss, two, one))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs has 2 examples but targets has 1");
            assertThatThrownBy(() -> WorstCaseLoss.gradient(loss, one, two))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs has 1 example but targets has 2");
            assertThatThrownBy(() -> WorstCaseLoss.gradient(loss, List.of(), List.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("outputs is empty; it needs at least one element");
        }
    }
}
