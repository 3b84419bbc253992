package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
        Path zip = writeKit();
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

    @Test
    @DisplayName("is a course on its own: the Maven wrapper (mvnw executable), every notebook, the kernel, the figures jar and one README")
    void standaloneContents() throws IOException {
        Path zip = writeKit();
        Map<String, byte[]> kit = unzip(zip);
        assertThat(kit).containsKeys("README.md", "exercises/mvnw", "exercises/mvnw.cmd",
                "exercises/.mvn/wrapper/maven-wrapper.properties", StudentKit.KERNEL_JAR, StudentKit.FIGURES_JAR, "notebooks/README.md");
        try (Stream<Path> notebooks = Files.list(Corpus.courseRoot().resolve("notebooks"))) {
            List<String> expected = notebooks.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .map(n -> "notebooks/" + n).toList();
            assertThat(expected).isNotEmpty();
            assertThat(kit.keySet().stream().filter(k -> k.endsWith(".ipynb")).toList())
                    .as("every notebook of the course, found by listing notebooks/").containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(unixMode(zip, "exercises/mvnw") & 0111).as("mvnw is executable once unzipped").isEqualTo(0111);
        assertThat(unixMode(zip, "exercises/pom.xml") & 0777).isEqualTo(0644);
        assertThat(kit.keySet()).noneMatch(k -> k.startsWith("exercises/target/"));
    }

    @Test
    @DisplayName("READMEs name only what the kit holds: no repository root, no module of the course")
    void readmesSpeakOfTheKit() throws IOException {
        Map<String, byte[]> kit = StudentKit.collect(Corpus.courseRoot());
        for (String readme : List.of("README.md", "notebooks/README.md")) {
            String text = new String(kit.get(readme), StandardCharsets.UTF_8);
            assertThat(text).as(readme).doesNotContainIgnoringCase("repository root").doesNotContain("figures/target")
                    .doesNotContain("kernel/target").doesNotContain("kernel/README").doesNotContain("solutions/")
                    .doesNotContain("install -DskipTests");
            // every kit path the README names in backquotes exists in the kit
            Matcher m = Pattern.compile("`((?:exercises|notebooks|lib|book)/[^`\\s*]*)`").matcher(text);
            while (m.find()) {
                String path = m.group(1);
                assertThat(kit.keySet()).as("%s names %s", readme, path).anyMatch(k -> k.equals(path) || k.startsWith(path));
            }
        }
        String readme = new String(kit.get("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("./mvnw test").contains("java -jar " + StudentKit.KERNEL_JAR + " install")
                .contains(StudentKit.FIGURES_JAR).contains("IJAVA_CLASSPATH").contains("JJAVA_CLASSPATH");
    }

    @Test
    @DisplayName("the check catches a compiled reference class inside a jar of the kit")
    void catchesReferenceClassesInJars() throws IOException {
        Map<String, byte[]> kit = new TreeMap<>(StudentKit.collect(Corpus.courseRoot()));
        kit.put("lib/extra.jar", StudentKit.zip(Map.of("backprop/intuition/GradientDescent$Path.class", new byte[] {1})));
        assertThat(StudentKit.leaks(Corpus.courseRoot(), kit)).anyMatch(l -> l.startsWith("lib/extra.jar: holds the compiled reference class"));
        kit.put("lib/extra.jar", StudentKit.zip(Map.of("backprop/figures/Plot.class", new byte[] {1})));
        assertThat(StudentKit.leaks(Corpus.courseRoot(), kit)).isEmpty();
    }

    @Test
    @DisplayName("never holds the grader's course bundle, whose compiled reference grades each exercise with the others right")
    void noGraderBundle() throws IOException {
        Map<String, byte[]> kit = unzip(writeKit());
        assertThat(kit.keySet()).noneMatch(k -> k.contains("grader-course/")).noneMatch(k -> k.contains("backprop-grader"));
        Map<String, byte[]> planted = new TreeMap<>(StudentKit.collect(Corpus.courseRoot()));
        planted.put("lib/backprop-kernel.jar", StudentKit.zip(Map.of("grader-course/reference/backprop/loss/Softmax.class", new byte[] {1})));
        assertThat(StudentKit.leaks(Corpus.courseRoot(), planted)).anyMatch(l -> l.startsWith("lib/backprop-kernel.jar: holds the grader's course bundle"));
    }

    /** Runs the student-kit command on the course; returns the zip it wrote. */
    static Path writeKit() throws IOException {
        Path zip = Files.createTempDirectory("kit").resolve("kit.zip");
        Corpus.Result r = Corpus.grader("student-kit", "--course", Corpus.courseRoot().toString(), "--out", zip.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return zip;
    }

    /** The Unix mode bits of a zip entry, from its central directory (what unzip applies). */
    static int unixMode(Path zip, String entry) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(fs.getPath(entry));
            int mode = 0;
            for (PosixFilePermission p : perms) {
                mode |= 1 << (8 - p.ordinal());
            }
            return mode;
        }
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
