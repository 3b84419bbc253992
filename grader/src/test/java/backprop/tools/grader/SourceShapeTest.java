package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.tools.grader.JavaCompile.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The shape check before javac")
class SourceShapeTest {

    private static Source source(String body) {
        return new Source("backprop/logistic/Shape.java", "package backprop.logistic;\nfinal class Shape {\n" + body + "\n}\n");
    }

    @Nested
    @DisplayName("refuses, naming the measure and the line")
    class Refuses {

        @Test
        @DisplayName("brackets open one level beyond the limit")
        void brackets() {
            String deep = "static int f() {\nreturn " + "(".repeat(SourceShape.MAX_BRACKETS) + "1" + ")".repeat(SourceShape.MAX_BRACKETS) + ";\n}";
            assertThat(SourceShape.check(source(deep))).hasValueSatisfying(p -> {
                assertThat(p.path()).isEqualTo("backprop/logistic/Shape.java");
                assertThat(p.line()).isEqualTo(4);
                assertThat(p.message()).contains("brackets nested more than " + SourceShape.MAX_BRACKETS).contains("line 4");
            });
        }

        @Test
        @DisplayName("brackets written as Unicode escapes, which javac reads as brackets, with commas between them")
        void unicodeEscapes() {
            int n = SourceShape.MAX_BRACKETS + 1;
            String deep = "static int f(int a, int b) { return 0; }\nstatic int g() { return f\\u0028 1, " + "f\\u0028 1, ".repeat(n)
                    + "1" + "\\u0029".repeat(n + 1) + "; }";
            assertThat(SourceShape.check(source(deep))).hasValueSatisfying(p -> assertThat(p.message()).contains("brackets nested"));
            assertThat(SourceShape.unicodeEscapes("a \\u0028 b \\\\u0028 c \\uuu0029")).isEqualTo("a ( b \\\\u0028 c )");
        }

        @Test
        @DisplayName("a chain of operators longer than a stretch may be, though it opens no bracket")
        void chain() {
            String chain = "static int f() { return 1" + "+1".repeat(SourceShape.MAX_STRETCH / 2 + 1) + "; }";
            assertThat(SourceShape.check(source(chain))).hasValueSatisfying(p -> assertThat(p.message()).contains("tokens in one expression"));
        }

        @Test
        @DisplayName("unbraced ifs nested one inside the other")
        void unbracedIfs() {
            String ifs = "static void f(boolean a) { " + "if (a) ".repeat(SourceShape.MAX_STRETCH / 4 + 1) + "return; }";
            assertThat(SourceShape.check(source(ifs))).hasValueSatisfying(p -> assertThat(p.message()).contains("tokens in one expression"));
        }

        @Test
        @DisplayName("an else-if chain with braces, which nests once per link")
        void elseChain() {
            String chain = "static int f(int x) { if (x == 0) { return 0; }" + " else if (x == 1) { return 1; }".repeat(SourceShape.MAX_ELSE + 1)
                    + " return 2; }";
            assertThat(SourceShape.check(source(chain))).hasValueSatisfying(p -> assertThat(p.message()).contains("else"));
        }
    }

    @Nested
    @DisplayName("accepts")
    class Accepts {

        @Test
        @DisplayName("brackets exactly at the limit")
        void atTheLimit() {
            int depth = SourceShape.MAX_BRACKETS - 2; // the class and the method open two
            String deep = "static int f() { return " + "(".repeat(depth - 1) + "1" + ")".repeat(depth - 1) + "; }";
            assertThat(SourceShape.check(source(deep))).isEmpty();
        }

        @ParameterizedTest(name = "brackets inside {0}")
        @ValueSource(strings = {"comments", "strings", "text blocks", "chars"})
        @DisplayName("brackets and words that are not code")
        void notCode(String where) {
            String many = "(".repeat(SourceShape.MAX_BRACKETS + 1) + " else".repeat(SourceShape.MAX_ELSE + 1);
            String body = switch (where) {
                case "comments" -> "// " + many + "\n/* " + many + " */";
                case "strings" -> "static final String S = \"\\\" " + many + "\";";
                case "text blocks" -> "static final String S = \"\"\"\n" + many + " \\\"\"\" \n\"\"\";";
                default -> "static final char[] C = {" + "'(', ".repeat(SourceShape.MAX_BRACKETS + 1) + "'\\''};";
            };
            assertThat(SourceShape.check(source(body))).as(where).isEmpty();
        }

        @Test
        @DisplayName("every file of the course's reference code and stubs")
        void theCourse() throws IOException {
            Path root = Corpus.courseRoot();
            List<Path> files;
            try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("solutions/src/main/java")), Files.walk(root.resolve("exercises/src/main/java")))) {
                files = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            assertThat(files).hasSizeGreaterThan(20);
            for (Path f : files) {
                assertThat(SourceShape.check(new Source(f.toString(), Files.readString(f)))).as("%s", f).isEmpty();
            }
        }
    }
}
