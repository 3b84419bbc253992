package backprop.network;

import static backprop.testing.TestActivations.IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exercise 4.1's headline on a layer that is not square: 3 inputs into 2 neurons, so
 * weights() is 3 x 2 and w[j][i] in place of w[i][j] runs out of the array. With the identity
 * activation the values are worked by hand, for x = (1, 2, 3):
 * net_0 = 1 * 1 + 2 * 0.5 + 3 * (-2) + 0.5 = -3.5, net_1 = 1 * (-1) + 2 * 2 + 3 * 1 - 1 = 5,
 * and the output net = -3.5 * 2 + 5 * 1 + 0.25 = -1.75.
 */
@Tag("ch4")
@Tag("ex4.1")
@DisplayName("Exercise 4.1: the forward pass through a 3-2-1 network, whose first layer is not square")
class ForwardNonSquareTest {

    static final Layer HIDDEN = new Layer(new double[][] {{1, -1}, {0.5, 2}, {-2, 1}}, new double[] {0.5, -1}, IDENTITY);
    static final Layer OUTPUT = new Layer(new double[][] {{2}, {1}}, new double[] {0.25}, IDENTITY);
    static final double[] X = {1, 2, 3};

    @Test
    @DisplayName("gives the hidden net inputs (-3.5, 5): net_j = sum_i w_ij x_i + b_j")
    void hiddenLayer() {
        ForwardPass pass = Backpropagation.forward(new Network(List.of(HIDDEN, OUTPUT)), X);
        assertThat(pass.netInputs().get(0)).hasSize(2);
        assertThat(pass.netInputs().get(0)[0]).as("net hidden 0").isCloseTo(-3.5, within(1e-12));
        assertThat(pass.netInputs().get(0)[1]).as("net hidden 1").isCloseTo(5, within(1e-12));
        assertThat(pass.outputs().get(1)).as("o hidden (identity)").containsExactly(new double[] {-3.5, 5}, within(1e-12));
    }

    @Test
    @DisplayName("gives the output -1.75")
    void outputLayer() {
        ForwardPass pass = Backpropagation.forward(new Network(List.of(HIDDEN, OUTPUT)), X);
        assertThat(pass.output()).containsExactly(new double[] {-1.75}, within(1e-12));
    }
}
