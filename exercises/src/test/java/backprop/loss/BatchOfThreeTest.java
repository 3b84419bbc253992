package backprop.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 5.4's headline: the average is over the examples, n = 3 here, and each output has 2
 * components, so dividing by the output's length, or summing without 1/n, gives another
 * number. Half squared errors by hand: 1/2 (1 + 0) = 0.5, 1/2 (4 + 4) = 4, 1/2 (0 + 9) = 4.5;
 * their mean is 9 / 3 = 3.
 */
@Tag("ch5")
@Tag("ex5.4")
@DisplayName("Exercise 5.4: the average over a batch of three two-output examples")
class BatchOfThreeTest {

    static final List<double[]> OUTPUTS = List.of(new double[] {1, 0}, new double[] {2, -2}, new double[] {0, 3});
    static final List<double[]> TARGETS = List.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0});

    @Test
    @DisplayName("is (0.5 + 4 + 4.5) / 3 = 3")
    void meanOfThree() {
        assertThat(BatchLoss.average(new HalfSquaredError(), OUTPUTS, TARGETS)).as("E").isCloseTo(3, within(1e-12));
    }
}
