package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The similarity command on the grader's own JVM: it says what it needs instead of failing. */
@DisplayName("The similarity command")
class SimilarityCommandTest {

    @Test
    @DisplayName("on Java 17 says it needs Java 21+ and how to run it")
    void olderJava() {
        String need = Similarity.requirement(17, false, "/usr/lib/jvm/java-17");
        assertThat(need).contains("needs Java 21 or newer").contains("Java 17").contains("backprop-similarity.jar")
                .contains("/usr/lib/jvm/temurin");
        assertThat(Similarity.requirement(17, true, "x")).as("the jar alone does not help on Java 17").contains("needs Java 21");
    }

    @Test
    @DisplayName("on Java 21+ without the JPlag jar says how to build it, and with it needs nothing")
    void missingJar() {
        assertThat(Similarity.requirement(21, false, "x")).contains("not on the class path").contains("-pl similarity package");
        assertThat(Similarity.requirement(25, true, "x")).isNull();
    }

    @Test
    @DisplayName("run here (no JPlag jar on the test class path) exits 4 with that message, not a stack trace")
    void exitsClearly() throws Exception {
        Path dir = Files.createTempDirectory("similarity-cmd");
        Corpus.Result r = Corpus.grader("similarity", dir.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(Main.BROKEN);
        assertThat(r.err()).contains("similarity needs").doesNotContain("Exception");
        assertThat(Corpus.grader("similarity", dir.toString(), "--out", dir.resolve("out").toString(), "--threshold", "2").code())
                .isEqualTo(Main.USAGE);
    }
}
