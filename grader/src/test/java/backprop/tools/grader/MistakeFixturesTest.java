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
 * Every classic mistake of the catalog has a fixture (src/test/resources/fixtures/NAME, and more
 * forms of it in NAME--FORM): the reference with that one mistake made, its lines {@code expect:}
 * naming the mistake and {@code exercise:} the exercise it is in. Graded in one run, each
 * fixture's feedback names its mistake, no fixture is told of a mistake it does not make or at an
 * exercise that is right, the reference is told of none, and one bug keeps at most half the
 * points of its exercise.
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

    /** A fixture: its name, the mistake it makes and the exercise that holds it. */
    record Fixture(String name, String mistake, String exercise) {
    }

    static Fixture fixture(String name) throws IOException {
        Map<String, String> f = new java.util.HashMap<>();
        for (String l : Files.readAllLines(Corpus.resources().resolve("fixtures").resolve(name).resolve("mutation.txt"))) {
            int colon = l.indexOf(": ");
            if (!l.startsWith("#") && colon > 0) {
                f.put(l.substring(0, colon), l.substring(colon + 2).trim());
            }
        }
        assertThat(f).as("fixture %s names its mistake and exercise", name).containsKeys("expect", "exercise");
        return new Fixture(name, f.get("expect"), f.get("exercise"));
    }

    /** What the probes found in a graded submission. */
    static List<Graded.Diagnosis> diagnoses(String student) throws IOException {
        return Graded.read(out.resolve(".grader/results/" + student + ".tsv")).diagnoses();
    }

    @BeforeAll
    static void gradeTheFixtures() throws IOException {
        Path dir = Files.createTempDirectory("fixtures");
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("out");
        Corpus.submission(subs.resolve("reference"), "reference");
        Corpus.submission(subs.resolve("stubs"), "stubs");
        for (String name : fixtures()) {
            Path s = Corpus.submission(subs.resolve(name), "reference");
            Corpus.mutate(s, Corpus.resources().resolve("fixtures").resolve(name).resolve("mutation.txt"));
        }
        Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", out.toString(), "--jobs", "2", "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        rows = Corpus.gradebook(out);
    }

    @Test
    @DisplayName("every mistake of the catalog has a fixture, and every fixture makes a mistake of the catalog")
    void catalogIsCovered() throws IOException {
        List<String> made = new java.util.ArrayList<>();
        for (String name : fixtures()) {
            made.add(fixture(name).mistake());
            assertThat(name).as("fixture %s is named after its mistake", name).startsWith(fixture(name).mistake());
        }
        assertThat(Mistakes.ALL.keySet()).containsAll(made);
        assertThat(made).containsAll(Mistakes.ALL.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("the fixture loses points and its feedback names the mistake, with the numbers")
    void named(String name) throws IOException {
        String mistake = fixture(name).mistake();
        Corpus.Row row = rows.get(name);
        assertThat(row.total()).as("%s loses points", name).isLessThan(row.max());
        String md = Corpus.feedback(out, name);
        String title = Mistakes.get(mistake).title();
        assertThat(md).as("feedback of %s", name).contains("**What the numbers show: " + title + "**").contains("`" + mistake + "`");
        String html = Files.readString(out.resolve("feedback/" + name + ".html"));
        assertThat(html).contains("class=\"mistake\"");
        assertThat(Files.readString(out.resolve("gradescope/" + name + "/results.json"))).contains(title.replace("\"", "\\\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("the fixture is told of its own mistake only, and only at the exercise that makes it")
    void noWrongName(String name) throws IOException {
        Fixture f = fixture(name);
        assertThat(diagnoses(name)).as("what the probes found in %s", name)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.mistake() + " at " + d.exercise()).isEqualTo(f.mistake() + " at " + f.exercise()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("one bug keeps at most half the points of its exercise")
    void oneBugKeepsAtMostHalf(String name) throws IOException {
        Fixture f = fixture(name);
        double points = course().map().exercises().stream().filter(x -> x.id().equals(f.exercise())).findFirst().orElseThrow().points();
        double kept = weightedScore(name, f.exercise());
        assertThat(kept).as("%s keeps of exercise %s (%s points)", name, f.exercise(), points)
                .isLessThanOrEqualTo(points / 2);
    }

    @Test
    @DisplayName("every headline exercise of weights.tsv has a fixture that breaks its headline behaviour")
    void headlinesAreCovered() throws IOException {
        Weights w = Weights.read(Corpus.courseRoot().resolve("exercises/src/test/resources").resolve(Weights.RESOURCE));
        List<String> broken = new java.util.ArrayList<>();
        for (String name : fixtures()) {
            broken.add(fixture(name).exercise());
        }
        assertThat(broken).containsAll(w.rules().stream().map(Weights.Rule::exercise).filter(x -> !x.equals("*")).distinct().toList());
    }

    static CourseBundle course() throws IOException {
        return CourseBundle.load(Files.createTempDirectory("course"));
    }

    /** The exercise's score by the catalog's weights, from the stored result (its tests are in catalog order). */
    static double weightedScore(String student, String exercise) throws IOException {
        Catalog catalog = course().catalog();
        List<Graded.Test> tests = Graded.read(out.resolve(".grader/results/" + student + ".tsv")).tests();
        List<Catalog.Entry> scored = catalog.scored();
        assertThat(tests).hasSameSizeAs(scored);
        java.util.Set<String> passed = new java.util.HashSet<>();
        for (int i = 0; i < tests.size(); i++) {
            assertThat(tests.get(i).name()).isEqualTo(scored.get(i).name());
            if (tests.get(i).passed()) {
                passed.add(scored.get(i).uid());
            }
        }
        int points = course().map().exercises().stream().filter(x -> x.id().equals(exercise)).findFirst().orElseThrow().points();
        return catalog.score(exercise, points, e -> passed.contains(e.uid()));
    }

    @Test
    @DisplayName("the reference earns full marks and is told of no mistake")
    void reference() throws IOException {
        Corpus.Row row = rows.get("reference");
        assertThat(row.total()).isEqualTo(row.max());
        assertThat(Corpus.feedback(out, "reference")).doesNotContain("What the numbers show");
        assertThat(diagnoses("reference")).isEmpty();
        for (var x : course().map().exercises()) {
            assertThat(weightedScore("reference", x.id())).as("the reference's score of %s", x.id()).isEqualTo(x.points());
        }
    }

    @Test
    @DisplayName("the stubs earn nothing on any exercise of any chapter: no test passes while its own exercise is a stub and the others are the course's")
    void stubsEarnNothing() throws IOException {
        Corpus.Row row = rows.get("stubs");
        assertThat(row.status()).isEqualTo("graded");
        List<String> passed = Graded.read(out.resolve(".grader/results/stubs.tsv")).tests().stream()
                .filter(Graded.Test::passed).map(Graded.Test::name).toList();
        assertThat(passed).as("tests that pass against their own exercise's stub, graded with the course's bodies of the others"
                + " (they test given code or another exercise, not their own)").isEmpty();
        assertThat(row.total()).isZero();
    }

    @Test
    @DisplayName("the class summary counts the mistakes seen and charts each exercise's misconceptions")
    void summary() throws IOException {
        String md = Files.readString(out.resolve("summary.md"));
        for (String m : Mistakes.ALL.keySet()) {
            assertThat(md).contains(Mistakes.get(m).title());
        }
        String svg = Files.readString(out.resolve("summary-mistakes.svg"));
        assertThat(md).contains("## Misconceptions by exercise").doesNotContainPattern("(?<![0-9])1 students");
        for (String name : fixtures()) {
            Fixture f = fixture(name);
            assertThat(md).as("the share of %s at %s", f.mistake(), f.exercise()).contains("(`" + f.mistake() + "`) |");
            assertThat(svg).contains(">" + f.exercise() + " " + f.mistake() + "<");
        }
    }
}
