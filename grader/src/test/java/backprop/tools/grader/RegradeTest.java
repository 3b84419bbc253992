package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@DisplayName("Regrading a subset")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegradeTest {

    Path subs;
    Path out;

    @BeforeAll
    void gradeOnce() throws IOException {
        Path dir = Files.createTempDirectory("regrade");
        subs = Files.createDirectories(dir.resolve("subs"));
        out = dir.resolve("out");
        for (String id : List.of("ada", "bob", "cy")) {
            Corpus.submission(subs.resolve(id), "reference");
        }
        // every file dated in the past, so that --since can tell a touched one
        try (var walk = Files.walk(subs)) {
            for (Path p : walk.toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
            }
        }
        Corpus.Result first = grade();
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("(3 now, 0 unchanged)");
    }

    private Corpus.Result grade(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("grade", subs.toString(), "--out", out.toString(), "--chapters", "3", "--no-progress"));
        args.addAll(List.of(more));
        return Corpus.grader(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("--regrade grades the named submissions again and resumes the rest; the run says how many")
    void named() {
        Corpus.Result r = grade("--regrade", "bob");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("(1 now, 2 unchanged)");
        assertThat(Corpus.gradebook(out)).containsOnlyKeys("ada", "bob", "cy");
    }

    @Test
    @DisplayName("--since grades again what was modified after the instant, even with the same content")
    void since() throws IOException {
        Path relu = subs.resolve("cy/src/main/java/backprop/logistic/Relu.java");
        Files.setLastModifiedTime(relu, FileTime.from(Instant.parse("2026-06-01T00:00:00Z")));
        Corpus.Result r = grade("--since", "2026-03-01");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("(1 now, 2 unchanged)");
        Files.setLastModifiedTime(relu, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    @DisplayName("an id that names no submission, or a date that is none, is refused by name")
    void unknown() {
        Corpus.Result r = grade("--regrade", "zed");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("--regrade names no submission").contains("zed");
        Corpus.Result d = grade("--since", "last week");
        assertThat(d.code()).isEqualTo(Main.USAGE);
        assertThat(d.err()).contains("--since is an instant");
    }

    @Test
    @DisplayName("the gradebook names the course bundle each row was graded with")
    void bundleColumn() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"));
        List<String> header = Corpus.parseCsv(lines.get(0));
        int col = header.indexOf("bundle");
        assertThat(col).isEqualTo(header.size() - 1);
        String first = Corpus.parseCsv(lines.get(1)).get(col);
        assertThat(first).matches("[0-9a-f]{12}");
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(Corpus.parseCsv(l).get(col)).isEqualTo(first));
    }
}
