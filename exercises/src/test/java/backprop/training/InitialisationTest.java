package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch6")
@Tag("ex6.10")
@DisplayName("Exercise 6.10: weights scaled by the fan-in (Eq. 6.9)")
class InitialisationTest {

    @Test
    @DisplayName("draws w_ij = g / sqrt(n_in) row by row, layer by layer, with biases 0")
    void drawsInOrder() {
        MatrixNetwork n = Initialisation.fanIn(new Random(1), MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, 4, 3, 2);
        Random rng = new Random(1);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(n.weights(0).get(i, j)).as("w1(%d, %d)", i, j).isCloseTo(rng.nextGaussian() / 2, within(1e-15));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(n.weights(1).get(i, j)).as("w2(%d, %d)", i, j).isCloseTo(rng.nextGaussian() / Math.sqrt(3), within(1e-15));
            }
        }
        assertThat(n.biases(0)).containsExactly(0, 0, 0);
        assertThat(n.biases(1)).containsExactly(0, 0);
    }

    @Test
    @DisplayName("gives 64 inputs weights with a spread of about 1/8, so a net input starts with a spread of about 1")
    void spread() {
        MatrixNetwork n = Initialisation.fanIn(new Random(2), MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY, 64, 30, 10);
        double sum = 0;
        for (double w : n.weights(0).data()) {
            sum += w * w;
        }
        assertThat(Math.sqrt(sum / n.weights(0).data().length)).as("root mean square of W1").isCloseTo(0.125, within(0.01));
        assertThat(n.output()).isEqualTo(MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY);
    }
}
