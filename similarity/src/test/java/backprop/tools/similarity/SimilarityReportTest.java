package backprop.tools.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** JPlag on the course's own code: a copied solution is flagged, code every student was given is not. */
@DisplayName("The similarity report")
class SimilarityReportTest {

    static Path dir;
    static int flagged;
    static String log;

    static Path courseRoot() {
        String p = System.getProperty("course.root");
        return (p != null ? Path.of(p) : Path.of("..")).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void compareThreeSubmissions() throws IOException {
        dir = Files.createTempDirectory("similarity");
        Path subs = dir.resolve("submissions");
        Path solution = courseRoot().resolve("solutions/src/main/java/backprop");
        // two students hand in the same solution of chapters 2 and 3; a third hands in only the stubs
        for (String s : new String[] {"alice", "bob"}) {
            copy(solution.resolve("singlelayer"), subs.resolve(s + "/backprop/singlelayer"));
            copy(solution.resolve("logistic"), subs.resolve(s + "/backprop/logistic"));
        }
        Path stubs = courseRoot().resolve("exercises/src/main/java/backprop");
        copy(stubs.resolve("singlelayer"), subs.resolve("carol/backprop/singlelayer"));
        copy(stubs.resolve("logistic"), subs.resolve("carol/backprop/logistic"));
        Path base = dir.resolve("base");
        copy(stubs.resolve("singlelayer"), base.resolve("backprop/singlelayer"));
        copy(stubs.resolve("logistic"), base.resolve("backprop/logistic"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        flagged = SimilarityReport.report(subs, base, dir.resolve("out"), 0.5, 9, 50, Map.of("alice", "alice <a>"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log = bytes.toString(StandardCharsets.UTF_8);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                Files.createDirectories(t.getParent());
                Files.copy(p, t);
            }
        }
    }

    @Test
    @DisplayName("flags the copied pair and only that pair")
    void flagsTheCopy() throws IOException {
        assertThat(flagged).as(log).isEqualTo(1);
        List<String> pairs = Files.readAllLines(dir.resolve("out/pairs.csv"));
        assertThat(pairs).hasSize(4);
        assertThat(pairs.get(1)).startsWith("alice <a>,bob,").matches(".*,(0\\.9[0-9]*|1\\.0000),.*");
        assertThat(pairs.subList(2, 4)).allSatisfy(l -> assertThat(l).contains("carol"));
    }

    @Test
    @DisplayName("does not count the stubs: a submission of only the stubs resembles nobody")
    void stubsAreBaseCode() throws IOException {
        for (String l : Files.readAllLines(dir.resolve("out/pairs.csv")).subList(1, 4)) {
            if (l.contains("carol")) {
                double s = Double.parseDouble(l.split(",")[2]);
                assertThat(s).as(l).isLessThan(0.2);
            }
        }
    }

    @Test
    @DisplayName("shows the matching regions with their lines, escaped, in one offline HTML page")
    void htmlIsOfflineAndEscaped() throws IOException {
        String html = Files.readString(dir.resolve("out/similarity.html"));
        assertThat(html).contains("alice &lt;a&gt; and bob").contains("Region 1").contains("lines ").contains("<pre>");
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=\"http").doesNotContain("<link")
                .doesNotContain("alice <a>");
    }

    @Test
    @DisplayName("draws a histogram of all three pairs")
    void histogram() throws IOException {
        String svg = Files.readString(dir.resolve("out/histogram.svg"));
        assertThat(svg).startsWith("<svg").contains("threshold 50%");
        assertThat(SimilarityReport.histogram(List.of(
                new SimilarityReport.Pair("a", "b", 0.95, 0, 0, 0, List.of(), dir, dir),
                new SimilarityReport.Pair("a", "c", 0.05, 0, 0, 0, List.of(), dir, dir),
                new SimilarityReport.Pair("b", "c", 1.0, 0, 0, 0, List.of(), dir, dir)))).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 2);
    }

    @Test
    @DisplayName("keeps a cell that starts with = from being a spreadsheet formula")
    void csvInjection() {
        assertThat(SimilarityReport.csvCell("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(SimilarityReport.csvCell("a,b")).isEqualTo("\"a,b\"");
    }
}
