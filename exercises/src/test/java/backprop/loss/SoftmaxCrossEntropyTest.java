package backprop.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch5")
@DisplayName("Softmax with the cross-entropy")
class SoftmaxCrossEntropyTest {

    /** z = (0, ln 3): e^z = (1, 3), so p = (1/4, 3/4). */
    private static final double[] Z = {0, Math.log(3)};

    @Nested
    @Tag("ex5.2")
    @DisplayName("Exercise 5.2: softmax (Eq. 5.5)")
    class Softmax {

        @Test
        @DisplayName("of (0, ln 3) is (0.25, 0.75)")
        void example() {
            assertThat(SoftmaxCrossEntropy.softmax(Z)).containsExactly(new double[] {0.25, 0.75}, within(1e-12));
        }

        @Test
        @DisplayName("of three equal logits is (1/3, 1/3, 1/3)")
        void equalLogits() {
            assertThat(SoftmaxCrossEntropy.softmax(new double[] {2, 2, 2}))
                    .containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, within(1e-12));
        }

        @Test
        @DisplayName("of (800, 800 + ln 3) is still (0.25, 0.75): no overflow")
        void largeLogits() {
            assertThat(SoftmaxCrossEntropy.softmax(new double[] {800, 800 + Math.log(3)}))
                    .containsExactly(new double[] {0.25, 0.75}, within(1e-12));
        }
    }

    @Nested
    @Tag("ex5.3")
    @DisplayName("Exercise 5.3: the cross-entropy and its gradient (Eq. 5.6, 5.7)")
    class CrossEntropy {

        private final Loss loss = new SoftmaxCrossEntropy();

        @Test
        @DisplayName("of z = (0, ln 3) with t = (0, 1) is -ln 0.75 = 0.28768207")
        void value() {
            assertThat(loss.value(Z, new double[] {0, 1})).as("E").isCloseTo(-Math.log(0.75), within(1e-12));
        }

        @Test
        @DisplayName("of z = (0, ln 3) with t = (1, 0) is -ln 0.25 = ln 4")
        void wrongClass() {
            assertThat(loss.value(Z, new double[] {1, 0})).as("E").isCloseTo(Math.log(4), within(1e-12));
        }

        @Test
        @DisplayName("of two logits of 1e16 with t = (1, 0) is ln 2: z_k - m comes first, then the logarithm")
        void hugeLogits() {
            assertThat(loss.value(new double[] {1e16, 1e16}, new double[] {1, 0})).as("E").isCloseTo(Math.log(2), within(1e-12));
        }

        @Test
        @DisplayName("has the gradient p - t = (0.25, -0.25) for t = (0, 1)")
        void gradient() {
            assertThat(loss.gradient(Z, new double[] {0, 1})).containsExactly(new double[] {0.25, -0.25}, within(1e-12));
        }
    }
}
