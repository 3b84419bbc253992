package backprop.network;

import static backprop.testing.TestActivations.LOGISTIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4.3's headline: the sum of Eq. (4.5) runs over every neuron of the next layer. Here
 * an inner layer of 2 neurons feeds a next layer of 3, so next.weights() is 2 x 3 (not square:
 * w[l][j] in place of w[j][l] runs out of the array), and the deltas are worked by hand:
 * phi'(0) = 1/4 and phi'(ln 3) = (3/4)(1/4) = 3/16 for the logistic function, so
 * delta_0 = (1 * 0.1 + 2 * (-0.2) + 3 * 0.4) / 4 = 0.9 / 4 = 0.225 and
 * delta_1 = (-1 * 0.1 + 0.5 * (-0.2) + 2 * 0.4) * 3/16 = 0.6 * 3/16 = 0.1125.
 * Keeping only the next layer's first neuron would give 0.025 and -0.01875.
 */
@Tag("ch4")
@Tag("ex4.3")
@DisplayName("Exercise 4.3: inner deltas that sum over three next-layer neurons")
class InnerDeltasManyNeuronsTest {

    /** 3 inputs, 2 neurons; only its activation and size matter for the deltas. */
    static final Layer INNER = new Layer(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0, 0}, LOGISTIC);
    /** 2 inputs (the inner layer's neurons), 3 neurons: w[j][l] from inner neuron j to next neuron l. */
    static final Layer NEXT = new Layer(new double[][] {{1, 2, 3}, {-1, 0.5, 2}}, new double[] {0, 0, 0}, LOGISTIC);
    static final double[] NET = {0, Math.log(3)};
    static final double[] NEXT_DELTAS = {0.1, -0.2, 0.4};

    @Test
    @DisplayName("give delta = (0.225, 0.1125): every next-layer neuron counts, weighted by w_jl")
    void everyNextNeuronCounts() {
        double[] delta = Backpropagation.innerDeltas(INNER, NET, NEXT, NEXT_DELTAS);
        assertThat(delta).hasSize(2);
        assertThat(delta[0]).as("delta_0").isCloseTo(0.225, within(1e-12));
        assertThat(delta[1]).as("delta_1").isCloseTo(0.1125, within(1e-12));
    }

    @Test
    @DisplayName("change when only the third next-layer delta changes")
    void theLastNeuronCounts() {
        double[] delta = Backpropagation.innerDeltas(INNER, NET, NEXT, new double[] {0.1, -0.2, 0});
        // delta_0 = (0.1 - 0.4) / 4 = -0.075, delta_1 = (-0.1 - 0.1) * 3/16 = -0.0375
        assertThat(delta[0]).as("delta_0").isCloseTo(-0.075, within(1e-12));
        assertThat(delta[1]).as("delta_1").isCloseTo(-0.0375, within(1e-12));
    }
}
