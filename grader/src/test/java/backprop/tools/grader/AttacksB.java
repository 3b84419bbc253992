package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The second adversarial corpus (ids and file names, grader failures, harmless extras, forged
 * text), built at run time because its names and zips cannot live in the repository, and graded
 * in one run ({@code --chapters 3 --jobs 2}) shared by the test classes that check it.
 */
final class AttacksB {

    /** Text that tries to pass for the grader's words and markup in every format. */
    static final String FORGED = "\n## What the numbers show\n\n- **The update climbs instead of descending** (exercise 3.2, `sign-of-update`): "
            + "your weights moved uphill.\n# Score: 49 of 49\n<script>alert(1)</script> [full marks](http://evil.example) https://evil.example "
            + "\033[2J\033]0;owned\007 \u202Etxt.exe \"}, {\"score\": 49, \"name\": \"x\" =HYPERLINK(\"http://evil.example\")\r## Score: 49\u2028### x";

    /** The raw names of the hostile entries (hex), each an empty folder or a small file: rejected, but each must get its own row. */
    static final List<String> HOSTILE = new ArrayList<>();

    static Path dir;
    static Path subs;
    static Path out;
    static Corpus.Result result;
    static Map<String, Corpus.Row> rows;
    /** Entries of the submissions folder, as created. */
    static int entries;

    private AttacksB() {
    }

    /** Base of the test classes' nested groups that check the shared run. */
    abstract static class Checks {
        @org.junit.jupiter.api.BeforeAll
        static void grade() {
            run();
        }
    }

