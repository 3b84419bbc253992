package backprop.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch5")
@Tag("ex5.6")
@DisplayName("Exercise 5.6: the worst-case loss on the batch y = 1, y = 3, t = 0 (Eq. 5.8)")
class WorstCaseLossTest {

    @Test
    @DisplayName("is the larger loss, 4.5, not the average 2.5")
    void value() {
        assertThat(WorstCaseLoss.value(new HalfSquaredError(), BatchLossTest.OUTPUTS, BatchLossTest.TARGETS))
                .as("E_max").isCloseTo(4.5, within(1e-12));
    }

    @Test
    @DisplayName("has the gradient 0 for the first example and 3 (unscaled) for the worst")
    void gradient() {
        List<double[]> g = WorstCaseLoss.gradient(new HalfSquaredError(), BatchLossTest.OUTPUTS, BatchLossTest.TARGETS);
        assertThat(g).hasSize(2);
        assertThat(g.get(0)).containsExactly(new double[] {0}, within(1e-12));
        assertThat(g.get(1)).containsExactly(new double[] {3}, within(1e-12));
    }
}
