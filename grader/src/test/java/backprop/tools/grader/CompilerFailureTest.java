package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.tools.grader.JavaCompile.Source;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A failure of the grader's compiler (a stack overflow on deeply nested code, a crash) or a class
 * file the file system refuses is never scored as a clean result: the file to blame is graded as
 * the stub, the reason is named, and nothing else of the submission or of the run is lost.
 */
@DisplayName("When the compiler or the file system fails")
class CompilerFailureTest {

    private static final long FAR = Long.MAX_VALUE / 4;

    private static String nested(int depth) {
        return "package backprop.logistic; final class Deep { static int f() { return " + "(".repeat(depth) + "1" + ")".repeat(depth) + "; } }";
    }

    @Nested
    @DisplayName("the isolated compiler")
    class Isolated {

        @Test
        @DisplayName("refuses by its text a file nested deeper than javac's stack can be trusted with, and only that file, the same on every run")
        void tooDeep() throws Exception {
            List<Source> sources = List.of(new Source("backprop/logistic/Deep.java", nested(100_000)),
                    new Source("backprop/logistic/Fine.java", "package backprop.logistic; final class Fine { }"));
            for (int run = 0; run < 3; run++) {
                JavaCompile.Output out = IsolatedCompiler.compile(sources, p -> true, 60, System.nanoTime() + FAR);
                assertThat(out.ok()).as("run %d", run).isFalse();
                assertThat(out.errors()).as("run %d", run).singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("backprop/logistic/Deep.java");
                    assertThat(p.message()).contains("nested too deeply").contains("brackets");
                });
            }
        }

        @Test
        @DisplayName("compiles 5000 nested parentheses like any other valid code")
        void deepButValid() throws Exception {
            JavaCompile.Output out = IsolatedCompiler.compile(List.of(new Source("backprop/logistic/Deep.java", nested(5_000))), p -> true, 60,
                    System.nanoTime() + FAR);
            assertThat(out.errors()).isEmpty();
            assertThat(out.classes()).containsKey("backprop.logistic.Deep");
        }

        @Test
        @DisplayName("never blames the course's stubs: a failure only they could cause is the grader's own error")
        void neverTheStubs() {
            List<Source> sources = List.of(new Source("backprop/logistic/Deep.java", nested(100_000)));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> IsolatedCompiler.compile(sources, p -> false, 60, System.nanoTime() + FAR))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("course's own stubs");
        }

        @Test
        @DisplayName("reports a class name too long for a class file, and classes that differ only in case")
        void classFiles() throws Exception {
            JavaCompile.Output out = IsolatedCompiler.compile(List.of(new Source("backprop/logistic/Long.java",
                    "package backprop.logistic; final class Long { }\nfinal class Q" + "q".repeat(299) + " { }\n"),
                    new Source("backprop/logistic/Case.java", "package backprop.logistic; final class Case { }\nfinal class CASE { }\n")),
                    p -> true, 60, System.nanoTime() + FAR);
            assertThat(out.errors()).extracting(JavaCompile.Problem::path).contains("backprop/logistic/Long.java", "backprop/logistic/Case.java");
            assertThat(out.errors()).extracting(JavaCompile.Problem::message).anyMatch(m -> m.contains("too long"))
                    .anyMatch(m -> m.contains("only in case"));
        }
    }

    @Nested
    @DisplayName("graded end to end")
    class EndToEnd extends AttacksB.Checks {

        @Test
        @DisplayName("the run still exits with 0: no grader error anywhere")
        void exitCode() {
            assertThat(AttacksB.result.code()).as(AttacksB.result.err()).isZero();
            assertThat(AttacksB.rows.values()).noneMatch(r -> r.status().equals("error"));
        }

        @Test
        @DisplayName("100 000 nested parentheses: Relu is graded as the stub, the reason is named, the rest earns its points")
        void deepNesting() {
            Corpus.Row row = AttacksB.rows.get("nested-100000");
            assertThat(row.status()).isEqualTo("partial");
            assertThat(row.reason()).contains("Relu.java").contains("compiler");
            assertThat(row.scores().get("3.5")).isZero();
            assertThat(row.total()).isEqualTo(row.max() - Corpus.points().get("3.5"));
        }

        @Test
        @DisplayName("5000 nested parentheses are valid Java: full points")
        void validNesting() {
            Corpus.Row row = AttacksB.rows.get("nested-5000");
            assertThat(row.status()).isEqualTo("graded");
            assertThat(row.total()).isEqualTo(row.max());
        }

        @Test
        @DisplayName("a 300-character class name or case-only class names: Relu is graded as the stub with the reason, not a grader error")
        void classFileNames() {
            for (String id : List.of("long-class-name", "case-only-classes")) {
                Corpus.Row row = AttacksB.rows.get(id);
                assertThat(row.status()).as(id).isEqualTo("partial");
                assertThat(row.reason()).as(id).contains("Relu.java").containsAnyOf("too long", "only in case");
                assertThat(row.total()).as(id).isEqualTo(row.max() - Corpus.points().get("3.5"));
            }
        }
    }
}
