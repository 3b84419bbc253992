package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.testing.Numeric;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chapter's worked example: chapter 4's 2-2-1 logistic network on a batch of two examples,
 * x = (1, 0) with t = 1 (chapter 4's example, row 0) and x = (0, 1) with t = 0 (row 1).
 *
 * <pre>
 * W1 = | 0.5  -0.5 |   b1 = (0, 0)      W2 = |  0.5 |   b2 = (0)
 *      | 0.5   0.5 |                         | -0.5 |
 *
 * Z1 = X W1 = | 0.5  -0.5 |     A1 = | 0.6224593312018546  0.3775406687981454 |
 *             | 0.5   0.5 |          | 0.6224593312018546  0.6224593312018546 |
 * Z2 = (0.1224593312018546, 0)      A2 = (0.5305766310176361, 0.5)
 * D2 = (A2 - T) A2 (1 - A2) = (-0.11691696408417575, 0.125)
 * D1 = (D2 W2^T) A1 (1 - A1) = | -0.013737960289560898   0.013737960289560898 |
 *                              |  0.014687732012599656  -0.014687732012599656 |
 * dE/dW2 = 1/2 A1^T D2 = (0.0025156805651222677, 0.016833253793021682)   dE/db2 = 0.004041517957912126
 * dE/dW1 = 1/2 X^T D1  = | -0.006868980144780449   0.006868980144780449 |
 *                        |  0.007343866006299828  -0.007343866006299828 |
 * dE/db1 = (0.0004748858615193788, -0.0004748858615193788)
 * </pre>
 */
@Tag("ch6")
@DisplayName("The worked example: chapter 4's 2-2-1 network on a batch of two examples")
class MatrixFormTest {

    static final Matrix X = Matrix.of(new double[][] {{1, 0}, {0, 1}});
    static final double[][] T = {{1}, {0}};
    static final double[][] W1 = {{0.5, -0.5}, {0.5, 0.5}};
    static final double[][] W2 = {{0.5}, {-0.5}};

    static final double P = Numeric.logistic(0.5);
    static final double Q = Numeric.logistic(-0.5);
    static final double[][] A1 = {{P, Q}, {P, P}};
    static final double[][] A2 = {{Numeric.logistic(0.5 * P - 0.5 * Q)}, {0.5}};
    static final double[][] D2 = {{-0.11691696408417575}, {0.125}};
    static final double[][] D1 = {{-0.013737960289560898, 0.013737960289560898},
        {0.014687732012599656, -0.014687732012599656}};

    static MatrixNetwork network() {
        return new MatrixNetwork(List.of(Matrix.of(W1), Matrix.of(W2)), List.of(new double[2], new double[1]),
                MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR);
    }

    static void assertMatrix(Matrix actual, double[][] expected, String name) {
        assertThat(actual.rows()).as("%s rows", name).isEqualTo(expected.length);
        assertThat(actual.columns()).as("%s columns", name).isEqualTo(expected[0].length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertThat(actual.get(i, j)).as("%s(%d, %d)", name, i, j).isCloseTo(expected[i][j], within(1e-12));
            }
        }
    }

    @Nested
    @Tag("ex6.1")
    @DisplayName("Exercise 6.1: Z = A W + 1 b^T (Eq. 6.1)")
    class NetInputs {

        @Test
        @DisplayName("gives the hidden net inputs (0.5, -0.5) and (0.5, 0.5): row x is chapter 4's Eq. (4.1) for example x")
        void hiddenLayer() {
            Matrix z = MatrixForm.netInputs(X, Matrix.of(W1), new double[2], new Matrix(2, 2));
            assertMatrix(z, new double[][] {{0.5, -0.5}, {0.5, 0.5}}, "Z1");
        }

        @Test
        @DisplayName("adds the bias to every row and overwrites what z held")
        void biasOnEveryRow() {
            Matrix z = Matrix.of(new double[][] {{9, 9}, {9, 9}, {9, 9}});
            Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {0, 0, 0}, {-1, 0, 2}});
            Matrix w = Matrix.of(new double[][] {{1, 0}, {0, 1}, {2, -1}});
            MatrixForm.netInputs(a, w, new double[] {0.5, -0.25}, z);
            assertMatrix(z, new double[][] {{7.5, -1.25}, {0.5, -0.25}, {3.5, -2.25}}, "Z");
        }

        @Test
        @DisplayName("rejects weights whose rows are not the layer's inputs, naming both")
        void rejectsBadShapes() {
            assertMatrix(MatrixForm.netInputs(X, Matrix.of(W2), new double[1], new Matrix(2, 1)),
                    new double[][] {{0.5}, {-0.5}}, "Z");
            assertThatThrownBy(() -> MatrixForm.netInputs(X, new Matrix(3, 2), new double[2], new Matrix(2, 2)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("w has 3 rows but a has 2 columns (the layer's inputs)");
        }
    }

    @Nested
    @Tag("ex6.2")
    @DisplayName("Exercise 6.2: the forward pass of a batch (Eq. 6.2)")
    class Forward {

        @Test
        @DisplayName("gives A1 = phi(Z1) and the outputs 0.5305766310176361 (chapter 4's) and 0.5")
        void outputs() {
            Pass pass = new Pass(network(), 2);
            System.arraycopy(X.data(), 0, pass.input().data(), 0, 4);
            Matrix o = MatrixForm.forward(network(), pass);
            assertMatrix(pass.activation(1), A1, "A1");
            assertMatrix(o, new double[][] {{0.5305766310176361}, {0.5}}, "A2");
        }

        @Test
        @DisplayName("turns each row of a softmax network's last net inputs into probabilities")
        void softmaxRows() {
            MatrixNetwork n = new MatrixNetwork(List.of(Matrix.of(new double[][] {{1, 0, -1}})),
                    List.of(new double[] {0, 0, 0}), MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY);
            Pass pass = new Pass(n, 2);
            pass.input().set(0, 0, 1);
            pass.input().set(1, 0, 0);
            Matrix p = MatrixForm.forward(n, pass);
            double sum = Math.exp(1) + 1 + Math.exp(-1);
            assertMatrix(p, new double[][] {{Math.exp(1) / sum, 1 / sum, Math.exp(-1) / sum}, {1 / 3.0, 1 / 3.0, 1 / 3.0}}, "P");
        }
    }

    @Nested
    @Tag("ex6.3")
    @DisplayName("Exercise 6.3: the output deltas D = (A - T) ⊙ A ⊙ (1 - A) (Eq. 6.3)")
    class OutputDeltas {

        @Test
        @DisplayName("are -0.11691696 (chapter 4's delta) and 0.125 = (0.5 - 0) 0.5 (1 - 0.5)")
        void example() {
            Matrix d = MatrixForm.outputDeltas(Matrix.of(A2), Matrix.of(T), new Matrix(2, 1));
            assertMatrix(d, D2, "D2");
        }
    }

    @Nested
    @Tag("ex6.4")
    @DisplayName("Exercise 6.4: the softmax deltas D = P - T (Eq. 6.4)")
    class SoftmaxDeltas {

        @Test
        @DisplayName("are P - T, with no phi' factor")
        void example() {
            Matrix p = Matrix.of(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}});
            Matrix t = Matrix.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
            Matrix d = MatrixForm.softmaxDeltas(p, t, new Matrix(2, 3));
            assertMatrix(d, new double[][] {{-0.3, 0.2, 0.1}, {0.1, 0.3, -0.4}}, "D");
        }
    }

    @Nested
    @Tag("ex6.5")
    @DisplayName("Exercise 6.5: the inner deltas D1 = (D2 W2^T) ⊙ A1 ⊙ (1 - A1) (Eq. 6.5)")
    class InnerDeltas {

        @Test
        @DisplayName("are chapter 4's (-0.01373796, 0.01373796) in row 0 and (0.01468773, -0.01468773) in row 1")
        void example() {
            Matrix d = MatrixForm.innerDeltas(Matrix.of(D2), Matrix.of(W2), Matrix.of(A1), new Matrix(2, 2));
            assertMatrix(d, D1, "D1");
        }

        @Test
        @DisplayName("run along row j of the next layer's weights (its transpose), with 3 neurons feeding 2")
        void transpose() {
            Matrix next = Matrix.of(new double[][] {{1, 2}});
            Matrix w = Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 1}});
            Matrix a = Matrix.of(new double[][] {{0.5, 0.5, 0.5}});
            Matrix d = MatrixForm.innerDeltas(next, w, a, new Matrix(1, 3));
            assertMatrix(d, new double[][] {{0.25, 0.5, 0.75}}, "D");
        }
    }

    @Nested
    @Tag("ex6.6")
    @DisplayName("Exercise 6.6: the gradients 1/n A^T D and 1/n D^T 1 (Eq. 6.6, 6.7)")
    class Gradients {

        @Test
        @DisplayName("of the output layer are the batch means 0.00251568, 0.01683325 and 0.00404152")
        void outputLayer() {
            double[] gb = new double[1];
            Matrix gw = MatrixForm.gradients(Matrix.of(A1), Matrix.of(D2), new Matrix(2, 1), gb);
            assertMatrix(gw, new double[][] {{0.0025156805651222677}, {0.016833253793021682}}, "dE/dW2");
            assertThat(gb[0]).as("dE/db2").isCloseTo(0.004041517957912126, within(1e-12));
        }

        @Test
        @DisplayName("of the hidden layer are x_i delta_j averaged over the two examples")
        void hiddenLayer() {
            double[] gb = {7, 7};
            Matrix gw = MatrixForm.gradients(X, Matrix.of(D1), Matrix.of(new double[][] {{7, 7}, {7, 7}}), gb);
            assertMatrix(gw, new double[][] {{-0.006868980144780449, 0.006868980144780449},
                {0.007343866006299828, -0.007343866006299828}}, "dE/dW1");
            assertThat(gb[0]).as("dE/db1[0]").isCloseTo(0.0004748858615193788, within(1e-12));
            assertThat(gb[1]).as("dE/db1[1]").isCloseTo(-0.0004748858615193788, within(1e-12));
        }
    }
}
