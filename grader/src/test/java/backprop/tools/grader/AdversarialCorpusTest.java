package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial corpus (src/test/resources/adversarial, plus a zip-slip, a zip bomb and
 * symbolic links made here at run time) and chapter 3's mistake fixtures, graded in one run with two
 * jobs: every submission gets a row with a clear reason and only the points it really earned; the
 * reference scores full marks and the untouched stubs zero. Graded again while other processes
 * keep every core busy, every score is the same.
 */
@DisplayName("The grader against hostile submissions")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialCorpusTest {

    static Path dir;
    static Path out;
    static Map<String, Corpus.Row> rows;
    static Map<String, Integer> points;
    static Corpus.Result result;
    static Path subs;
    static final String[] GRADE = {"--jobs", "2", "--test-timeout", "1s", "--chapters", "3", "--no-progress"};

    static List<String> overlays() throws IOException {
        try (Stream<Path> s = Files.list(Corpus.resources().resolve("adversarial"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * The mistake fixtures of chapter 3, the chapter this corpus is graded on: honest code with one
     * bug each, graded beside the attacks so that the run under load covers them too. All the
     * fixtures are graded, on every chapter, by {@link MistakeFixturesTest}.
     */
    static List<String> fixtures() throws IOException {
        List<String> chapter3 = new ArrayList<>();
        for (String name : MistakeFixturesTest.fixtures()) {
            if (MistakeFixturesTest.fixture(name).exercise().startsWith("3.")) {
                chapter3.add(name);
            }
        }
        return chapter3;
    }

    @BeforeAll
    static void gradeTheCorpus() throws IOException {
        dir = Files.createTempDirectory("adversarial");
        subs = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("out");
        Corpus.submission(subs.resolve("reference"), "reference");
        Corpus.submission(subs.resolve("stubs"), "stubs");
        for (String name : overlays()) {
            Path overlay = Corpus.resources().resolve("adversarial").resolve(name);
            Path s = Corpus.submission(subs.resolve(name), Corpus.expect(overlay).getProperty("base"));
            Corpus.overlay(overlay, s);
        }
        zipSlip(subs.resolve("zip-slip.zip"));
        zipBomb(subs.resolve("zip-bomb.zip"));
        symlinks(subs.resolve("symlinks"));
        for (String name : fixtures()) {
            Path s = Corpus.submission(subs.resolve("fixture-" + name), "reference");
            Corpus.mutate(s, Corpus.resources().resolve("fixtures").resolve(name).resolve("mutation.txt"));
        }
        result = grade(out);
        rows = Corpus.gradebook(out);
        points = Corpus.points();
    }

    static Corpus.Result grade(Path to) {
        return grade(subs, to);
    }

    static Corpus.Result grade(Path from, Path to) {
        List<String> args = new ArrayList<>(List.of("grade", from.toString(), "--out", to.toString()));
        args.addAll(List.of(GRADE));
        return Corpus.grader(args.toArray(String[]::new));
    }

    private static void zipSlip(Path zip) throws IOException {
        Path ref = Corpus.submission(dir.resolve("zip-slip-source"), "reference");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            try (Stream<Path> walk = Files.walk(ref)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    z.putNextEntry(new ZipEntry("exercises/" + ref.relativize(p).toString().replace('\\', '/')));
                    z.write(Files.readAllBytes(p));
                    z.closeEntry();
                }
            }
            for (String evil : List.of("../../evil/src/main/java/backprop/logistic/Relu.java", "/tmp/evil/src/main/java/Pwn.java",
                    "exercises/src/main/java/backprop/../../../../../../tmp/Pwn.java", "exercises/src/main/java/backprop/logistic/Re\u0001lu.java")) {
                z.putNextEntry(new ZipEntry(evil));
                z.write("package backprop.logistic; class Pwn { }".getBytes());
                z.closeEntry();
            }
        }
    }

    private static void zipBomb(Path zip) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("exercises/src/main/java/backprop/logistic/Bomb.java"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 120; i++) {
                z.write(block);
            }
            z.closeEntry();
        }
        assertThat(Files.size(zip)).as("the bomb is small on disk").isLessThan(1 << 20);
    }

    private static void symlinks(Path target) throws IOException {
        Corpus.submission(target, "reference");
        Path relu = target.resolve("src/main/java/backprop/logistic/Relu.java");
        Files.delete(relu);
        Files.createSymbolicLink(relu, Path.of("/etc/hostname"));
        Files.createSymbolicLink(target.resolve("src/main/java/backprop/evil"), Path.of("/etc"));
    }

    @Test
    @DisplayName("the run ends with exit code 0 and a row for every submission")
    void everySubmissionHasARow() throws IOException {
        assertThat(result.code()).as(result.err()).isZero();
        List<String> expected = new ArrayList<>(overlays());
        expected.addAll(List.of("reference", "stubs", "zip-slip", "zip-bomb", "symlinks"));
        int attacks = expected.size() - 2;
        fixtures().forEach(f -> expected.add("fixture-" + f));
        assertThat(fixtures()).as("chapter 3's fixtures").hasSizeGreaterThanOrEqualTo(5);
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(attacks).as("attacks in the corpus").isGreaterThanOrEqualTo(45);
    }

    @Test
    @DisplayName("the reference scores full marks and the stubs zero")
    void referenceAndStubs() {
        Corpus.Row ref = rows.get("reference");
        assertThat(ref.status()).isEqualTo("graded");
        assertThat(ref.total()).as(ref.reason()).isEqualTo(ref.max());
        assertThat(ref.max()).isEqualTo(points.entrySet().stream().filter(e -> e.getKey().startsWith("3.")).mapToInt(Map.Entry::getValue).sum());
        assertThat(rows.get("stubs").total()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("each attack gets a clear reason and only the points it earned")
    void attack(String name) throws IOException {
        Properties e = Corpus.expect(Corpus.resources().resolve("adversarial").resolve(name));
        Corpus.Row row = rows.get(name);
        assertThat(row).as("row of %s", name).isNotNull();
        assertThat(row.status()).as("status of %s (%s)", name, row.reason()).isEqualTo(e.getProperty("status"));
        String reason = e.getProperty("reason", "");
        String where = e.getProperty("where", "reason");
        String feedback = Corpus.feedback(out, name);
        String haystack = (where.equals("tests") ? feedback : row.reason() + "\n" + notes(feedback)).toLowerCase(Locale.ROOT);
        assertThat(haystack).as("%s names the reason", name).contains(reason.toLowerCase(Locale.ROOT));
        if (e.containsKey("maxFeedbackBytes")) {
            assertThat(feedback.length()).as("the feedback of %s stays small: output is capped", name)
                    .isLessThan(Integer.parseInt(e.getProperty("maxFeedbackBytes")));
        }
        List<String> zero = List.of(e.getProperty("zero", "").split(","));
        String partial = e.getProperty("partial", "");
        boolean stubs = e.getProperty("base").equals("stubs");
        for (Map.Entry<String, Integer> p : points.entrySet()) {
            if (!p.getKey().startsWith("3.")) {
                continue; // the corpus is graded on chapter 3 only (the attacks sit in Relu, exercise 3.5)
            }
            double got = row.scores().get(p.getKey());
            if (zero.contains("all") || zero.contains(p.getKey()) || stubs) {
                assertThat(got).as("%s: exercise %s earns nothing", name, p.getKey()).isZero();
            } else if (partial.equals(p.getKey())) {
                assertThat(got).as("%s: exercise %s earns part", name, p.getKey()).isGreaterThan(0).isLessThanOrEqualTo(p.getValue());
            } else {
                assertThat(got).as("%s: exercise %s is untouched and keeps its points (%s)", name, p.getKey(), row.reason())
                        .isCloseTo(p.getValue(), within(1e-9));
            }
        }
    }

    private static String notes(String feedback) {
        int i = feedback.indexOf("## Notes");
        int j = feedback.indexOf("## Exercises");
        return i < 0 ? "" : feedback.substring(i, j < 0 ? feedback.length() : j);
    }

    @Nested
    @DisplayName("archives and links")
    class Archives {

        @Test
        @DisplayName("zip-slip entries are refused, the rest is graded in full, and nothing is written outside")
        void zipSlip() {
            Corpus.Row row = rows.get("zip-slip");
            assertThat(row.total()).isEqualTo(row.max());
            String fb = Corpus.feedback(out, "zip-slip");
            assertThat(fb).contains("climbs out of the folder").contains("an absolute path").contains("control character");
            assertThat(dir.getParent().resolve("evil")).doesNotExist();
            assertThat(Path.of("/tmp/evil")).doesNotExist();
            assertThat(Path.of("/tmp/Pwn.java")).doesNotExist();
        }

        @Test
        @DisplayName("a zip bomb is rejected at the inflation limit with zero points")
        void zipBomb() {
            Corpus.Row row = rows.get("zip-bomb");
            assertThat(row.status()).isEqualTo("rejected");
            assertThat(row.reason()).contains("zip bomb");
            assertThat(row.total()).isZero();
        }

        @Test
        @DisplayName("symbolic links are never followed: the linked file counts as missing")
        void symlinks() {
            Corpus.Row row = rows.get("symlinks");
            assertThat(Corpus.feedback(out, "symlinks")).contains("symbolic link");
            assertThat(row.scores().get("3.5")).isZero();
            assertThat(row.total()).isEqualTo(row.max() - points.get("3.5"));
        }
    }

    @Nested
    @DisplayName("on a machine whose every core is busy")
    class UnderLoad {

        /**
         * The entries whose verdict involves time, memory or the JVM's own threads, where load
         * could tell: loops, slow code, recursion, memory, output, exits, threads, finalizers, static
         * state; with the reference, the stubs and the fixtures. The others are decided before a
         * test runs (by the compiler, the allowlist or the given code) and cannot depend on load.
         */
        static final java.util.regex.Pattern TIMED = java.util.regex.Pattern.compile(
                "reference|stubs|fixture-.*|.*(loop|slow|die|never|wait|recursion|memory|"
                + "out-of-memory|overflow|output|exit|halt|thread|finalizer|static-state).*");

        @Test
        @DisplayName("every submission whose verdict involves time gets the same status and the same score, to the last digit, as on the idle machine")
        void sameScores() throws IOException {
            Path timed = Files.createDirectories(dir.resolve("submissions-timed"));
            try (Stream<Path> s = Files.list(subs)) {
                for (Path p : s.filter(p -> TIMED.matcher(p.getFileName().toString()).matches()).toList()) {
                    Corpus.copyTree(p, timed.resolve(p.getFileName().toString()));
                }
            }
            List<String> names;
            try (Stream<Path> s = Files.list(timed)) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(names).as("the entries graded under load").hasSizeGreaterThanOrEqualTo(24)
                    .contains("reference", "infinite-loop", "slow-but-honest", "refuses-to-die", "finalizer", "fixture-logistic-overflow");
            int cores = Runtime.getRuntime().availableProcessors();
            List<Process> busy = new ArrayList<>();
            Corpus.Result loaded;
            try {
                for (int i = 0; i < 2 * cores; i++) {
                    busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                }
                loaded = grade(timed, dir.resolve("out-busy"));
            } finally {
                busy.forEach(Process::destroyForcibly);
            }
            assertThat(loaded.code()).as(loaded.err()).isZero();
            Map<String, Corpus.Row> again = Corpus.gradebook(dir.resolve("out-busy"));
            assertThat(again.keySet()).containsExactlyInAnyOrderElementsOf(names);
            for (Corpus.Row idle : rows.values().stream().filter(r -> names.contains(r.student())).toList()) {
                Corpus.Row b = again.get(idle.student());
                assertThat(b.status()).as("status of %s (%s / busy: %s)", idle.student(), idle.reason(), b.reason()).isEqualTo(idle.status());
                assertThat(b.scores()).as("scores of %s (%s / busy: %s)", idle.student(), idle.reason(), b.reason()).isEqualTo(idle.scores());
                assertThat(b.total()).as("total of %s", idle.student()).isEqualTo(idle.total());
            }
        }
    }

    @Test
    @DisplayName("the summary names the protections and draws the chart")
    void summary() throws IOException {
        assertThat(Files.readString(out.resolve("summary.md"))).contains("Protections").contains("active:");
        assertThat(Files.readString(out.resolve("summary.svg"))).startsWith("<svg");
        assertThat(Files.readString(out.resolve("gradescope/reference/results.json"))).contains("\"score\": " + Reports.fmt(rows.get("reference").max()));
    }

}
