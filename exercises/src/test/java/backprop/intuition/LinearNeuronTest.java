package backprop.intuition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("ch1")
@Tag("ex1.1")
@DisplayName("Exercise 1.1: the linear neuron's output")
class LinearNeuronTest {

    @ParameterizedTest(name = "w = ({0}, {1}), x = ({2}, {3}) gives y = {4}")
    @CsvSource({
        // the chapter's example: the case (1, 1, 0) with w = (0.5, -0.25)
        "0.5, -0.25, 1, 1, 0.25",
        "0.5, -0.25, 2, 4, 0.0",
        "0.3, 0.7, 1, 1, 1.0",
        "2, 3, -1, 0.5, -0.5",
    })
    @DisplayName("is the weighted sum x1*w1 + x2*w2 (Eq. 1.1)")
    void weightedSum(double w1, double w2, double x1, double x2, double y) {
        assertThat(new LinearNeuron(w1, w2).output(x1, x2)).as("y").isCloseTo(y, within(1e-12));
    }
}
