package backprop.intuition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch1")
@DisplayName("Gradient descent on the case (1, 1, 0) from w = (0.5, 0.5)")
class GradientDescentTest {

    private static final List<TrainingCase> CASE = List.of(new TrainingCase(1, 1, 0));
    private static final LinearNeuron START = new LinearNeuron(0.5, 0.5);

    @Nested
    @Tag("ex1.5")
    @DisplayName("Exercise 1.5: the gradient (Eq. 1.5)")
    class Gradient {

        @Test
        @DisplayName("is (2, 2): y = 1 is too large by 1, and each input is 1")
        void singleCase() {
            double[] g = GradientDescent.gradient(START, CASE);
            assertThat(g).hasSize(2);
            assertThat(g[0]).as("dE/dw1").isCloseTo(2.0, within(1e-12));
            assertThat(g[1]).as("dE/dw2").isCloseTo(2.0, within(1e-12));
        }

        @Test
        @DisplayName("averages over the cases: (1, 0, 1) and (0, 1, 0) at w = (0, 0) give (-1, 0)")
        void averagesOverCases() {
            double[] g = GradientDescent.gradient(new LinearNeuron(0, 0),
                    List.of(new TrainingCase(1, 0, 1), new TrainingCase(0, 1, 0)));
            assertThat(g[0]).as("dE/dw1").isCloseTo(-1.0, within(1e-12));
            assertThat(g[1]).as("dE/dw2").isCloseTo(0.0, within(1e-12));
        }
    }

    @Nested
    @Tag("ex1.6")
    @DisplayName("Exercise 1.6: one step (Eq. 1.6)")
    class Step {

        @Test
        @DisplayName("with learning rate 0.1 moves downhill to (0.3, 0.3)")
        void movesDownhill() {
            LinearNeuron next = GradientDescent.step(START, CASE, 0.1);
            assertThat(next.w1()).as("w1").isCloseTo(0.3, within(1e-12));
            assertThat(next.w2()).as("w2").isCloseTo(0.3, within(1e-12));
        }
    }

    @Nested
    @Tag("ex1.7")
    @DisplayName("Exercise 1.7: fitting")
    class Fit {

        @Test
        @DisplayName("records the start and every step: 0.5, 0.3, 0.18")
        void recordsThePath() {
            List<LinearNeuron> path = GradientDescent.fit(START, CASE, 0.1, 2);
            assertThat(path).hasSize(3);
            double[] expected = {0.5, 0.3, 0.18};
            for (int s = 0; s < 3; s++) {
                assertThat(path.get(s).w1()).as("w1 after %d steps", s).isCloseTo(expected[s], within(1e-12));
                assertThat(path.get(s).w2()).as("w2 after %d steps", s).isCloseTo(expected[s], within(1e-12));
            }
        }
    }
}
