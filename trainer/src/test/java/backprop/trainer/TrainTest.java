package backprop.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("The trainer command")
class TrainTest {

    @Nested
    @DisplayName("counts")
    class Counts {

        @Test
        @DisplayName("the median of an odd and of an even number of epochs")
        void median() {
            assertThat(Stats.median(new double[] {3, 1, 2})).isEqualTo(2);
            assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        }

        @Test
        @DisplayName("the operations of an epoch of a 2-3-1 network on 4 examples in batches of 2, worked by hand")
        void flops() {
            // layer 1 (2 x 3): forward 12, gradients 12, neurons 12; layer 2 (3 x 1): forward 6, deltas 6, gradients 6, neurons 4
            double perExample = 12 + 12 + 12 + 6 + 6 + 6 + 4;
            // per batch the update: 2 (6 + 3) + 2 (3 + 1)
            double perBatch = 18 + 8;
            assertThat(Stats.flopsPerEpoch(new int[] {2, 3, 1}, 4, 2)).isCloseTo(4 * perExample + 2 * perBatch, within(1e-9));
        }
    }

    @Nested
    @DisplayName("trains")
    class Trains {

        @Test
        @DisplayName("a 4-8-3 network on iris: an accuracy per epoch between 0 and 1, better than chance at the end, the same for the same seed")
        void iris() {
            Train.Result a = Train.train("iris", new int[] {8}, 10, 0.5, 3, 7, "softmax", "fanin", 0, null, false);
            Train.Result b = Train.train("iris", new int[] {8}, 10, 0.5, 3, 7, "softmax", "fanin", 0, null, false);
            assertThat(a.sizes()).containsExactly(4, 8, 3);
            assertThat(a.testAccuracy()).hasSize(3);
            for (double x : a.testAccuracy()) {
                assertThat(x).isBetween(0.0, 1.0);
            }
            assertThat(a.testAccuracy()[2]).as("after 3 epochs").isGreaterThan(1.0 / 3);
            assertThat(b.testAccuracy()).containsExactly(a.testAccuracy());
            assertThat(a.json()).startsWith("{\"data\":\"iris\"").contains("\"sizes\":[4,8,3]").contains("\"median_epoch_s\":").endsWith("}");
        }

        @Test
        @DisplayName("refuses an unknown data set, output or initialisation, naming it")
        void badArguments() {
            assertThatThrownBy(() -> Train.train("mnist", new int[] {8}, 10, 0.5, 1, 1, "softmax", "fanin", 0, null, false))
                    .hasMessageContaining("--data must be digits or iris, not mnist");
            assertThatThrownBy(() -> Train.train("iris", new int[] {8}, 10, 0.5, 1, 1, "tanh", "fanin", 0, null, false))
                    .hasMessageContaining("--output must be sigmoid or softmax, not tanh");
            assertThatThrownBy(() -> Train.train("iris", new int[] {8}, 10, 0.5, 1, 1, "softmax", "zeros", 0, null, false))
                    .hasMessageContaining("--init must be fanin or normal, not zeros");
        }

        @Test
        @DisplayName("refuses a value out of range before training, naming the option and the value")
        void outOfRange() {
            assertThatThrownBy(() -> Train.train("iris", new int[] {8, 0}, 10, 0.5, 1, 1, "softmax", "fanin", 0, null, false))
                    .hasMessage("--hidden: every layer needs at least 1 neuron, not 0");
            assertThatThrownBy(() -> Train.train("iris", new int[] {8}, 0, 0.5, 1, 1, "softmax", "fanin", 0, null, false))
                    .hasMessage("--batch must be at least 1 but was 0");
            assertThatThrownBy(() -> Train.train("iris", new int[] {8}, 10, 0.5, 0, 1, "softmax", "fanin", 0, null, false))
                    .hasMessage("--epochs must be at least 1 but was 0");
            assertThatThrownBy(() -> Train.train("iris", new int[] {8}, 10, 0.5, 1, 1, "softmax", "fanin", -1, null, false))
                    .hasMessage("--warmup must not be negative but was -1");
            for (double eta : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThatThrownBy(() -> Train.train("iris", new int[] {8}, 10, eta, 1, 1, "softmax", "fanin", 0, null, false))
                        .as("eta %s", eta).hasMessage("--eta must be a finite number greater than 0 but was " + eta);
            }
        }

        @Test
        @DisplayName("from the command line, a bad value is one line naming it and the usage, exit code 2, no stack trace")
        void commandLineError() {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandLine cli = new CommandLine(new Train());
            cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            int code = cli.execute("train", "--data", "iris", "--epochs", "-1", "--no-progress");
            String text = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(2);
            assertThat(text).startsWith("--epochs must be at least 1 but was -1").contains("Usage:").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }

        @Test
        @DisplayName("from the command line: one JSON line on standard output")
        void commandLine() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream old = System.out;
            int code;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                code = new CommandLine(new Train()).execute("train", "--data", "iris", "--hidden", "5", "--epochs", "1", "--no-progress");
            } finally {
                System.setOut(old);
            }
            assertThat(code).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8).strip()).startsWith("{\"data\":\"iris\"").doesNotContain("\n");
        }
    }
}
