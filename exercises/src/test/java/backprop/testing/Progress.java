package backprop.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one test run found: how many tests ran, which exercises pass (an exercise passes when
 * every one of its tests that ran passed), and the first failure of each exercise.
 * Stored as tab-separated lines between the test JVM and Maven's.
 */
public record Progress(int tests, Map<String, Boolean> passedByExercise, Map<String, String> firstProblem) {

    public Progress {
        passedByExercise = new TreeMap<>(passedByExercise);
        firstProblem = new LinkedHashMap<>(firstProblem);
    }

    public boolean allPassed() {
        return !passedByExercise.containsValue(false);
    }

    public String toTsv() {
        StringBuilder s = new StringBuilder("tests\t").append(tests).append('\n');
        passedByExercise.forEach((tag, passed) -> s.append("exercise\t").append(tag).append('\t').append(passed).append('\n'));
        firstProblem.forEach((tag, problem) -> s.append("problem\t").append(tag).append('\t')
                .append(problem.replaceAll("[\t\r\n]+", " ")).append('\n'));
        return s.toString();
    }

    /** @throws IllegalArgumentException naming a line that is not of the form {@link #toTsv()} writes */
    public static Progress parse(String tsv) {
        int tests = -1;
        Map<String, Boolean> passed = new TreeMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String line : tsv.split("\n")) {
            String[] f = line.split("\t", 3);
            if (f.length == 2 && f[0].equals("tests")) {
                tests = Integer.parseInt(f[1]);
            } else if (f.length == 3 && f[0].equals("exercise")) {
                passed.put(f[1], Boolean.parseBoolean(f[2]));
            } else if (f.length == 3 && f[0].equals("problem")) {
                problems.put(f[1], f[2]);
            } else if (!line.isBlank()) {
                throw new IllegalArgumentException("not a line of a progress file: " + line);
            }
        }
        if (tests < 0) {
            throw new IllegalArgumentException("the progress file has no 'tests' line");
        }
        return new Progress(tests, passed, problems);
    }
}
