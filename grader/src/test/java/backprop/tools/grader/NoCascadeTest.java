package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.tools.grader.harness.Isolation;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each exercise is graded as if the other exercises were right: a submission with one wrong
 * exercise loses points on that exercise only, and the feedback of an exercise that is right
 * given a correct other one says which to fix first.
 */
@DisplayName("No cascades: a correct exercise keeps its points when another exercise is wrong")
class NoCascadeTest {

    /** The chapters graded here (to keep the run short) and the exercise each submission gets wrong. */
    static final Set<Integer> CHAPTERS = Set.of(1, 2, 5);
    static final Map<String, String> BUGGY = Map.of(
            "sign-in-1.3", "1.3",
            "factor-2-in-2.3", "2.3",
            "softmax-overflow-in-5.2", "5.2");

    static Path out;
    static Map<String, Corpus.Row> rows;

    @BeforeAll
    static void gradeOneBugEach() throws IOException {
        Path dir = Files.createTempDirectory("no-cascade");
        Path subs = Files.createDirectories(dir.resolve("submissions"));
        out = dir.resolve("out");
        Path fixtures = Corpus.resources().resolve("fixtures");
        Corpus.submission(subs.resolve("reference"), "reference");
        Corpus.mutate(Corpus.submission(subs.resolve("sign-in-1.3"), "reference"),
                fixtures.resolve("sign-of-error-derivative--squared-error/mutation.txt"));
        Path factor2 = dir.resolve("factor-2.txt");
        Files.writeString(factor2, "file: backprop/singlelayer/ChainRule.java\nfind:         return output - target;\n"
                + "replace:         return 2 * (output - target);\n", StandardCharsets.UTF_8);
        Corpus.mutate(Corpus.submission(subs.resolve("factor-2-in-2.3"), "reference"), factor2);
        Corpus.mutate(Corpus.submission(subs.resolve("softmax-overflow-in-5.2"), "reference"),
                fixtures.resolve("softmax-overflow/mutation.txt"));
        Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", out.toString(), "--chapters", "1,2,5",
                "--jobs", "2", "--no-progress");
        assertThat(r.code()).as(r.err()).isZero();
        rows = Corpus.gradebook(out);
    }

    static boolean graded(String exercise) {
        return CHAPTERS.contains(Integer.parseInt(exercise.substring(0, exercise.indexOf('.'))));
    }

    @Test
    @DisplayName("the reference keeps every point and is told to fix nothing first")
    void referenceKeepsAll() {
        Corpus.points().forEach((x, p) -> {
            if (graded(x)) {
                assertThat(rows.get("reference").scores().get(x)).as("reference %s", x).isEqualTo((double) p);
            }
        });
        assertThat(Corpus.feedback(out, "reference")).doesNotContain("first (with your");
    }

    @ParameterizedTest(name = "{0}: every other exercise keeps full points")
    @ValueSource(strings = {"sign-in-1.3", "factor-2-in-2.3", "softmax-overflow-in-5.2"})
    @DisplayName("every exercise but the wrong one keeps full points")
    void othersKeepFullPoints(String student) {
        List<String> lost = new ArrayList<>();
        Corpus.points().forEach((x, p) -> {
            double s = rows.get(student).scores().get(x);
            if (graded(x) && !x.equals(BUGGY.get(student)) && s < p) {
                lost.add(x + " keeps " + s + " of " + p);
            }
        });
        assertThat(lost).as("correct exercises of %s that lost points", student).isEmpty();
    }

    @ParameterizedTest(name = "{0} loses points on its wrong exercise")
    @ValueSource(strings = {"sign-in-1.3", "factor-2-in-2.3", "softmax-overflow-in-5.2"})
    @DisplayName("the wrong exercise loses points")
    void buggyLoses(String student) {
        String x = BUGGY.get(student);
        assertThat(rows.get(student).scores().get(x)).as("%s of %s", x, student).isLessThan(Corpus.points().get(x));
    }

    @Nested
    @DisplayName("the feedback says which exercise to fix first")
    class FixFirst {

        @Test
        @DisplayName("a wrong sign in 1.3: the gradient (1.5), the step and the fit are right given a correct 1.3")
        void signInSquaredError() {
            assertThat(Corpus.feedback(out, "sign-in-1.3")).contains("Your 1.5 is right given a correct 1.3; fix 1.3 first")
                    .contains("Your 1.7 is right given a correct 1.3; fix 1.3 first");
        }

        @Test
        @DisplayName("a factor 2 in 2.3: the chain rule (2.4) and the training (2.6) are right given a correct 2.3")
        void factorTwoInChainRule() {
            assertThat(Corpus.feedback(out, "factor-2-in-2.3")).contains("Your 2.4 is right given a correct 2.3; fix 2.3 first")
                    .contains("Your 2.6 is right given a correct 2.3; fix 2.3 first");
        }

        @Test
        @DisplayName("a softmax that overflows: cross-entropy (5.3) is right given a correct 5.2, and no exercise is blamed on another")
        void softmax() {
            String f = Corpus.feedback(out, "softmax-overflow-in-5.2");
            assertThat(f).contains("Your 5.3 is right given a correct 5.2; fix 5.2 first").doesNotContain("fix 1.")
                    .doesNotContain("fix 2.").doesNotContain("given a correct 5.3");
        }
    }

    @Nested
    @DisplayName("the rewriting of a class (no child JVM)")
    class Rewriting {

        /** The stubs, compiled as a submission that has written nothing. */
        Map<String, byte[]> stubs() {
            List<JavaCompile.Source> sources = new ArrayList<>();
            Path dir = Corpus.courseRoot().resolve("exercises/src/main/java");
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    sources.add(new JavaCompile.Source(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p)));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            JavaCompile.Output o = JavaCompile.compile(sources, List.of());
            assertThat(o.errors()).isEmpty();
            return o.classes();
        }

        Isolation isolation() throws IOException {
            Path tests = Path.of("target/classes/grader-course/tests").toAbsolutePath();
            Isolation i = Isolation.load(tests);
            assertThat(i).as("the course bundle holds the reference (built at process-classes)").isNotNull();
            return i;
        }

        /** Loads the stubs with one class rewritten for the tests of {@code exercise}. */
        Class<?> load(Map<String, byte[]> classes, String name, String exercise) throws Exception {
            Isolation iso = isolation();
            ClassLoader loader = new ClassLoader(NoCascadeTest.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                    synchronized (getClassLoadingLock(n)) {
                        Class<?> c = findLoadedClass(n);
                        if (c == null && classes.containsKey(n)) {
                            byte[] b = n.equals(name) ? iso.rewrite(n, classes.get(n), exercise) : classes.get(n);
                            c = defineClass(n, b, 0, b.length);
                        }
                        return c != null ? c : super.loadClass(n, resolve);
                    }
                }
            };
            return Class.forName(name, true, loader);
        }

        @Test
        @DisplayName("for the tests of 5.3, the stub's softmax (5.2) is the course's, with its helper under a name Java cannot declare")
        void otherExerciseIsTheCourses() throws Exception {
            Class<?> c = load(stubs(), "backprop.loss.SoftmaxCrossEntropy", "5.3");
            double[] p = (double[]) c.getMethod("softmax", double[].class).invoke(null, (Object) new double[] {1000, 1000});
            assertThat(p).containsExactly(0.5, 0.5);
            assertThat(List.of(c.getDeclaredMethods()).stream().map(Method::getName).filter(n -> n.startsWith("course-")))
                    .contains("course-max");
        }

        @Test
        @DisplayName("for the tests of 5.3, 5.3 itself stays the student's (here the stub, which throws)")
        void ownExerciseStays() throws Exception {
            Class<?> c = load(stubs(), "backprop.loss.SoftmaxCrossEntropy", "5.3");
            Object loss = c.getConstructor().newInstance();
            assertThatThrownBy(() -> c.getMethod("value", double[].class, double[].class).invoke(loss, new double[] {0, 0}, new double[] {1, 0}))
                    .isInstanceOf(InvocationTargetException.class).cause().isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith("Chapter 5, exercise 5.3");
        }

        @Test
        @DisplayName("every class with exercise methods, rewritten for each of its exercises and for another one, loads and passes the verifier")
        void everyRewriteVerifies() throws Exception {
            Map<String, byte[]> classes = stubs();
            String map = Files.readString(Path.of("target/classes/grader-course/reference").resolve(Isolation.MAP));
            Map<String, Set<String>> exercises = new TreeMap<>();
            map.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t"))
                    .forEach(f -> exercises.computeIfAbsent(f[0].replace('/', '.'), k -> new java.util.TreeSet<>(Set.of("0.0"))).add(f[3]));
            assertThat(exercises).hasSizeGreaterThan(20);
            for (Map.Entry<String, Set<String>> c : exercises.entrySet()) {
                for (String x : c.getValue()) {
                    byte[] original = classes.get(c.getKey());
                    byte[] rewritten = isolation().rewrite(c.getKey(), original, x);
                    assertThat(rewritten).as("%s for %s", c.getKey(), x).isNotNull();
                    Class<?> k = load(classes, c.getKey(), x);
                    assertThat(k.getDeclaredMethods()).as("%s for %s links", c.getKey(), x).isNotEmpty();
                    if (x.equals("0.0")) {
                        assertThat(rewritten).as("%s is rewritten for the tests of another exercise", c.getKey()).isNotEqualTo(original);
                    }
                }
            }
        }

        @Test
        @DisplayName("a class without exercise methods, or one whose only exercise is the one tested, is left as it is")
        void untouched() throws IOException {
            Map<String, byte[]> classes = stubs();
            byte[] require = classes.get("backprop.common.Require");
            assertThat(isolation().rewrite("backprop.common.Require", require, "1.1")).isSameAs(require);
            byte[] chain = classes.get("backprop.singlelayer.ChainRule");
            assertThat(isolation().rewrite("backprop.singlelayer.ChainRule", chain, "2.3")).isSameAs(chain);
            assertThat(isolation().rewrite("backprop.singlelayer.ChainRule", chain, "2.4")).isNotEqualTo(chain);
        }
    }

    @Test
    @DisplayName("the map of exercise methods names every exercise of exercises.tsv")
    void mapCoversTheCourse() throws IOException {
        String map = Files.readString(Path.of("target/classes/grader-course/reference").resolve(Isolation.MAP));
        Map<String, String> missing = new TreeMap<>();
        Corpus.points().keySet().forEach(x -> {
            if (!map.contains("\t" + x + "\n")) {
                missing.put(x, "no method");
            }
        });
        assertThat(missing).isEmpty();
    }
}
