package backprop.tools.stubgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The stub generator")
class StubGeneratorTest {

    private static final String REFERENCE = String.join("\n",
            "class A {",
            "    // tag::f[]",
            "    int f() {",
            "        check();",
            "        // BEGIN SOLUTION",
            "        return 42;",
            "        // END SOLUTION",
            "        // STUB: throw new UnsupportedOperationException(\"exercise 9.9\");",
            "    }",
            "    // end::f[]",
            "}",
            "");

    @Nested
    @DisplayName("when it turns one file into a stub")
    class OneFile {

        @Test
        @DisplayName("drops the solution, uncomments the stub line and keeps given code and tags")
        void replacesTheSolutionByTheStub() {
            assertThat(StubGenerator.stub("A.java", REFERENCE)).isEqualTo(String.join("\n",
                    "class A {",
                    "    // tag::f[]",
                    "    int f() {",
                    "        check();",
                    "        throw new UnsupportedOperationException(\"exercise 9.9\");",
                    "    }",
                    "    // end::f[]",
                    "}",
                    ""));
        }

        @Test
        @DisplayName("copies a file without markers unchanged")
        void keepsGivenFiles() {
            String given = "record R(int x) {}\n";
            assertThat(StubGenerator.stub("R.java", given)).isEqualTo(given);
        }

        @Test
        @DisplayName("names the file and line of an unclosed region")
        void rejectsAnUnclosedRegion() {
            assertThatThrownBy(() -> StubGenerator.stub("B.java", "a\n// BEGIN SOLUTION\nb\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("B.java:2: BEGIN SOLUTION is never closed by END SOLUTION");
        }

        @Test
        @DisplayName("names the file and line of a stray END")
        void rejectsAStrayEnd() {
            assertThatThrownBy(() -> StubGenerator.stub("C.java", "a\n  // END SOLUTION\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("C.java:2: END SOLUTION without a BEGIN SOLUTION");
        }

        @Test
        @DisplayName("refuses a region opened inside another")
        void rejectsNestedRegions() {
            assertThatThrownBy(() -> StubGenerator.stub("D.java",
                    "// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n"))
                    .hasMessage("D.java:2: BEGIN SOLUTION inside the region opened at line 1");
        }
    }

    @Nested
    @DisplayName("over a tree")
    class Tree {

        @TempDir
        Path root;

        @Test
        @DisplayName("reports missing, stale and extra stubs, and none after writing")
        void detectsAndRepairsDrift() throws IOException {
            Path solutions = root.resolve("solutions");
            Path exercises = root.resolve("exercises");
            Files.createDirectories(solutions.resolve("p"));
            Files.createDirectories(exercises.resolve("p"));
            Files.writeString(solutions.resolve("p/A.java"), REFERENCE);
            Files.writeString(solutions.resolve("p/B.java"), "class B {}\n");
            Files.writeString(exercises.resolve("p/B.java"), "class B { int edited; }\n");
            Files.writeString(exercises.resolve("p/Old.java"), "class Old {}\n");

            assertThat(StubGenerator.drift(solutions, exercises)).containsExactly(
                    "missing stub: " + exercises.resolve("p/A.java"),
                    "stale stub (differs from the generated one): " + exercises.resolve("p/B.java"),
                    "extra file with no reference source: " + exercises.resolve("p/Old.java"));

            assertThat(StubGenerator.write(solutions, exercises)).isEqualTo(3);
            assertThat(StubGenerator.drift(solutions, exercises)).isEmpty();
            assertThat(Files.readString(exercises.resolve("p/A.java"))).doesNotContain("return 42");
        }
    }
}
