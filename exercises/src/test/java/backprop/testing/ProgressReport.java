package backprop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects, while the tests run, which exercises pass and the first failure of each, and prints
 * every wrong value or exception once, with the test's display name and the course's frames
 * ({@link StudentFrames}); the stubs' "not written yet" exceptions are left to Surefire's recap. Registered through {@code META-INF/services}, so every run has it without set-up.
 *
 * <p>Under the student's pom the results go to the file named by {@value #FILE_PROPERTY}, and
 * {@link ProgressTable} prints the table from Maven's JVM after Surefire has finished, so that
 * the table is the run's last lines. Elsewhere (an IDE) the table is printed when the tests end.
 */
public class ProgressReport implements TestExecutionListener {

    /** The system property that names the results file. */
    public static final String FILE_PROPERTY = "backprop.progress.file";

    private final Map<String, Boolean> passedByExercise = new TreeMap<>();
    private final Map<String, String> firstProblem = new LinkedHashMap<>();
    private TestPlan plan;
    private int tests;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<String> exercise = test.getTags().stream().map(TestTag::getName).filter(t -> t.startsWith("ex")).findFirst();
        result.getThrowable().filter(e -> !Failure.isStub(e)).ifPresent(e ->
                System.out.print(Failure.block(displayPath(test), exercise.map(t -> t.substring(2)), e)));
        if (!test.isTest()) {
            return;
        }
        tests++;
        exercise.ifPresent(tag -> {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            passedByExercise.merge(tag, passed, Boolean::logicalAnd);
            if (!passed) {
                firstProblem.putIfAbsent(tag, Failure.describe(displayPath(test), result));
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Progress progress = new Progress(tests, passedByExercise, firstProblem);
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            if (tests > 0) {
                ProgressTable.print(progress, System.out);
            }
        } else {
            write(progress, Path.of(file));
        }
    }

    /** "The logistic function > value > [1] z = 800": the test's display name under its containers. */
    private String displayPath(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        for (Optional<TestIdentifier> at = Optional.of(test); at.isPresent();
                at = plan == null ? Optional.empty() : plan.getParent(at.get())) {
            if (at.get().getParentId().isPresent()) { // the engine itself is not named
                names.add(at.get().getDisplayName());
            }
        }
        Collections.reverse(names);
        return String.join(" > ", names);
    }

    private static void write(Progress progress, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, progress.toTsv(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the progress file " + file, e);
        }
    }
}
