package backprop.training;

import static backprop.training.MatrixFormTest.X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.PlainNetwork;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch6")
@DisplayName("Mini-batch SGD")
class SgdTest {

    /** A pass for {@code network} holding the worked example's batch and targets. */
    static Pass workedBatch(MatrixNetwork network) {
        Pass pass = new Pass(network, 2);
        System.arraycopy(X.data(), 0, pass.input().data(), 0, 4);
        pass.targets().set(0, 0, 1);
        return pass;
    }

    /** Asserts that the matrix network has the plain network's numbers. */
    static void assertSameNumbers(MatrixNetwork actual, PlainNetwork expected, double tolerance) {
        for (int l = 0; l < expected.w.length; l++) {
            for (int i = 0; i < expected.w[l].length; i++) {
                for (int j = 0; j < expected.w[l][i].length; j++) {
                    assertThat(actual.weights(l).get(i, j)).as("w[%d](%d, %d)", l, i, j)
                            .isCloseTo(expected.w[l][i][j], within(tolerance));
                }
            }
            for (int j = 0; j < expected.b[l].length; j++) {
                assertThat(actual.biases(l)[j]).as("b[%d][%d]", l, j).isCloseTo(expected.b[l][j], within(tolerance));
            }
        }
    }

    @Nested
    @Tag("ex6.7")
    @DisplayName("Exercise 6.7: one step on a mini-batch (Eq. 6.8)")
    class Step {

        @Test
        @DisplayName("moves the worked example's weights by -0.5 times the batch-averaged gradients")
        void workedExample() {
            MatrixNetwork n = MatrixFormTest.network();
            Sgd.step(n, workedBatch(n), 0.5);
            assertThat(n.weights(1).get(0, 0)).as("w2(0, 0)").isCloseTo(0.49874215971743885, within(1e-12));
            assertThat(n.weights(1).get(1, 0)).as("w2(1, 0)").isCloseTo(-0.5084166268965108, within(1e-12));
            assertThat(n.biases(1)[0]).as("b2").isCloseTo(-0.002020758978956063, within(1e-12));
            assertThat(n.weights(0).get(0, 0)).as("w1(0, 0)").isCloseTo(0.5034344900723903, within(1e-12));
            assertThat(n.weights(0).get(1, 1)).as("w1(1, 1)").isCloseTo(0.5036719330031499, within(1e-12));
        }

        @Test
        @DisplayName("from all-equal weights keeps both hidden neurons equal: each column of W1 gets the same numbers")
        void symmetry() {
            MatrixNetwork n = Initialisation.constant(0.5, MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, 2, 2, 1);
            Sgd.step(n, workedBatch(n), 0.5);
            for (int j = 0; j < 2; j++) {
                assertThat(n.weights(0).get(0, j)).as("w1(0, %d)", j).isCloseTo(0.5009715502418325, within(1e-12));
                assertThat(n.weights(0).get(1, j)).as("w1(1, %d)", j).isCloseTo(0.4966725831479559, within(1e-12));
                assertThat(n.biases(0)[j]).as("b1[%d]", j).isCloseTo(0.4976441333897884, within(1e-12));
                assertThat(n.weights(1).get(j, 0)).as("w2(%d, 0)", j).isCloseTo(0.48248044798595363, within(1e-12));
            }
        }

        @Test
        @DisplayName("of a softmax network agrees with the per-example sums of chapter 4 and D = P - T")
        void softmax() {
            MatrixNetwork n = PlainNetwork.random(new Random(7), MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY, 3, 4, 3);
            PlainNetwork expected = PlainNetwork.of(n);
            double[][] x = PlainNetwork.uniform(new Random(8), 5, 3, 0, 1);
            double[][] t = PlainNetwork.oneHot(new int[] {0, 2, 1, 1, 0}, 3);
            Pass pass = new Pass(n, 5);
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 3; c++) {
                    pass.input().set(r, c, x[r][c]);
                    pass.targets().set(r, c, t[r][c]);
                }
            }
            Sgd.step(n, pass, 0.7);
            expected.step(x, t, 0.7);
            assertSameNumbers(n, expected, 1e-12);
        }
    }

    @Nested
    @Tag("ex6.8")
    @DisplayName("Exercise 6.8: one epoch")
    class Epoch {

        static final int[] LABELS = {0, 1, 1, 0, 1, 0, 0};

        static DataSet data() {
            return new DataSet("seven", Matrix.of(PlainNetwork.uniform(new Random(11), 7, 3, 0, 1)), LABELS, 2);
        }

        @Test
        @DisplayName("shuffles once with Sgd.shuffle, then steps through batches of 3, 3 and 1 in that order")
        void shuffledBatches() {
            MatrixNetwork n = PlainNetwork.random(new Random(3), MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR, 3, 4, 2);
            PlainNetwork expected = PlainNetwork.of(n);
            Sgd.epoch(n, data(), 3, 2.0, new Random(5));
            expected.epoch(data().inputs().toArray(), PlainNetwork.oneHot(LABELS, 2), PlainNetwork.order(7, new Random(5)), 3, 2.0);
            assertSameNumbers(n, expected, 1e-12);
        }

        @Test
        @DisplayName("with a batch as large as the data set is one step of full-batch gradient descent")
        void fullBatch() {
            MatrixNetwork n = PlainNetwork.random(new Random(4), MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY, 3, 2);
            PlainNetwork expected = PlainNetwork.of(n);
            Sgd.epoch(n, data(), 7, 1.5, new Random(6));
            expected.step(data().inputs().toArray(), PlainNetwork.oneHot(LABELS, 2), 1.5);
            assertSameNumbers(n, expected, 1e-12);
            assertThat(List.of(n.sizes()[0], n.sizes()[1])).containsExactly(3, 2);
        }
    }
}
