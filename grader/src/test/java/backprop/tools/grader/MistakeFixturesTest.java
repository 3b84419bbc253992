package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every classic mistake of the catalog has a fixture (src/test/resources/fixtures/NAME): the
 * reference with that one mistake made. Graded in one run, each fixture's feedback names its
 * mistake, and the reference's names none.
 */
@DisplayName("Feedback names the classic mistake the numbers show")
class MistakeFixturesTest {

    static Path out;
    static Map<String, Corpus.Row> rows;

    static List<String> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(Corpus.resources().resolve("fixtures"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @BeforeAll
    static void gradeTheFixtures() throws IOException {
        Path dir = Files.createTempDirectory("fixtures");
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("out");
        Corpus.submission(subs.resolve("reference"), "reference");
        for (String name : fixtures()) {
            Path s = Corpus.submission(subs.resolve(name), "reference");
            Corpus.mutate(s, Corpus.resources().resolve("fixtures").resolve(name).resolve("mutation.txt"));
        }
        Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", out.toString(), "--jobs", "2", "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        rows = Corpus.gradebook(out);
    }

    @Test
    @DisplayName("every mistake of the catalog has a fixture")
    void catalogIsCovered() throws IOException {
        assertThat(fixtures()).containsExactlyInAnyOrderElementsOf(Mistakes.ALL.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("the fixture loses points and its feedback names the mistake, with the numbers")
    void named(String mistake) throws IOException {
        Corpus.Row row = rows.get(mistake);
        assertThat(row.total()).as("%s loses points", mistake).isLessThan(row.max());
        String md = Corpus.feedback(out, mistake);
        String title = Mistakes.get(mistake).title();
        assertThat(md).as("feedback of %s", mistake).contains("## What the numbers show").contains(title).contains("`" + mistake + "`");
        String html = Files.readString(out.resolve("feedback/" + mistake + ".html"));
        assertThat(html).contains("class=\"mistake\"");
        assertThat(Files.readString(out.resolve("gradescope/" + mistake + "/results.json"))).contains(title.replace("\"", "\\\""));
    }

    @Test
    @DisplayName("the reference earns full marks and is told of no mistake")
    void reference() {
        Corpus.Row row = rows.get("reference");
        assertThat(row.total()).isEqualTo(row.max());
        assertThat(Corpus.feedback(out, "reference")).doesNotContain("What the numbers show");
    }

    @Test
    @DisplayName("the class summary counts the mistakes seen")
    void summary() throws IOException {
        String md = Files.readString(out.resolve("summary.md"));
        for (String m : Mistakes.ALL.keySet()) {
            assertThat(md).contains(Mistakes.get(m).title());
        }
    }
}
