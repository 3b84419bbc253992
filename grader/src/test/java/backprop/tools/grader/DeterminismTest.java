package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The same submissions get the same gradebook and feedback, at any parallelism. */
@DisplayName("Grading is deterministic")
class DeterminismTest {

    @Test
    @DisplayName("--jobs 1 and --jobs 2 give identical gradebooks and feedback")
    void sameResultAtAnyParallelism() throws Exception {
        Path dir = Files.createTempDirectory("determinism");
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        Corpus.submission(subs.resolve("reference"), "reference");
        Corpus.submission(subs.resolve("stubs"), "stubs");
        for (String m : new String[] {"sign-of-update", "bias-not-updated", "bias-wrong-input"}) {
            Corpus.mutate(Corpus.submission(subs.resolve(m), "reference"), Corpus.resources().resolve("fixtures/" + m + "/mutation.txt"));
        }
        Corpus.Result one = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("one").toString(), "--jobs", "1",
                "--no-progress", "--chapters", "1,2");
        Corpus.Result two = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("two").toString(), "--jobs", "2",
                "--no-progress", "--chapters", "1,2");
        assertThat(one.code()).isZero();
        assertThat(two.code()).isZero();
        assertThat(Files.readString(dir.resolve("two/gradebook.csv"))).isEqualTo(Files.readString(dir.resolve("one/gradebook.csv")));
        for (String id : new String[] {"reference", "stubs", "sign-of-update", "bias-not-updated", "bias-wrong-input"}) {
            assertThat(Files.readString(dir.resolve("two/feedback/" + id + ".md")))
                    .isEqualTo(Files.readString(dir.resolve("one/feedback/" + id + ".md")));
            assertThat(Files.readString(dir.resolve("two/gradescope/" + id + "/results.json")))
                    .isEqualTo(Files.readString(dir.resolve("one/gradescope/" + id + "/results.json")));
        }
        assertThat(Corpus.gradebook(dir.resolve("one")).get("reference").total()).isEqualTo(19);
    }
}
