package backprop.tools.stubgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks on the real repository: the committed stubs and the student's pom. */
@DisplayName("The committed exercises")
class ExercisesAreGeneratedTest {

    private static final Path ROOT = Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();

    @Test
    @DisplayName("are exactly what the generator makes from solutions/ (regenerate: ./mvnw -q -pl tools compile exec:java)")
    void stubsDoNotDrift() {
        assertThat(StubGenerator.drift(
                ROOT.resolve("solutions").resolve(StubGenerator.SOURCES),
                ROOT.resolve("exercises").resolve(StubGenerator.SOURCES)))
                .as("stub files that differ from the generated ones")
                .isEmpty();
    }

    @Test
    @DisplayName("contain no line of a solution region")
    void stubsHoldNoSolution() throws IOException {
        try (var files = Files.walk(ROOT.resolve("exercises").resolve(StubGenerator.SOURCES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(f)).as(f.toString())
                        .doesNotContain("BEGIN SOLUTION").doesNotContain("END SOLUTION").doesNotContain("// STUB:");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"junit.version", "assertj.version", "surefire.version", "compiler.version"})
    @DisplayName("pin the same versions in exercises/pom.xml as the root pom")
    void studentPomAgreesWithRoot(String property) throws IOException {
        assertThat(property(ROOT.resolve("exercises/pom.xml"), property))
                .as("%s in exercises/pom.xml", property)
                .isEqualTo(property(ROOT.resolve("pom.xml"), property));
    }

    private static String property(Path pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
        return m.find() ? m.group(1).trim() : "(missing in " + pom + ")";
    }
}
