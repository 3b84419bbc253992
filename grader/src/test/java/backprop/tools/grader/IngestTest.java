package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a submission: only Java sources under src/main/java, within limits, never outside. */
@DisplayName("Ingesting a submission")
class IngestTest {

    @ParameterizedTest
    @ValueSource(strings = {"../x.java", "a/../../x.java", "/etc/x.java", "C:/x.java", "a/./b.java", "a//b.java", "a\u0000b.java", ""})
    @DisplayName("refuses odd zip entry names")
    void oddNames(String name) {
        assertThat(Ingest.oddName(name)).isNotNull();
    }

    @Test
    @DisplayName("accepts ordinary names")
    void ordinaryNames() {
        assertThat(Ingest.oddName("exercises/src/main/java/backprop/logistic/Relu.java")).isNull();
    }

    @Test
    @DisplayName("finds src/main/java below a wrapping folder and ignores other files")
    void wrappingFolder() throws IOException {
        Path dir = Files.createTempDirectory("ingest");
        Path f = dir.resolve("exercises/src/main/java/backprop/common/Require.java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "package backprop.common; class Require { }");
        Files.writeString(dir.resolve("exercises/notes.txt"), "hello");
        Path other = dir.resolve("exercises/src/test/java/backprop/X.java");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "class X { }");
        Ingest.Submission s = Ingest.read("a", dir, Ingest.Limits.DEFAULT);
        assertThat(s.rejected()).isNull();
        assertThat(s.sources()).containsOnlyKeys("backprop/common/Require.java");
    }

    @Test
    @DisplayName("rejects a zip with too many entries and one whose sources are too large")
    void limits() throws IOException {
        Path dir = Files.createTempDirectory("ingest-limits");
        Path zip = dir.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 30; i++) {
                z.putNextEntry(new ZipEntry("src/main/java/backprop/common/C" + i + ".java"));
                z.write(("package backprop.common; class C" + i + " { }").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        Ingest.Limits small = new Ingest.Limits(1 << 20, 1 << 20, 10, 1000, 10_000, 300);
        assertThat(Ingest.read("many", zip, small).rejected()).contains("more than 10 entries");
        Ingest.Limits tiny = new Ingest.Limits(1 << 20, 1 << 20, 100, 1000, 500, 300);
        assertThat(Ingest.read("many", zip, tiny).rejected()).contains("add up to more than");
        assertThat(Ingest.read("many", zip, Ingest.Limits.DEFAULT).sources()).hasSize(30);
    }

    @Test
    @DisplayName("reads a zip written with backslashes and skips macOS resource forks")
    void windowsAndMacZips() throws IOException {
        Path zip = Files.createTempDirectory("ingest-win").resolve("win.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("exercises\\src\\main\\java\\backprop\\common\\Require.java"));
            z.write("package backprop.common; class Require { }".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("__MACOSX/exercises/src/main/java/backprop/common/._Require.java"));
            z.write(new byte[] {0, 1, 2});
            z.closeEntry();
        }
        Ingest.Submission s = Ingest.read("win", zip, Ingest.Limits.DEFAULT);
        assertThat(s.rejected()).isNull();
        assertThat(s.sources()).containsOnlyKeys("backprop/common/Require.java");
        assertThat(s.notes()).isEmpty();
    }

    @Test
    @DisplayName("a damaged zip is rejected with a reason, not a crash")
    void damaged() throws IOException {
        Path zip = Files.createTempDirectory("ingest-damaged").resolve("bad.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Ingest.Submission s = Ingest.read("bad", zip, Ingest.Limits.DEFAULT);
        assertThat(s.isRejected()).isTrue();
    }
}
