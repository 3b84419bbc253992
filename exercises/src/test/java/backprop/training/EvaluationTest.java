package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch6")
@Tag("ex6.9")
@DisplayName("Exercise 6.9: predictions and accuracy (Eq. 6.10)")
class EvaluationTest {

    /** One layer, output k = input k: the prediction is the index of the largest input. */
    static MatrixNetwork identityLike() {
        return new MatrixNetwork(List.of(Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})),
                List.of(new double[3]), MatrixNetwork.Output.SIGMOID_HALF_SQUARED_ERROR);
    }

    @Test
    @DisplayName("predicts the index of the largest output of each row, the first one at a tie")
    void predict() {
        Matrix x = Matrix.of(new double[][] {{0, 2, 1}, {5, -1, 0}, {0, 0, 3}, {1, 1, 0}});
        assertThat(Evaluation.predict(identityLike(), x)).containsExactly(1, 0, 2, 0);
    }

    @Test
    @DisplayName("counts 3 right of 4 as 0.75")
    void accuracy() {
        Matrix x = Matrix.of(new double[][] {{0, 2, 1}, {5, -1, 0}, {0, 0, 3}, {1, 1, 0}});
        DataSet data = new DataSet("four", x, new int[] {1, 0, 2, 1}, 3);
        assertThat(Evaluation.accuracy(identityLike(), data)).isCloseTo(0.75, within(1e-12));
    }
}
