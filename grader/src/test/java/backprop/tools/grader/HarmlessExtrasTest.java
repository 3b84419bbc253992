package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Honest work is never rejected for a harmless extra: limits and refusals apply only to what is
 * read (src/main/java); what is skipped is named in the notes.
 */
@DisplayName("Harmless extras in a submission")
class HarmlessExtrasTest {

    private static final String RELU = "exercises/src/main/java/backprop/logistic/Relu.java";
    private static final byte[] SOURCE = "package backprop.logistic; final class Relu { }".getBytes(StandardCharsets.UTF_8);

    private static Ingest.Submission read(byte[] zip) throws IOException {
        Path f = Files.createTempDirectory("extras").resolve("s.zip");
        Files.write(f, zip);
        return Ingest.read("s", f, Ingest.Limits.DEFAULT);
    }

    /** A submission folder holding one source, Relu.java, below {@code wrapper}. */
    private static Path folderWithRelu(String wrapper) throws IOException {
        Path d = Files.createTempDirectory("extras-folder");
        Path relu = d.resolve(wrapper + "src/main/java/backprop/logistic/Relu.java");
        Files.createDirectories(relu.getParent());
        Files.write(relu, SOURCE);
        return d;
    }

    private static Map<String, byte[]> withSource(String other, byte[] content) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(other, content);
        m.put(RELU, SOURCE);
        return m;
    }

    @Nested
    @DisplayName("in a zip")
    class InAZip {

        @Test
        @DisplayName("an encrypted entry under docs/ is skipped and named")
        void encryptedOutside() throws IOException {
            byte[] zip = ZipCraft.zip(withSource("exercises/docs/secret.txt", "x".getBytes(StandardCharsets.UTF_8)));
            ZipCraft.flags(zip, "exercises/docs/secret.txt", 1);
            Ingest.Submission s = read(zip);
            assertThat(s.rejected()).isNull();
            assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
            assertThat(String.join("\n", s.notes())).contains("skipped").contains("secret.txt");
        }

        @Test
        @DisplayName("an encrypted source is refused alone, with the reason; the other sources are read")
        void encryptedSource() throws IOException {
            String other = "exercises/src/main/java/backprop/logistic/Logistic.java";
            byte[] zip = ZipCraft.zip(withSource(other, "package backprop.logistic; final class Logistic { }".getBytes(StandardCharsets.UTF_8)));
            ZipCraft.flags(zip, other, 1);
            Ingest.Submission s = read(zip);
            assertThat(s.rejected()).isNull();
            assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
            assertThat(String.join("\n", s.notes())).contains("Logistic.java").contains("encrypted");
        }

        @Test
        @DisplayName("a name flagged UTF-8 that is not, outside the sources, is skipped and shown with its bytes")
        void badName() throws IOException {
            byte[] zip = ZipCraft.zip(withSource("exercises/XX.txt", new byte[] {1}));
            ZipCraft.flags(zip, "exercises/XX.txt", 1 << 11);
            ZipCraft.rename(zip, "exercises/XX.txt", "XX", new byte[] {(byte) 0xff, (byte) 0x1b});
            Ingest.Submission s = read(zip);
            assertThat(s.rejected()).isNull();
            assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
            assertThat(String.join("\n", s.notes())).contains("\\xFF").doesNotContain("\u001b");
        }

        @Test
        @DisplayName("an entry compressed with a method the JDK cannot read, outside the sources, is skipped")
        void unknownMethod() throws IOException {
            byte[] zip = ZipCraft.zip(withSource("exercises/docs/figure.bz2", "bz".getBytes(StandardCharsets.UTF_8)));
            ZipCraft.method(zip, "exercises/docs/figure.bz2", 12);
            Ingest.Submission s = read(zip);
            assertThat(s.rejected()).isNull();
            assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
        }

        @Test
        @DisplayName("20 000 .git objects, target/ and .idea/ are skipped, counted, and never inflated")
        void manyObjects() throws IOException {
            Map<String, byte[]> m = new LinkedHashMap<>();
            for (int i = 0; i < 20_000; i++) {
                m.put(String.format("exercises/.git/objects/%02x/%038x", i % 256, i), new byte[] {(byte) i});
            }
            byte[] bomb = new byte[60 << 20];
            m.put("exercises/target/big.bin", bomb);
            m.put("exercises/.idea/workspace.xml", new byte[] {1});
            m.put(RELU, SOURCE);
            Ingest.Submission s = read(ZipCraft.zip(m));
            assertThat(s.rejected()).isNull();
            assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
            assertThat(String.join("\n", s.notes())).contains(".git/ (20000 entries)").contains("target/ (1 entry)").contains(".idea/");
        }

        @Test
        @DisplayName("a wrapping folder that happens to be called out/ is the submission, not a tool's folder")
        void wrapperNamedOut() throws IOException {
            Map<String, byte[]> m = new LinkedHashMap<>();
            m.put("out/src/main/java/backprop/logistic/Relu.java", SOURCE);
            m.put("out/target/classes/Relu.class", new byte[] {1});
            Ingest.Submission s = read(ZipCraft.zip(m));
            assertThat(s.rejected()).isNull();
            assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
            assertThat(String.join("\n", s.notes())).contains("target/");
        }

        @Test
        @DisplayName("what is read keeps its protections: a bomb among the sources is still rejected")
        void bombInSources() throws IOException {
            Ingest.Submission s = read(ZipCraft.zip(withSource("exercises/src/main/java/backprop/logistic/Bomb.java", new byte[60 << 20])));
            assertThat(s.rejected()).contains("zip bomb");
        }
    }

    @Nested
    @DisplayName("in a folder")
    class InAFolder {

        @Test
        @DisplayName(".git with 20 000 objects, target/, .vscode/, bin/, out/ and an unreadable folder are skipped, not rejected")
        void folders() throws IOException {
            Path d = folderWithRelu("");
            AttacksB.junk(d);
            Path locked = Files.createDirectories(d.resolve("private"));
            locked.toFile().setReadable(false);
            try {
                Ingest.Submission s = Ingest.read("s", d, Ingest.Limits.DEFAULT);
                assertThat(s.rejected()).isNull();
                assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
                assertThat(String.join("\n", s.notes())).contains(".git/").contains("target/").contains(".vscode/").contains("bin/").contains("out/");
            } finally {
                locked.toFile().setReadable(true);
            }
        }
    }

    @Test
    @DisplayName("a submission folder wrapped in a folder called build/ is read")
    void folderWrapperNamedBuild() throws IOException {
        Ingest.Submission s = Ingest.read("s", folderWithRelu("build/"), Ingest.Limits.DEFAULT);
        assertThat(s.rejected()).isNull();
        assertThat(s.sources()).containsOnlyKeys("backprop/logistic/Relu.java");
    }

    @Nested
    @DisplayName("graded end to end")
    class EndToEnd extends AttacksB.Checks {

        @Test
        @DisplayName("the reference with all of these extras, as a zip and as a folder, earns full points, and the notes name what was skipped")
        void fullPoints() {
            for (String id : new String[] {"extras", "extras-folder"}) {
                Corpus.Row row = AttacksB.rows.get(id);
                assertThat(row.status()).as(id).isEqualTo("graded");
                assertThat(row.total()).as(id).isEqualTo(row.max());
                assertThat(AttacksB.feedback(id)).as(id).contains("skipped").contains(".git/");
            }
        }
    }
}
