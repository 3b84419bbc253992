package backprop.intuition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch1")
@Tag("ex1.4")
@DisplayName("Exercise 1.4: the sampled error surface for the case (1, 1, 0)")
class ErrorSurfaceTest {

    private final ErrorSurface surface = ErrorSurface.sample(List.of(new TrainingCase(1, 1, 0)), -1, 1, 3);

    @Test
    @DisplayName("puts both weights on the grid -1, 0, 1")
    void grid() {
        assertThat(surface.w1Values()).containsExactly(-1, 0, 1);
        assertThat(surface.w2Values()).containsExactly(-1, 0, 1);
    }

    @Test
    @DisplayName("holds E = (w1 + w2)^2: zero along the line w1 = -w2 (Eq. 1.4)")
    void troughAlongTheDiagonal() {
        double[][] expected = {{4, 1, 0}, {1, 0, 1}, {0, 1, 4}};
        double[][] e = surface.error();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(e[i][j]).as("E at w1[%d], w2[%d]", i, j).isCloseTo(expected[i][j], within(1e-12));
            }
        }
    }
}
