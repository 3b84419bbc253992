package backprop.tools.grader;

import backprop.tools.grader.harness.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every course test (leaf) that exists, recorded at build time by running the tests once
 * against the stubs: the fixed denominator of the score. A submission cannot add tests or
 * change how many invocations a parameterized test has.
 */
public record Catalog(List<Entry> entries) {

    /** Where a test comes from. */
    public enum Kind { VISIBLE, HIDDEN, PROBE }

    /** One leaf test: its kind, exercise id (e.g. {@code 1.3}), method and own unique ids, name. */
    public record Entry(Kind kind, String exercise, String methodUid, String uid, String name) {
        public String line() {
            return Wire.join(kind.name(), exercise, methodUid, uid, name);
        }

        static Entry parse(String line) {
            List<String> f = Wire.split(line);
            return new Entry(Kind.valueOf(f.get(0)), f.get(1), f.get(2), f.get(3), f.get(4));
        }

        /** The test's name without the class's display name, for feedback. */
        public String shortName() {
            int gt = name.indexOf(" > ");
            return gt < 0 ? name : name.substring(gt + 3);
        }
    }

    public Catalog {
        entries = List.copyOf(entries);
    }

    public static Catalog read(Path file) throws IOException {
        List<Entry> list = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!l.isBlank() && !l.startsWith("#")) {
                list.add(Entry.parse(l));
            }
        }
        return new Catalog(list);
    }

    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder("# kind\texercise\tmethod uid\ttest uid\tname\n");
        for (Entry e : entries) {
            b.append(e.line()).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** The scored tests (visible and hidden). */
    public List<Entry> scored() {
        return entries.stream().filter(e -> e.kind() != Kind.PROBE).toList();
    }

    /** The probes. */
    public List<Entry> probes() {
        return entries.stream().filter(e -> e.kind() == Kind.PROBE).toList();
    }

    /** The distinct test methods, in catalog order, each with its exercise. */
    public Map<String, String> methods(Kind... kinds) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            for (Kind k : kinds) {
                if (e.kind() == k) {
                    m.putIfAbsent(e.methodUid(), e.exercise());
                }
            }
        }
        return m;
    }

    /** The method a leaf belongs to: its unique id cut after the method (or template/factory) segment. */
    public static String methodOf(String uid) {
        String[] markers = {"/[method:", "/[test-template:", "/[test-factory:"};
        for (String m : markers) {
            int i = uid.indexOf(m);
            if (i >= 0) {
                int end = uid.indexOf("]/", i);
                return end < 0 ? uid : uid.substring(0, end + 1);
            }
        }
        return uid;
    }
}