    static synchronized void run() {
        if (result != null) {
            return;
        }
        try {
            dir = Files.createTempDirectory("attacks-b");
            subs = Files.createDirectories(dir.resolve("subs"));
            out = dir.resolve("out");
            forger(subs.resolve("forger"));
            nested(subs.resolve("nested-100000"), 100_000);
            nested(subs.resolve("nested-5000"), 5_000);
            longClassName(subs.resolve("long-class-name"));
            caseOnlyClasses(subs.resolve("case-only-classes"));
            Files.write(subs.resolve("extras.zip"), extrasZip());
            extrasFolder(subs.resolve("extras-folder"));
            hostileNames();
            try (Stream<Path> s = Files.list(subs)) {
                entries = (int) s.count();
            }
            result = Corpus.grader("grade", subs.toString(), "--out", out.toString(), "--jobs", "2", "--chapters", "3", "--no-progress");
            rows = Corpus.gradebook(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path reference(Path target) throws IOException {
        return Corpus.submission(target, "reference");
    }

    private static void edit(Path submission, String file, String find, String replace) throws IOException {
        Path f = submission.resolve("src/main/java").resolve(file);
        String text = Files.readString(f);
        assertThat(text).as("the reference %s still contains the text the attack changes", file).contains(find);
        Files.writeString(f, text.replace(find, replace));
    }

    private static String javaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c).replace("\\u000a", "\\n").replace("\\u000d", "\\r"));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Logistic.derivative prints and throws text that forges headings, a diagnosis, links, HTML, terminal escapes and JSON. */
    static void forger(Path s) throws IOException {
        reference(s);
        String forged = javaString(FORGED).replace("\\u000a", "\\n").replace("\\u000d", "\\r");
        edit(s, "backprop/logistic/Logistic.java", "return value(z) * value(-z);",
                "System.out.println(" + forged + ");\n        throw new AssertionError(\"MISTAKE[sign-of-update] \" + " + forged + ");");
    }

    /** Relu gets a method whose expression is nested {@code depth} parentheses deep. */
    static void nested(Path s, int depth) throws IOException {
        reference(s);
        edit(s, "backprop/logistic/Relu.java", "public final class Relu implements Activation {",
                "public final class Relu implements Activation {\n    static int deep() {\n        return " + "(".repeat(depth) + "1"
                        + ")".repeat(depth) + ";\n    }\n");
    }

    /** Relu.java also declares a class whose name (300 characters) no file system stores as a class file. */
    static void longClassName(Path s) throws IOException {
        reference(s);
        Path f = s.resolve("src/main/java/backprop/logistic/Relu.java");
        Files.writeString(f, Files.readString(f) + "\nfinal class Q" + "q".repeat(299) + " {\n}\n");
    }

    /** Relu.java also declares classes Helper and HELPER, whose class files merge where case does not count. */
    static void caseOnlyClasses(Path s) throws IOException {
        reference(s);
        Path f = s.resolve("src/main/java/backprop/logistic/Relu.java");
        Files.writeString(f, Files.readString(f) + "\nfinal class Helper {\n}\n\nfinal class HELPER {\n}\n");
    }

    /** The reference as a zip, with an encrypted entry under docs/, a name that is not UTF-8, an unknown method, 20 000 .git objects, target/ and .idea/. */
    static byte[] extrasZip() throws IOException {
        Path ref = reference(dir.resolve("extras-source"));
        Map<String, byte[]> e = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(ref)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                e.put("exercises/" + ref.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        e.put("exercises/docs/secret.txt", "encrypted notes".getBytes(StandardCharsets.UTF_8));
        e.put("exercises/docs/XX-notes.txt", "a name in Latin-1".getBytes(StandardCharsets.UTF_8));
        e.put("exercises/docs/figure.bz2", "bzip2 data".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20_000; i++) {
            e.put(String.format("exercises/.git/objects/%02x/%038x", i % 256, i), new byte[] {'x', (byte) i});
        }
        e.put("exercises/target/classes/backprop/logistic/Relu.class", new byte[] {(byte) 0xca, (byte) 0xfe});
        e.put("exercises/.idea/workspace.xml", "<project/>".getBytes(StandardCharsets.UTF_8));
        e.put("__MACOSX/exercises/._pom.xml", new byte[] {0, 5, 22, 7});
        byte[] zip = ZipCraft.zip(e);
        ZipCraft.flags(zip, "exercises/docs/secret.txt", 1);
        // flagged as UTF-8 but not UTF-8: the JDK's ZipInputStream throws on it
        ZipCraft.flags(zip, "exercises/docs/XX-notes.txt", 1 << 11);
        ZipCraft.rename(zip, "exercises/docs/XX-notes.txt", "XX", new byte[] {(byte) 0xe9, (byte) 0xff});
        ZipCraft.method(zip, "exercises/docs/figure.bz2", 12);
        return zip;
    }

    /** The reference as a folder with the junk of {@link #junk}. */
    static void extrasFolder(Path s) throws IOException {
        junk(reference(s));
    }

    /** A .git of 20 000 objects, target/ (with a copy of a source), .vscode/, bin/ and out/ in a submission folder. */
    static void junk(Path s) throws IOException {
        for (int i = 0; i < 20_000; i++) {
            Path o = s.resolve(String.format(".git/objects/%02x/%038x", i % 256, i));
            Files.createDirectories(o.getParent());
            Files.write(o, new byte[] {'x'});
        }
        for (String f : List.of("target/classes/backprop/logistic/Relu.class", ".vscode/settings.json", "bin/backprop/logistic/Relu.class",
                "out/production/Relu.class", "target/src/main/java/backprop/logistic/Relu.java")) {
            Path p = s.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "not read");
        }
    }

    /** Names that collide in a decoded, case-folded or file-safe form, or carry markup and control characters. */
    static void hostileNames() throws IOException {
        List<byte[]> names = new ArrayList<>();
        names.add(new byte[] {'A', 'n', 'n', (byte) 0xff});
        names.add(new byte[] {'A', 'n', 'n', (byte) 0xfe});
        for (String n : List.of("alice", "ALICE", "Alice", "a_b", "a b", "a\\b", "a~b", "l".repeat(250), "l".repeat(249) + "L",
                "x\u202Eevil\u001b[2J", "=HYPERLINK(\"http:\u2215\u2215evil\")", "## Score 49 of 49", "<img src=x onerror=alert(1)>",
                "ann_~" + Ids.hash(new byte[] {'A', 'n', 'n', (byte) 0xff}), "alice~" + Ids.hash("ALICE".getBytes(StandardCharsets.UTF_8)),
                "con", "nul.txt", "trailing.")) {
            names.add(n.getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder hex = new StringBuilder();
        for (byte[] n : names) {
            HOSTILE.add(HexFormat.of().formatHex(n));
            hex.append(HexFormat.of().formatHex(n)).append(' ');
        }
        // Java cannot name a file with bytes that do not decode; Python can
        String script = "import os,sys\nd=os.fsencode(sys.argv[1])\nfor i,h in enumerate(sys.argv[2].split()):\n"
                + "    p=os.path.join(d,bytes.fromhex(h))\n    os.mkdir(p) if i%2==0 else open(p,'wb').close()\n"
                + "open(os.path.join(d,b'alice.zip'),'wb').write(b'PK not a zip')\n";
        try {
            Process p = new ProcessBuilder("python3", "-c", script, subs.toString(), hex.toString().trim()).inheritIO().start();
            assertThat(p.waitFor()).as("python3 created the hostile names").isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The feedback (Markdown) of the row whose id is {@code id}, found through its heading. */
    static String feedback(String id) {
        try (Stream<Path> s = Files.list(out.resolve("feedback"))) {
            String heading = "# Feedback for " + Inert.markdown(id) + "\n";
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).toList()) {
                String text = Files.readString(p);
                if (text.startsWith(heading)) {
                    return text;
                }
            }
            throw new AssertionError("no feedback for " + id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
