package backprop.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 5.5's headline: every example's gradient y - t is scaled by 1/n with n = 3 examples
 * (not by the output's length 2, and not left out), in the batch's order:
 * (1, 0)/3, (2, -2)/3, (0, 3)/3.
 */
@Tag("ch5")
@Tag("ex5.5")
@DisplayName("Exercise 5.5: the gradient over a batch of three two-output examples")
class BatchGradientOfThreeTest {

    @Test
    @DisplayName("is each example's y - t divided by 3, in order")
    void scaledByOneThird() {
        List<double[]> g = BatchLoss.gradient(new HalfSquaredError(), BatchOfThreeTest.OUTPUTS, BatchOfThreeTest.TARGETS);
        assertThat(g).hasSize(3);
        assertThat(g.get(0)).containsExactly(new double[] {1.0 / 3, 0}, within(1e-12));
        assertThat(g.get(1)).containsExactly(new double[] {2.0 / 3, -2.0 / 3}, within(1e-12));
        assertThat(g.get(2)).containsExactly(new double[] {0, 1}, within(1e-12));
    }
}
