package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A test method's result is reused only for code that is the same in every class the method loaded. */
@DisplayName("Results reused on identical code")
class ReuseTest {

    private static final List<List<String>> LINES = List.of(List.of("START", "m"), List.of("LEAF", "m", "SUCCESSFUL", "", ""),
            List.of("END", "m", "3"));

    @Nested
    @DisplayName("Which earlier run a method may reuse")
    class Matching {

        private final Replay replay = new Replay();
        private final Map<String, String> first = Map.of("backprop.a.A", "1", "backprop.a.B", "2", "backprop.a.C", "3");

        Matching() {
            // the method asked for A and B, and for D, which the first submission did not have
            replay.keep("m", Set.of("backprop.a.A", "backprop.a.B", "backprop.a.D"), first, LINES);
        }

        @Test
        @DisplayName("the same bytes in every class it asked for: reused, whatever the other classes are")
        void sameClasses() {
            assertThat(replay.find("m", Map.of("backprop.a.A", "1", "backprop.a.B", "2", "backprop.a.C", "other"))).contains(LINES);
        }

        @Test
        @DisplayName("one class it asked for differs: run again")
        void oneClassDiffers() {
            assertThat(replay.find("m", Map.of("backprop.a.A", "1", "backprop.a.B", "changed", "backprop.a.C", "3"))).isEmpty();
        }

        @Test
        @DisplayName("a class it asked for is missing now: run again")
        void classMissingNow() {
            assertThat(replay.find("m", Map.of("backprop.a.A", "1"))).isEmpty();
        }

        @Test
        @DisplayName("a class that was missing exists now: run again")
        void classAppeared() {
            assertThat(replay.find("m", Map.of("backprop.a.A", "1", "backprop.a.B", "2", "backprop.a.D", "4"))).isEmpty();
        }

        @Test
        @DisplayName("another method: run")
        void otherMethod() {
            assertThat(replay.find("n", first)).isEmpty();
        }
    }

    @Nested
    @DisplayName("A graded class")
    class Grading {

        @Test
        @DisplayName("gets the same gradebook and feedback with reuse as with every method run")
        void sameOutputs() throws Exception {
            Path dir = Files.createTempDirectory("reuse");
            Path subs = Files.createDirectories(dir.resolve("submissions"));
            for (String copy : new String[] {"", "-again"}) {
                Corpus.submission(subs.resolve("reference" + copy), "reference");
                Corpus.submission(subs.resolve("stubs" + copy), "stubs");
                for (String m : new String[] {"sign-of-update", "bias-wrong-input"}) {
                    Corpus.mutate(Corpus.submission(subs.resolve(m + copy), "reference"),
                            Corpus.resources().resolve("fixtures/" + m + "/mutation.txt"));
                }
            }
            Corpus.Result reused = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("reused").toString(), "--jobs", "2",
                    "--no-progress", "--chapters", "1,2");
            Corpus.Result ran = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("ran").toString(), "--jobs", "2",
                    "--no-progress", "--chapters", "1,2", "--no-reuse");
            assertThat(reused.code()).as(reused.err()).isZero();
            assertThat(ran.code()).as(ran.err()).isZero();
            Matcher m = Pattern.compile("Reused the results of (\\d+) test method runs").matcher(reused.err());
            assertThat(m.find()).as("the reuse line in: %s", reused.err()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).as("method runs reused").isGreaterThan(0);
            assertThat(ran.err()).doesNotContain("Reused the results");
            assertThat(Files.readString(dir.resolve("reused/gradebook.csv"))).isEqualTo(Files.readString(dir.resolve("ran/gradebook.csv")));
            try (var files = Files.list(dir.resolve("ran/feedback"))) {
                for (Path f : files.toList()) {
                    assertThat(Files.readString(dir.resolve("reused/feedback").resolve(f.getFileName())))
                            .as("feedback %s", f.getFileName()).isEqualTo(Files.readString(f));
                }
            }
            Map<String, Corpus.Row> rows = Corpus.gradebook(dir.resolve("reused"));
            assertThat(rows.get("reference").total()).isEqualTo(19);
            assertThat(rows.get("stubs").total()).isZero();
            assertThat(rows.get("sign-of-update-again").total()).isEqualTo(rows.get("sign-of-update").total()).isLessThan(19);
        }
    }

    @Nested
    @DisplayName("A submission's plain run")
    class PlainRun {

        @Test
        @DisplayName("runs in the JVM of its isolated run, which waits for it, and still tells which exercise to fix first")
        void sameJvm() throws Exception {
            Path dir = Files.createTempDirectory("plain-run");
            Path subs = Files.createDirectories(dir.resolve("submissions"));
            Corpus.mutate(Corpus.submission(subs.resolve("sign-in-1.3"), "reference"),
                    Corpus.resources().resolve("fixtures/sign-of-error-derivative--squared-error/mutation.txt"));
            Path out = dir.resolve("out");
            Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", out.toString(), "--chapters", "1", "--no-progress",
                    "--keep-work", "--no-reuse");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(Corpus.feedback(out, "sign-in-1.3")).contains("Your 1.5 is right given a correct 1.3; fix 1.3 first");
            Path work = out.resolve(".grader/work/sign-in-1.3");
            assertThat(work.resolve("child-1/plan-1.tsv")).as("the plain run's plan, sent to the first child").isRegularFile();
            assertThat(Files.readString(work.resolve("child-1/plan-1.tsv"))).contains("plain:");
            assertThat(work.resolve("child-2")).as("a second JVM").doesNotExist();
        }
    }
}
