package backprop.testing;

import backprop.testing.course.CourseMap;
import backprop.testing.course.CourseMap.Chapter;
import backprop.testing.course.CourseMap.Exercise;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the progress table as the last lines of {@code mvn test}, and fails the build when a
 * test failed or none ran. It runs in Maven's own JVM after Surefire (the student's pom runs it
 * with exec:java), from the results {@link ProgressReport} wrote while the tests ran: in that same
 * JVM by default (forkCount 0), in a forked one with {@code -DforkCount=1}.
 */
public final class ProgressTable {

    private ProgressTable() {
    }

    /**
     * {@code args[0]}: the results file; {@code args[1]}, if given: the value of {@code -Dgroups}.
     * Ends the JVM with status 1 when the run is red, so that nothing is printed after the table.
     */
    public static void main(String[] args) throws IOException {
        String groups = args.length > 1 && args[1] != null && !args[1].isBlank() && !args[1].startsWith("${") ? args[1] : null;
        int status = report(Path.of(args[0]), groups, ManagementFactory.getRuntimeMXBean().getStartTime(), System.out);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Prints what the run found; returns 0 when it is green, 1 when not. */
    public static int report(Path file, String groups, long runStartedMillis, PrintStream out) throws IOException {
        if (!Files.isRegularFile(file) || Files.getLastModifiedTime(file).toMillis() < runStartedMillis - 2000) {
            out.println();
            out.println("The tests did not report back: the test JVM stopped before the end of the run"
                    + " (System.exit in a method, or a crash; see the lines above).");
            return 1;
        }
        Progress progress = Progress.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (progress.tests() == 0) {
            out.println();
            out.println(groups == null ? "No test ran." : "No test has the tag " + groups + " (-Dgroups=" + groups
                    + "). A chapter's tag is ch3, an exercise's ex3.1; the tags in use: " + tagsInUse() + ".");
            return 1;
        }
        print(progress, out);
        return progress.allPassed() ? 0 : 1;
    }

    /**
     * The table: one row per chapter that ran, with its title, how many of its exercises that ran
     * pass, and the first of them still to do, by number and title; then the "Next:" line. The
     * columns are as wide as the course's longest entries, so the table keeps its shape whichever
     * chapters ran.
     */
    public static void print(Progress progress, PrintStream out) {
        Map<String, Boolean> passed = progress.passedByExercise();
        Map<Chapter, List<Exercise>> chapters = CourseMap.load().byChapter();
        int numberWidth = chapters.keySet().stream().mapToInt(c -> String.valueOf(c.number()).length()).max().orElse(1);
        int titleWidth = chapters.keySet().stream().mapToInt(c -> c.title().length()).max().orElse(0);
        int countWidth = chapters.values().stream().mapToInt(x -> String.valueOf(x.size()).length()).max().orElse(1);
        String row = "  Chapter %-" + numberWidth + "d  %-" + titleWidth + "s  %" + countWidth + "d/%-" + countWidth + "d  %s%n";
        out.println();
        out.println("Progress (exercises passing)");
        String next = null;
        for (Map.Entry<Chapter, List<Exercise>> e : chapters.entrySet()) {
            List<Exercise> ran = e.getValue().stream().filter(x -> passed.containsKey(x.tag())).toList();
            if (ran.isEmpty()) {
                continue;
            }
            long passing = ran.stream().filter(x -> passed.get(x.tag())).count();
            Exercise todo = ran.stream().filter(x -> !passed.get(x.tag())).findFirst().orElse(null);
            out.printf(row, e.getKey().number(), e.getKey().title(), passing, ran.size(),
                    todo == null ? "all pass" : "next " + todo.id() + " " + todo.title());
            if (next == null && todo != null) {
                next = "exercise " + todo.id() + " (" + todo.title() + "). Its test "
                        + progress.firstProblem().getOrDefault(todo.tag(), "failed");
            }
        }
        out.println(next == null ? "All exercises that ran pass." : "Next: " + next);
    }

    private static String tagsInUse() {
        CourseMap course = CourseMap.load();
        return course.chapters().stream().map(Chapter::tag).collect(Collectors.joining(", "))
                + " and ex" + course.exercises().get(0).id() + " to ex" + course.exercises().get(course.exercises().size() - 1).id();
    }
}
