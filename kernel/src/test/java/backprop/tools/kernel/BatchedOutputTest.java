package backprop.tools.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

@DisplayName("A cell's output")
class BatchedOutputTest {

    private static CellRunner runner;

    @BeforeAll
    static void start() {
        runner = CellRunner.start(KernelSettings.defaults());
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    @DisplayName("of 100 000 println lines arrives whole, in order, in far fewer messages than lines")
    void manyLinesArriveInFewMessages() {
        Messages messages = new Messages();

        CellResult result = runner.run("for (int i = 0; i < 100000; i++) System.out.println(\"line \" + i);", messages);

        assertThat(result.error()).isNull();
        String text = messages.text("out");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(100_000);
        assertThat(lines.get(0)).isEqualTo("line 0");
        assertThat(lines.get(99_999)).isEqualTo("line 99999");
        assertThat(text).doesNotContain("output capped");
        assertThat(messages.count()).as("stream messages").isLessThan(1_000);
    }

    @Test
    @DisplayName("past the cap ends with a notice that says how much was not sent")
    void theCapIsAnnounced() {
        Messages messages = new Messages();
        try (BatchedOutput out = new BatchedOutput(messages, 100)) {
            for (int i = 0; i < 50; i++) {
                out.stdout("0123456789\n");
            }
        }
        assertThat(messages.text("out")).hasSize(100);
        assertThat(messages.text("err")).contains("output capped").contains("450 characters").contains("41 lines");
    }

    @Test
    @DisplayName("keeps stdout, stderr and displays in the order they were written")
    void keepsTheOrder() {
        Messages messages = new Messages();
        try (BatchedOutput out = new BatchedOutput(messages)) {
            out.stdout("a");
            out.stdout("b");
            out.stderr("c");
            out.display(new DisplayData("d"));
            out.stdout("e");
        }
        assertThat(messages.log).containsExactly("out:ab", "err:c", "display", "out:e");
    }

    @Test
    @DisplayName("goes out while the cell still runs, not only at its end")
    void streamsWhileRunning() {
        Messages messages = new Messages();
        CellResult result = runner.run("System.out.println(\"first\"); Thread.sleep(1500); System.out.println(\"second\");", messages);
        assertThat(result.error()).isNull();
        assertThat(messages.log).containsExactly("out:first\n", "out:second\n");
    }

    /** Records every message a cell sends. */
    static final class Messages implements CellOutput {
        final List<String> log = new ArrayList<>();

        synchronized int count() {
            return log.size();
        }

        synchronized String text(String stream) {
            StringBuilder s = new StringBuilder();
            log.stream().filter(m -> m.startsWith(stream + ":")).forEach(m -> s.append(m, stream.length() + 1, m.length()));
            return s.toString();
        }

        @Override
        public synchronized void stdout(String text) {
            log.add("out:" + text);
        }

        @Override
        public synchronized void stderr(String text) {
            log.add("err:" + text);
        }

        @Override
        public synchronized void display(DisplayData data) {
            log.add("display");
        }

        @Override
        public synchronized void updateDisplay(DisplayData data) {
            log.add("update");
        }
    }
}
