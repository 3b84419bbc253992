package backprop.tools.mutation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarizes PIT's {@code mutations.xml} per chapter (one package per chapter) and overall, and
 * fails when a chapter scores below the threshold.
 *
 * <p>Usage: {@code MutationScores MUTATIONS_XML THRESHOLD_PERCENT [REPORT_MD]}.
 */
public final class MutationScores {

    /** PIT statuses that count as a detected mutant. */
    private static final Set<String> DETECTED = Set.of("KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR");
    /** PIT statuses that count as a mutant the tests let through. */
    private static final Set<String> UNDETECTED = Set.of("SURVIVED", "NO_COVERAGE");
    private static final Pattern MUTATION = Pattern.compile(
            "<mutation [^>]*status='([A-Z_]+)'[^>]*>.*?<mutatedClass>([^<]+)</mutatedClass>", Pattern.DOTALL);

    private MutationScores() {
    }

    /** Detected and total mutants of one package. */
    record Score(int detected, int total) {

        double percent() {
            return total == 0 ? 100.0 : 100.0 * detected / total;
        }

        Score plus(Score other) {
            return new Score(detected + other.detected, total + other.total);
        }
    }

    /** Scores by package, read from PIT's XML report. */
    static Map<String, Score> scores(String xml) {
        Map<String, Score> byPackage = new TreeMap<>();
        Matcher m = MUTATION.matcher(xml);
        while (m.find()) {
            String status = m.group(1);
            if (!DETECTED.contains(status) && !UNDETECTED.contains(status)) {
                continue; // NON_VIABLE and the like are not mutants the tests could see
            }
            String cls = m.group(2);
            String pkg = cls.substring(0, cls.lastIndexOf('.'));
            byPackage.merge(pkg, new Score(DETECTED.contains(status) ? 1 : 0, 1), Score::plus);
        }
        return byPackage;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MutationScores MUTATIONS_XML THRESHOLD_PERCENT [REPORT_MD]");
            System.exit(2);
        }
        Path xml = Path.of(args[0]);
        if (!Files.isRegularFile(xml)) {
            System.err.println("no PIT report at " + xml + "; run the mutation profile first");
            System.exit(2);
        }
        double threshold = Double.parseDouble(args[1]);
        Map<String, Score> scores = scores(Files.readString(xml));
        List<String> lines = new ArrayList<>();
        lines.add("| package | mutants | detected | score |");
        lines.add("|---|---:|---:|---:|");
        Score all = new Score(0, 0);
        List<String> low = new ArrayList<>();
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            Score s = e.getValue();
            all = all.plus(s);
            lines.add(String.format("| %s | %d | %d | %.1f%% |", e.getKey(), s.total(), s.detected(), s.percent()));
            if (s.percent() < threshold) {
                low.add(e.getKey());
            }
        }
        lines.add(String.format("| all | %d | %d | %.1f%% |", all.total(), all.detected(), all.percent()));
        lines.forEach(System.out::println);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), String.join("\n", lines) + "\n");
        }
        if (!low.isEmpty()) {
            System.err.println("mutation score below " + threshold + "% in " + low);
            System.exit(1);
        }
    }
}
