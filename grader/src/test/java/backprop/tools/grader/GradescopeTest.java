package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Gradescope: the autograder zip, and results.json from the same grading code. */
@DisplayName("Gradescope")
class GradescopeTest {

    @Test
    @DisplayName("the package holds setup.sh, run_autograder and the grader jar")
    void packageContent() throws Exception {
        Path dir = Files.createTempDirectory("gs");
        Path jar = Files.write(dir.resolve("fake.jar"), new byte[] {1, 2, 3});
        Path zip = Files.write(dir.resolve("autograder.zip"), GradescopePackage.build(jar));
        Map<String, byte[]> files = StudentKitTest.unzip(zip);
        assertThat(files).containsOnlyKeys("setup.sh", "run_autograder", "backprop-grader.jar");
        assertThat(new String(files.get("run_autograder"), StandardCharsets.UTF_8)).contains("gradescope-run")
                .contains("/autograder/results/results.json");
        assertThat(new String(files.get("setup.sh"), StandardCharsets.UTF_8)).contains("openjdk-17-jdk");
    }

    @Test
    @DisplayName("gradescope-run grades an upload and writes results.json with score, tests and visibility")
    void run() throws Exception {
        Path dir = Files.createTempDirectory("gs-run");
        Path upload = Corpus.submission(dir.resolve("submission"), "stubs");
        Path results = dir.resolve("results/results.json");
        Corpus.Result r = Corpus.grader("gradescope-run", "--submission", upload.toString(), "--results", results.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(results);
        assertThat(json).contains("\"score\": 0").contains("\"tests\": [").contains("\"max_score\"").contains("\"visibility\": \"after_published\"")
                .contains("\"visibility\": \"visible\"").contains("\"status\": \"failed\"");
    }
}
