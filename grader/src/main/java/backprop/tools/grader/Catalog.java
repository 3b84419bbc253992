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
import java.util.function.Predicate;

/**
 * Every course test (leaf) that exists, recorded at build time by running the tests once
 * against the stubs: the fixed denominator of the score. A submission cannot add tests or
 * change how many invocations a parameterized test has.
 */
public record Catalog(List<Entry> entries) {

    /** Where a test comes from. */
    public enum Kind { VISIBLE, HIDDEN, PROBE }

    /**
     * One leaf test: its kind, exercise id (e.g. {@code 1.3}), method and own unique ids, name,
     * and the weight of its METHOD in the exercise's points (see {@link Weights}), which the
     * method's invocations share.
     */
    public record Entry(Kind kind, String exercise, String methodUid, String uid, String name, double weight) {

        /** A leaf whose method weighs 1, as every test does before the weights are resolved. */
        public Entry(Kind kind, String exercise, String methodUid, String uid, String name) {
            this(kind, exercise, methodUid, uid, name, 1);
        }

        public String line() {
            return Wire.join(kind.name(), exercise, methodUid, uid, name, Double.toString(weight));
        }

        static Entry parse(String line) {
            List<String> f = Wire.split(line);
            double w = f.size() > 5 ? Double.parseDouble(f.get(5)) : 1;
            return new Entry(Kind.valueOf(f.get(0)), f.get(1), f.get(2), f.get(3), f.get(4), w);
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

    /**
     * Writes the catalog of a course bundle, with each scored test's weight resolved from the
     * bundle's {@code tests/course/weights.tsv} (the course's test resources, copied there before
     * the catalog is written). A weight rule that fits no test fails the build.
     */
    public void write(Path file) throws IOException {
        Path weights = file.resolveSibling("tests").resolve(Weights.RESOURCE);
        Catalog c = Files.isRegularFile(weights) ? weighted(Weights.read(weights)) : this;
        StringBuilder b = new StringBuilder("# kind\texercise\tmethod uid\ttest uid\tname\tweight of the method\n");
        for (Entry e : c.entries) {
            b.append(e.line()).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    /** The same tests, each scored test with the weight the rules give its method. */
    public Catalog weighted(Weights weights) {
        Map<String, Double> w = weights.resolve(scored());
        return new Catalog(entries.stream().map(e -> e.kind() == Kind.PROBE ? e
                : new Entry(e.kind(), e.exercise(), e.methodUid(), e.uid(), e.name(), w.get(e.methodUid()))).toList());
    }

    /**
     * An exercise's score: its points times the weight of the tests that passed over the weight
     * of all its tests ({@link #fraction}), but at most half its points while any test that
     * carries weight fails: a unit test fails only on a bug, and one bug must cost most of the
     * exercise however many of its tests still pass. Rounded to 1e-4; 0 when the catalog holds no
     * test of the exercise.
     */
    public double score(String exercise, int points, Predicate<Entry> passed) {
        double f = fraction(exercise, passed);
        boolean clean = scored().stream().filter(e -> e.exercise().equals(exercise) && e.weight() > 0).allMatch(passed);
        return Math.round(1e4 * points * (clean ? f : Math.min(f, MAX_WITH_A_BUG))) / 1e4;
    }

    /** The most of an exercise's points that a submission keeps while a weighted test of it fails. */
    public static final double MAX_WITH_A_BUG = 0.5;

    /**
     * The weight of the exercise's tests that passed over the weight of all of them, where a
     * method's weight is shared equally by its invocations (so adding cases never shifts points).
     */
    public double fraction(String exercise, Predicate<Entry> passed) {
        Map<String, double[]> methods = new LinkedHashMap<>();
        for (Entry e : scored()) {
            if (e.exercise().equals(exercise)) {
                double[] m = methods.computeIfAbsent(e.methodUid(), k -> new double[] {e.weight(), 0, 0});
                m[1]++;
                if (passed.test(e)) {
                    m[2]++;
                }
            }
        }
        double total = 0;
        double earned = 0;
        for (double[] m : methods.values()) {
            total += m[0];
            earned += m[0] * m[2] / m[1];
        }
        return total == 0 ? 0 : earned / total;
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
