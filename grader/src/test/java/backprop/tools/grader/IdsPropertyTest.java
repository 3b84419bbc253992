package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Ids and file names: one row and one set of files per entry of the submissions folder, whatever
 * the names. Properties over generated raw names (bytes, including ones that are not UTF-8, case
 * variants, near-collisions and names made to look like another name's derived form), and the
 * real folder of {@link AttacksB} graded end to end.
 */
class IdsPropertyTest {

    /** Bytes that make collisions likely: case pairs, the characters the safe form replaces, the separator, invalid UTF-8, controls, bidi. */
    private static final byte[] ALPHABET = {'a', 'A', 'b', 'B', 'z', '0', '9', '_', '-', '.', ' ', '~', '\\', '=', '#', '<', '"',
        (byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0xa9, (byte) 0x80, 0x1b, 0x07, 0x0d, (byte) 0xe2, (byte) 0x80, (byte) 0xae};

    @Provide
    Arbitrary<List<Ids.Name>> folders() {
        Arbitrary<byte[]> plain = Arbitraries.of("alice", "bob", "con", "nul.txt", "x.", "a_b", "zip").map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> random = Arbitraries.integers().between(0, ALPHABET.length - 1).list().ofMinSize(1).ofMaxSize(90)
                .map(l -> {
                    byte[] b = new byte[l.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = ALPHABET[l.get(i)];
                    }
                    return b;
                });
        Arbitrary<byte[]> names = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, plain), net.jqwik.api.Tuple.of(4, random));
        Arbitrary<Ids.Name> name = Combinators.combine(names, Arbitraries.of(true, false), Arbitraries.integers().between(0, 3))
                .as((b, zip, suffix) -> new Ids.Name(withSuffix(b, suffix), zip));
        return name.list().ofMinSize(1).ofMaxSize(40).map(IdsPropertyTest::withVariants).map(IdsPropertyTest::distinct);
    }

    private static byte[] withSuffix(byte[] b, int suffix) {
        String s = switch (suffix) {
            case 1 -> ".zip";
            case 2 -> ".ZIP";
            default -> "";
        };
        byte[] r = Arrays.copyOf(b, b.length + s.length());
        System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, r, b.length, s.length());
        return r;
    }

    /** Adds, for some names, their case variants and names spelled like their derived id and file name. */
    private static List<Ids.Name> withVariants(List<Ids.Name> names) {
        List<Ids.Name> all = new ArrayList<>(names);
        Random r = new Random(names.size());
        for (Ids.Name n : names) {
            if (r.nextInt(3) == 0) {
                all.add(new Ids.Name(new String(n.raw(), StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT)
                        .getBytes(StandardCharsets.ISO_8859_1), n.zipFile()));
            }
            if (r.nextInt(3) == 0) {
                String[] assigned = Ids.assign(List.of(n)).get(0);
                all.add(new Ids.Name(assigned[0].getBytes(StandardCharsets.UTF_8), false));
                all.add(new Ids.Name(assigned[1].getBytes(StandardCharsets.UTF_8), !n.zipFile()));
            }
        }
        return all;
    }

    /** A folder cannot hold the same raw name twice. */
    private static List<Ids.Name> distinct(List<Ids.Name> names) {
        Set<String> seen = new HashSet<>();
        return names.stream().filter(n -> seen.add(new String(n.raw(), StandardCharsets.ISO_8859_1))).toList();
    }

    @Property(tries = 2000)
    @Label("every entry gets its own id and its own file name, also where case does not count")
    void distinctIdsAndFiles(@ForAll("folders") List<Ids.Name> folder) {
        List<String[]> ids = Ids.assign(folder);
        assertThat(ids).hasSameSizeAs(folder);
        assertThat(ids.stream().map(a -> a[0]).distinct().count()).as("distinct ids").isEqualTo(folder.size());
        assertThat(ids.stream().map(a -> a[1].toLowerCase(Locale.ROOT)).distinct().count()).as("distinct lower-cased file names")
                .isEqualTo(folder.size());
    }

    @Property(tries = 2000)
    @Label("file names are short, lower case, portable and never hidden; ids show no invisible character")
    void safeForms(@ForAll("folders") List<Ids.Name> folder) {
        for (String[] a : Ids.assign(folder)) {
            assertThat(a[1]).matches("[a-z0-9_][a-z0-9._~-]*").hasSizeLessThanOrEqualTo(80).doesNotEndWith(".")
                    .doesNotMatch("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
            assertThat(a[0].codePoints().noneMatch(Inert::invisible)).as("id %s shows only visible characters", a[0]).isTrue();
            assertThat(a[0].codePointCount(0, a[0].length())).isLessThanOrEqualTo(Ids.MAX_PLAIN + 80);
        }
    }

    @Property(tries = 1000)
    @Label("the names do not depend on the order in which the folder lists its entries")
    void deterministic(@ForAll("folders") List<Ids.Name> folder) {
        List<Ids.Name> shuffled = new ArrayList<>(folder);
        Collections.shuffle(shuffled, new Random(folder.size()));
        List<String[]> a = Ids.assign(folder);
        List<String[]> b = Ids.assign(shuffled);
        for (int i = 0; i < folder.size(); i++) {
            int j = shuffled.indexOf(folder.get(i));
            assertThat(b.get(j)).containsExactly(a.get(i));
        }
    }

    @Property(tries = 500)
    @Label("a plain name is its own id, and its own file name when it is a lower-case portable name")
    void plainNamesStay(@ForAll("folders") List<Ids.Name> folder) {
        List<String[]> ids = Ids.assign(folder);
        for (int i = 0; i < folder.size(); i++) {
            Ids.Name n = folder.get(i);
            String raw = new String(n.raw(), StandardCharsets.ISO_8859_1);
            boolean alone = folder.stream().filter(m -> stem(m).equals(stem(n))).count() == 1;
            if (alone && !n.zipFile() && raw.matches("[a-z0-9_][a-z0-9._-]{0,40}[a-z0-9_-]")
                    && !raw.matches("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?")) {
                assertThat(ids.get(i)).containsExactly(raw, raw);
            }
        }
    }

    private static String stem(Ids.Name n) {
        String s = new String(n.raw(), StandardCharsets.ISO_8859_1);
        return n.zipFile() && s.toLowerCase(Locale.ROOT).endsWith(".zip") && s.length() > 4 ? s.substring(0, s.length() - 4) : s;
    }

    @Test
    @DisplayName("raw names survive the round trip through the file system, undecodable bytes included")
    void rawNames() throws IOException, InterruptedException {
        Path d = Files.createTempDirectory("raw-names");
        Process p = new ProcessBuilder("python3", "-c", "import os,sys; open(os.path.join(os.fsencode(sys.argv[1]), b'Ann\\xff%\\x1b'), 'w').close()",
                d.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        try (Stream<Path> s = Files.list(d)) {
            assertThat(Ids.rawName(s.findFirst().orElseThrow())).containsExactly('A', 'n', 'n', 0xff, '%', 0x1b);
        }
    }

    @Test
    @DisplayName("a real folder of hostile names: exactly one row and one set of files per entry")
    void realFolder() throws IOException {
        AttacksB.run();
        assertThat(AttacksB.rows).as("rows: %s", AttacksB.rows.keySet()).hasSize(AttacksB.entries);
        Set<String> md;
        Set<String> html;
        Set<String> gradescope;
        try (Stream<Path> s = Files.list(AttacksB.out.resolve("feedback"))) {
            List<String> files = s.map(f -> f.getFileName().toString()).toList();
            md = files.stream().filter(f -> f.endsWith(".md")).map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            html = files.stream().filter(f -> f.endsWith(".html")).map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        }
        try (Stream<Path> s = Files.list(AttacksB.out.resolve("gradescope"))) {
            gradescope = s.filter(f -> Files.isRegularFile(f.resolve("results.json"))).map(f -> f.getFileName().toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
        }
        assertThat(md).hasSize(AttacksB.entries);
        assertThat(html).hasSize(AttacksB.entries);
        assertThat(gradescope).hasSize(AttacksB.entries);
        for (String id : AttacksB.rows.keySet()) {
            String shown = id.startsWith("'") ? id.substring(1) : id;
            assertThat(AttacksB.feedback(shown)).as("the feedback of %s names it", shown).isNotEmpty();
        }
        assertThat(AttacksB.rows.keySet()).anyMatch(k -> k.startsWith("Ann\\xFF~")).anyMatch(k -> k.startsWith("Ann\\xFE~"))
                .contains("ALICE", "Alice", "a_b", "a b");
        assertThat(AttacksB.rows.keySet().stream().filter(k -> k.matches("alice~[0-9a-f]{12}"))).as("the folder alice and the file alice.zip")
                .hasSize(2);
    }
}
