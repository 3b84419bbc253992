package backprop.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch7")
@Tag("ex7.7")
@DisplayName("Exercise 7.7: forward mode, one pass per input (Eq. 7.5)")
class ForwardModeTest {

    @Test
    @DisplayName("gives the worked example's gradient (2.78644773, 0.5) of f = x y + tanh(x) at (0.5, 2)")
    void example() {
        double[] g = ForwardMode.gradient(in -> in.get(0).multiply(in.get(1)).add(in.get(0).tanh()), new double[] {0.5, 2});
        assertThat(g).hasSize(2);
        assertThat(g[0]).as("df/dx").isCloseTo(2.7864477329659274, within(1e-15));
        assertThat(g[1]).as("df/dy").isCloseTo(0.5, within(1e-15));
    }

    @Test
    @DisplayName("evaluates f once per input, each time with derivative 1 for one input and 0 for the others")
    void onePassPerInput() {
        int[] passes = {0};
        double[][] seeds = new double[4][];
        Function<List<Dual>, Dual> f = in -> {
            seeds[passes[0]] = in.stream().mapToDouble(Dual::derivative).toArray();
            passes[0]++;
            Dual s = in.get(0);
            for (int k = 1; k < in.size(); k++) {
                s = s.add(in.get(k).multiply(in.get(k)));
            }
            return s;
        };
        double[] g = ForwardMode.gradient(f, new double[] {1, 2, 3, 4});
        assertThat(passes[0]).as("passes").isEqualTo(4);
        for (int k = 0; k < 4; k++) {
            double[] e = new double[4];
            e[k] = 1;
            assertThat(seeds[k]).as("the derivatives of the inputs in pass %d", k).containsExactly(e);
        }
        // f = x0 + x1^2 + x2^2 + x3^2
        assertThat(g).containsExactly(new double[] {1, 4, 6, 8}, within(1e-12));
    }
}
