package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A grader killed mid-run leaves no half-written file, and a re-run completes the gradebook. */
@DisplayName("Killing the grader mid-run")
class KillAndResumeTest {

    @Test
    @DisplayName("a re-run after a kill skips what was graded and produces a complete, correct gradebook")
    void killAndResume() throws Exception {
        Path dir = Files.createTempDirectory("kill");
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Path out = dir.resolve("out");
        for (int i = 1; i <= 4; i++) {
            Corpus.submission(subs.resolve("ref" + i), "reference");
            Corpus.submission(subs.resolve("stub" + i), "stubs");
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                absoluteClassPath(), Main.class.getName(), "grade", subs.toString(), "--out", out.toString(), "--jobs", "1",
                "--no-progress", "--chapters", "1"));
        Process grader = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("first-run.log").toFile()).start();
        Path results = out.resolve(".grader/results");
        long deadline = System.currentTimeMillis() + 120_000;
        while (count(results) < 2 && grader.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(grader.isAlive()).as("the grader is still working when it is killed").isTrue();
        grader.descendants().forEach(ProcessHandle::destroyForcibly);
        grader.destroyForcibly();
        assertThat(grader.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int gradedBefore = count(results);
        assertThat(gradedBefore).isBetween(2, 7);
        if (Files.exists(out.resolve("gradebook.csv"))) {
            // never half-written: every row that is there is whole
            Corpus.gradebook(out).values().forEach(r -> assertThat(r.max()).isEqualTo(10));
        }

        Corpus.Result again = Corpus.grader("grade", subs.toString(), "--out", out.toString(), "--jobs", "2", "--no-progress",
                "--chapters", "1");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.err()).contains("(" + (8 - gradedBefore) + " now, " + gradedBefore + " unchanged)");
        Map<String, Corpus.Row> rows = Corpus.gradebook(out);
        assertThat(rows).hasSize(8);
        for (Corpus.Row r : rows.values()) {
            assertThat(r.status()).isEqualTo("graded");
            assertThat(r.total()).as(r.student()).isEqualTo(r.student().startsWith("ref") ? 10 : 0);
        }
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()).as("no temporary files are left").isEmpty();
        }
    }

    private static int count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.toString().endsWith(".tsv")).count();
        }
    }

    static String absoluteClassPath() {
        List<String> parts = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                parts.add(Path.of(e).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
