package backprop.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch5")
@DisplayName("A batch of two: y = 1 and y = 3, both with target 0, half squared error")
class BatchLossTest {

    /** The per-example losses are 1/2 * 1^2 = 0.5 and 1/2 * 3^2 = 4.5. */
    static final List<double[]> OUTPUTS = List.of(new double[] {1}, new double[] {3});
    static final List<double[]> TARGETS = List.of(new double[] {0}, new double[] {0});

    @Nested
    @Tag("ex5.4")
    @DisplayName("Exercise 5.4: the average (Eq. 5.1, 5.4)")
    class Average {

        @Test
        @DisplayName("is (0.5 + 4.5) / 2 = 2.5")
        void example() {
            assertThat(BatchLoss.average(new HalfSquaredError(), OUTPUTS, TARGETS)).as("E").isCloseTo(2.5, within(1e-12));
        }

        @Test
        @DisplayName("of a batch of one is that example's loss")
        void batchOfOne() {
            assertThat(BatchLoss.average(new HalfSquaredError(), List.of(new double[] {3}), List.of(new double[] {0})))
                    .as("E").isCloseTo(4.5, within(1e-12));
        }
    }

    @Nested
    @Tag("ex5.5")
    @DisplayName("Exercise 5.5: the gradient (Eq. 5.2)")
    class Gradient {

        @Test
        @DisplayName("scales each example's gradient y - t by 1/2: (0.5) and (1.5)")
        void example() {
            List<double[]> g = BatchLoss.gradient(new HalfSquaredError(), OUTPUTS, TARGETS);
            assertThat(g).hasSize(2);
            assertThat(g.get(0)).containsExactly(new double[] {0.5}, within(1e-12));
            assertThat(g.get(1)).containsExactly(new double[] {1.5}, within(1e-12));
        }
    }
}
