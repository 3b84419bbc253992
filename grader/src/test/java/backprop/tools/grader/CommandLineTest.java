package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command line: help and exit codes that mean something. */
@DisplayName("The command line")
class CommandLineTest {

    @Test
    @DisplayName("--help lists the commands and the exit codes, and exits with 0")
    void help() {
        Corpus.Result r = Corpus.grader("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("grade").contains("package-gradescope").contains("student-kit").contains("Exit codes");
        Corpus.Result g = Corpus.grader("grade", "--help");
        assertThat(g.code()).isZero();
        assertThat(g.out()).contains("--jobs").contains("--test-timeout").contains("--out");
    }

    @Test
    @DisplayName("a wrong command line exits with 2")
    void usage() {
        assertThat(Corpus.grader("grade").code()).isEqualTo(Main.USAGE);
        assertThat(Corpus.grader("grade", "x", "--out", "y", "--no-such-option").code()).isEqualTo(Main.USAGE);
        Corpus.Result jobs = Corpus.grader("grade", "x", "--out", "y", "--jobs", "0");
        assertThat(jobs.code()).isEqualTo(Main.USAGE);
        assertThat(jobs.err()).contains("--jobs must be at least 1, not 0");
        assertThat(Corpus.grader("grade", "x", "--out", "y", "--heap-mb", "8").err()).contains("--heap-mb must be at least 32, not 8");
    }

    @Test
    @DisplayName("a missing submissions folder or an output that cannot be written exits with 3")
    void io() throws Exception {
        Path dir = Files.createTempDirectory("cli");
        Corpus.Result missing = Corpus.grader("grade", dir.resolve("nope").toString(), "--out", dir.resolve("out").toString());
        assertThat(missing.code()).isEqualTo(Main.IO);
        assertThat(missing.err()).contains("does not exist");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Corpus.Result blocked = Corpus.grader("grade", dir.toString(), "--out", file.resolve("out").toString());
        assertThat(blocked.code()).isEqualTo(Main.IO);
    }

    @Test
    @DisplayName("--chapters with a chapter the course does not have exits with 2, naming it and the chapters there are")
    void unknownChapter() throws Exception {
        Path dir = Files.createTempDirectory("cli-chapters");
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("out").toString(), "--no-progress",
                "--chapters", "3,9");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--chapters names [9], but this course has chapters [1, 2, 3");
        assertThat(dir.resolve("out/gradebook.csv")).doesNotExist();
    }

    @Test
    @DisplayName("an empty submissions folder gives an empty gradebook and exit code 0")
    void empty() throws Exception {
        Path dir = Files.createTempDirectory("cli-empty");
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
        assertThat(r.code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/gradebook.csv"))).hasSize(1);
    }

    @Test
    @DisplayName("a file that is neither a folder nor a zip still gets a row, rejected")
    void strayFile() throws Exception {
        Path dir = Files.createTempDirectory("cli-stray");
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Files.writeString(subs.resolve("=cmd()"), "not a submission");
        Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("out").toString(), "--no-progress");
        assertThat(r.code()).isZero();
        String csv = Files.readString(dir.resolve("out/gradebook.csv"));
        assertThat(csv).contains("'=cmd()").contains("rejected").contains("not a folder or a .zip file");
    }
}
