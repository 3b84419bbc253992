package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The student kit holds no solution body and no hidden test. */
@DisplayName("The student kit")
class StudentKitTest {

    @Test
    @DisplayName("holds the exercises with visible tests and pom.xml, but no solution and no hidden test")
    void noSolutionInside() throws IOException {
        Path zip = Files.createTempDirectory("kit").resolve("kit.zip");
        Corpus.Result r = Corpus.grader("student-kit", "--course", Corpus.courseRoot().toString(), "--out", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, byte[]> kit = unzip(zip);
        assertThat(kit).containsKey("exercises/pom.xml").containsKey("exercises/src/main/java/backprop/intuition/LinearNeuron.java")
                .containsKey("exercises/src/test/java/backprop/intuition/LinearNeuronTest.java");
        assertThat(kit.keySet()).noneMatch(k -> k.contains("HiddenTest")).noneMatch(k -> k.startsWith("solutions/"));
        for (Map.Entry<String, byte[]> e : kit.entrySet()) {
            assertThat(new String(e.getValue(), StandardCharsets.UTF_8)).as(e.getKey()).doesNotContain("BEGIN SOLUTION");
        }
        // the independent check: no line that only the reference's solution bodies have
        assertThat(StudentKit.leaks(Corpus.courseRoot(), kit)).isEmpty();
        assertThat(StudentKit.solutionOnlyLines(Corpus.courseRoot())).as("the check knows the reference's lines").hasSizeGreaterThan(50);
    }

    @Test
    @DisplayName("the check catches a reference body, a marker and a hidden test planted in the kit")
    void catchesLeaks() throws IOException {
        Map<String, byte[]> kit = new TreeMap<>(StudentKit.collect(Corpus.courseRoot()));
        Path ref = Corpus.courseRoot().resolve("solutions/src/main/java/backprop/intuition/GradientDescent.java");
        String body = Files.readString(ref).replace("// BEGIN SOLUTION", "").replace("// END SOLUTION", "");
        kit.put("exercises/src/main/java/backprop/intuition/GradientDescent.java", body.getBytes(StandardCharsets.UTF_8));
        kit.put("exercises/src/test/java/backprop/intuition/IntuitionHiddenTest.java", "class X { }".getBytes(StandardCharsets.UTF_8));
        kit.put("notebooks/x.ipynb", "// BEGIN SOLUTION".getBytes(StandardCharsets.UTF_8));
        assertThat(StudentKit.leaks(Corpus.courseRoot(), kit)).anyMatch(l -> l.contains("GradientDescent.java: contains a line of a reference solution"))
                .anyMatch(l -> l.contains("a hidden test")).anyMatch(l -> l.contains("solution marker"));
    }

    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                m.put(e.getName(), in.readAllBytes());
            }
        }
        return m;
    }
}
