package backprop.tools.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The weight of each test in its exercise's points, from {@code course/weights.tsv} (beside
 * {@code exercises.tsv}; its header documents the format). A rule gives every test METHOD it
 * matches a weight; the invocations of a parameterized or repeated method share it, so neither
 * the number of cases nor a submission changes a weight. An exercise with a rule of its own is a
 * headline exercise: each of its test methods must match a rule. Tests of other exercises weigh
 * 1 each unless a rule for every exercise ({@code *}) matches them.
 */
public record Weights(List<Rule> rules) {

    /** The resource path, inside the test resources, of the weights. */
    public static final String RESOURCE = "course/weights.tsv";

    /** One line: the exercise ({@code *} for all), the weight, the method patterns, its line number. */
    public record Rule(String exercise, double weight, List<Pattern> tests, String text, int line) {

        boolean matches(String exercise, String key) {
            return (this.exercise.equals("*") || this.exercise.equals(exercise)) && tests.stream().anyMatch(p -> p.matcher(key).matches());
        }
    }

    public Weights {
        rules = List.copyOf(rules);
    }

    public static Weights read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses the lines; a malformed line is an error naming it. */
    public static Weights parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String l = lines.get(n - 1);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t");
            if (f.length < 3) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + " has " + f.length
                        + " fields; expected exercise, weight and tests separated by tabs: " + l);
            }
            double w;
            try {
                w = Double.parseDouble(f[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": the weight '" + f[1] + "' is not a number");
            }
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(RESOURCE + " line " + n + ": the weight " + f[1] + " must be finite and at least 0");
            }
            List<Pattern> tests = new ArrayList<>();
            for (String t : f[2].split(",")) {
                if (!t.isBlank()) {
                    tests.add(glob(t.trim()));
                }
            }
            rules.add(new Rule(f[0].trim(), w, tests, f[2].trim(), n));
        }
        return new Weights(rules);
    }

    /** A pattern where {@code *} stands for any characters and everything else for itself. */
    static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }

    /**
     * The stable name of a test method in a rule: the test class's simple name, its nested
     * classes and the method without parameters, e.g. {@code LogisticHiddenTest.Value#limits}.
     */
    public static String key(String methodUid) {
        StringBuilder classes = new StringBuilder();
        String method = "";
        for (String seg : methodUid.split("/")) {
            if (!seg.startsWith("[") || !seg.endsWith("]") || seg.indexOf(':') < 0) {
                continue;
            }
            String type = seg.substring(1, seg.indexOf(':'));
            String value = seg.substring(seg.indexOf(':') + 1, seg.length() - 1);
            switch (type) {
                case "class" -> classes.append(value.substring(value.lastIndexOf('.') + 1));
                case "nested-class" -> classes.append('.').append(value);
                case "method", "test-template", "test-factory" -> method = value.contains("(") ? value.substring(0, value.indexOf('(')) : value;
                default -> {
                }
            }
        }
        return classes + "#" + method;
    }

    /**
     * The weight of every scored test method (by method uid), checked against the tests that
     * exist: a rule that matches no test, a test of a headline exercise that no rule covers, and
     * an exercise whose tests weigh nothing in total are errors, so the build fails on them.
     */
    public Map<String, Double> resolve(List<Catalog.Entry> scored) {
        Set<String> headline = new LinkedHashSet<>();
        rules.stream().filter(r -> !r.exercise().equals("*")).forEach(r -> headline.add(r.exercise()));
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> totals = new LinkedHashMap<>();
        Set<Rule> used = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Catalog.Entry e : scored) {
            if (weights.containsKey(e.methodUid())) {
                continue;
            }
            String key = key(e.methodUid());
            Rule rule = rules.stream().filter(r -> r.matches(e.exercise(), key)).findFirst().orElse(null);
            double w;
            if (rule != null) {
                used.add(rule);
                w = rule.weight();
            } else if (headline.contains(e.exercise())) {
                problems.add("the test " + key + " of exercise " + e.exercise() + " has no weight: add a rule for it to " + RESOURCE);
                w = 0;
            } else {
                w = 1;
            }
            weights.put(e.methodUid(), w);
            totals.merge(e.exercise(), w, Double::sum);
        }
        for (Rule r : rules) {
            if (!used.contains(r)) {
                problems.add(RESOURCE + " line " + r.line() + " (" + r.exercise() + ": " + r.text() + ") gives no test its weight (it matches none, or earlier rules match all it would)");
            }
        }
        totals.forEach((x, t) -> {
            if (t <= 0) {
                problems.add("the tests of exercise " + x + " weigh 0 in total in " + RESOURCE);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the test weights do not fit the tests: " + String.join("; ", problems));
        }
        return weights;
    }
}
