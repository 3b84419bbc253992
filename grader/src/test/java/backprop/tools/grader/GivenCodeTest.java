package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The tests judge with the course's given code: only exercise bodies and additions come from the student. */
@DisplayName("Given code is always the course's")
class GivenCodeTest {

    static Map<String, String> stubs;
    static Map<String, String> reference;

    @BeforeAll
    static void read() throws IOException {
        stubs = sources(Corpus.courseRoot().resolve("exercises/src/main/java"));
        reference = sources(Corpus.courseRoot().resolve("solutions/src/main/java"));
    }

    static Map<String, String> sources(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                m.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return m;
    }

    /** The reference with one file replaced. */
    static GivenCode.Restored with(String path, String text) {
        Map<String, String> files = new TreeMap<>(reference);
        files.put(path, text);
        return GivenCode.restore(files, stubs);
    }

    static final String FD = "backprop/logistic/FiniteDifference.java";
    static final String RELU = "backprop/logistic/Relu.java";

    /** The given line of {@code FiniteDifference.check} that the edits below disable. */
    static final String CHECK_OF_H = "Require.step(x, \"x\", h);";
    static final String EDITED = "return; // " + CHECK_OF_H;

    /** The reference's FiniteDifference with its given check of h turned off, as a student might. */
    static String editedCheck() {
        assertThat(reference.get(FD)).as("the given check of h in the reference").contains(CHECK_OF_H);
        return reference.get(FD).replace(CHECK_OF_H, EDITED);
    }

    @Test
    @DisplayName("the reference keeps every body and helper, with no note: honest work never loses")
    void referenceUntouched() throws java.io.IOException {
        GivenCode.Restored r = GivenCode.restore(reference, stubs);
        assertThat(r.notes()).isEmpty();
        assertThat(StudentBuild.buildNow(r.files(), stubs, 120).fatal()).isNull();
        assertThat(r.files().get(RELU)).contains("return Math.max(0.0, z);").contains("return z > 0 ? 1.0 : 0.0;");
    }

    @Nested
    @DisplayName("takes from the course")
    class Course {

        @Test
        @DisplayName("a given helper the student edited, and says so")
        void editedHelper() {
            String edited = editedCheck();
            GivenCode.Restored r = with(FD, edited);
            assertThat(r.files().get(FD)).contains(CHECK_OF_H).doesNotContain(EDITED);
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("FiniteDifference.check(DoubleUnaryOperator,double,double)")
                    .contains("were not used"));
        }

        @Test
        @DisplayName("an edited helper even beside a file too deep to parse, on a thread with a small stack")
        void besideADeepFile() throws InterruptedException {
            String edited = editedCheck();
            Map<String, String> files = new TreeMap<>(reference);
            files.put(FD, edited);
            for (int depth : new int[] {5_000, 100_000}) {
                files.put(RELU, reference.get(RELU).replace("public final class Relu implements Activation {",
                        "public final class Relu implements Activation {\n    static int deep() { return " + "(".repeat(depth) + "1" + ")".repeat(depth) + "; }\n"));
                GivenCode.Restored[] r = new GivenCode.Restored[1];
                Thread small = new Thread(null, () -> r[0] = GivenCode.restore(files, stubs), "small", 256 << 10);
                small.start();
                small.join();
                assertThat(r[0]).as("depth %d", depth).isNotNull();
                assertThat(r[0].files().get(FD)).as("depth %d", depth).contains(CHECK_OF_H).doesNotContain(EDITED);
            }
        }

        @Test
        @DisplayName("a whole file without exercises (an interface, Require, a record)")
        void givenFile() {
            String path = "backprop/common/Require.java";
            GivenCode.Restored r = with(path, reference.get(path).replace("if (!Double.isFinite(value)) {", "if (false) {"));
            assertThat(r.files().get(path)).isEqualTo(stubs.get(path));
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("Require.java is given code"));
        }

        @Test
        @DisplayName("the stub's body of an exercise whose signature changed")
        void changedSignature() {
            GivenCode.Restored r = with(RELU, reference.get(RELU).replace("public double value(double z)", "public double value(float z)"));
            assertThat(r.files().get(RELU)).contains("exercise 3.5: return max(0, z)");
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("no method with the signature of Relu.value(double)"));
        }
    }

    @Nested
    @DisplayName("takes from the student")
    class Student {

        @Test
        @DisplayName("exercise bodies with the student's own parameter names, and new helpers and imports")
        void bodiesAndHelpers() throws java.io.IOException {
            String mine = reference.get(RELU)
                    .replace("public double value(double z) {\n        Require.finite(z, \"z\");\n        // BEGIN SOLUTION\n        // relu(z) = max(0, z)   (Eq. 3.6)\n        return Math.max(0.0, z);",
                            "public double value(double netInput) {\n        Require.finite(netInput, \"z\");\n        return clamp(netInput);")
                    .replace("public final class Relu implements Activation {",
                            "public final class Relu implements Activation {\n    private static double clamp(double v) {\n        return max(0.0, v);\n    }\n")
                    .replace("import backprop.singlelayer.Activation;", "import backprop.singlelayer.Activation;\nimport static java.lang.Math.max;");
            assertThat(mine).contains("clamp(netInput)");
            GivenCode.Restored r = with(RELU, mine);
            assertThat(r.notes()).isEmpty();
            assertThat(r.files().get(RELU)).contains("public double value(double netInput)").contains("private static double clamp")
                    .contains("import static java.lang.Math.max;");
            assertThat(StudentBuild.buildNow(r.files(), stubs, 120).notes()).isEmpty();
        }
    }

    @Nested
    @DisplayName("leaves out an addition that could change what given code means")
    class Hijacks {

        @Test
        @DisplayName("an overload of a given method, an override of a JDK method, a constructor")
        void members() {
            String mine = reference.get(FD).replace("private FiniteDifference() {",
                    "private static void check(DoubleUnaryOperator f, double x, float h) {\n    }\n\n"
                            + "    @Override\n    public boolean equals(Object o) {\n        return true;\n    }\n\n"
                            + "    private FiniteDifference(int x) {\n    }\n\n    private FiniteDifference() {");
            GivenCode.Restored r = with(FD, mine);
            String notes = String.join("\n", r.notes());
            assertThat(notes).contains("FiniteDifference.check(DoubleUnaryOperator,double,float) (a name the given code uses")
                    .contains("FiniteDifference.equals(Object)").contains("constructors are given code");
            assertThat(r.files().get(FD)).doesNotContain("return true;").doesNotContain("float h");
        }

        @Test
        @DisplayName("a new class in a course package named like a JDK class the given code uses")
        void shadowingClass() {
            Map<String, String> files = new TreeMap<>(reference);
            files.put("backprop/logistic/Double.java", "package backprop.logistic;\n\nfinal class Double {\n}\n");
            GivenCode.Restored r = GivenCode.restore(files, stubs);
            assertThat(r.files()).doesNotContainKey("backprop/logistic/Double.java");
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("declares the class Double"));
        }

        @Test
        @DisplayName("an import that would shadow a name of the given code, but not one that shadows nothing")
        void shadowingImport() {
            GivenCode.Restored r = with(FD, reference.get(FD).replace("import backprop.common.Require;",
                    "import backprop.common.Require;\nimport backprop.network.Shapes;\nimport backprop.loss.Double;"));
            assertThat(r.files().get(FD)).contains("import backprop.network.Shapes;").doesNotContain("import backprop.loss.Double;");
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("import backprop.loss.Double; (it would change"));
        }
    }
}
