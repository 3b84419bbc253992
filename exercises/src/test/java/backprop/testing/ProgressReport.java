package backprop.testing;

import backprop.testing.course.CourseMap;
import backprop.testing.course.CourseMap.Chapter;
import backprop.testing.course.CourseMap.Exercise;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after the tests, how many exercises of each chapter pass, and what to do next.
 * Registered through {@code META-INF/services}, so {@code mvn test} shows it without set-up.
 * An exercise passes when every one of its tests that ran passed.
 */
public class ProgressReport implements TestExecutionListener {

    private final Map<String, Boolean> passedByExercise = new TreeMap<>();
    private final Map<String, String> firstProblem = new LinkedHashMap<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        Set<String> tags = test.getTags().stream().map(TestTag::getName).collect(Collectors.toSet());
        tags.stream().filter(t -> t.startsWith("ex")).findFirst().ifPresent(tag -> {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            passedByExercise.merge(tag, passed, Boolean::logicalAnd);
            if (!passed) {
                firstProblem.putIfAbsent(tag, result.getThrowable()
                        .map(t -> String.valueOf(t.getMessage()).lines().findFirst().orElse(""))
                        .orElse(result.getStatus().toString()));
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (passedByExercise.isEmpty()) {
            return;
        }
        print(CourseMap.load(), System.out);
    }

    void print(CourseMap course, PrintStream out) {
        out.println();
        out.println("Progress (exercises passing)");
        String next = null;
        for (Map.Entry<Chapter, List<Exercise>> e : course.byChapter().entrySet()) {
            List<Exercise> ran = e.getValue().stream().filter(x -> passedByExercise.containsKey(x.tag())).toList();
            if (ran.isEmpty()) {
                continue;
            }
            long passing = ran.stream().filter(x -> passedByExercise.get(x.tag())).count();
            out.printf("  Chapter %d  %-42s %d/%d%n", e.getKey().number(), e.getKey().title(), passing, ran.size());
            if (next == null) {
                next = ran.stream().filter(x -> !passedByExercise.get(x.tag())).findFirst()
                        .map(x -> "Exercise " + x.id() + " (" + x.title() + "): " + firstProblem.get(x.tag()))
                        .orElse(null);
            }
        }
        out.println(next == null ? "All exercises that ran pass." : "Next: " + next);
        out.println();
    }
}
