package backprop.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
 * ({@link StudentFrames}); the stubs' "not written yet" exceptions are not repeated: the table's "Next:" line quotes the
 * first one. Registered through {@code META-INF/services}, so every run has it without set-up.
 *
 * <p>Under the student's pom the results go to the file named by {@value #FILE_PROPERTY}, and
 * {@link ProgressTable} prints the table from Maven's JVM after Surefire has finished, so that
 * the table is the run's last lines. Elsewhere (an IDE) the table is printed when the tests end.
 *
 * <p>The student's pom runs the tests inside Maven's own JVM, where a {@code System.exit} in the
 * code under test ends Maven as well, table and all. While the tests run, a shutdown hook stands
 * by to say so: if the JVM ends during a test, it prints one sentence that names the test and
 * where {@code System.exit} was called ({@link #exitNotice}).
 */
public class ProgressReport implements TestExecutionListener {

    /** The system property that names the results file. */
    public static final String FILE_PROPERTY = "backprop.progress.file";

    private final Map<String, Boolean> passedByExercise = new TreeMap<>();
    private final Map<String, String> firstProblem = new LinkedHashMap<>();
    private TestPlan plan;
    private int tests;
    /** The test under way, for the shutdown hook; null between tests. */
    private volatile TestIdentifier running;
    private Thread exitHook;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        exitHook = new Thread(this::onExit, "backprop-exit-notice");
        try {
            Runtime.getRuntime().addShutdownHook(exitHook);
        } catch (IllegalStateException | SecurityException alreadyEnding) {
            exitHook = null;
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            running = test;
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.equals(running)) {
            running = null;
        }
        Optional<String> exercise = exerciseTag(test);
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
        if (exitHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitHook);
            } catch (IllegalStateException alreadyEnding) {
                // the JVM is ending after the last test: the hook has no test to name
            }
            exitHook = null;
        }
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

    /**
     * The shutdown hook. In Maven's JVM it writes straight to the process's standard output, past
     * Surefire's capture of System.out, which no longer reaches the console once the JVM is
     * ending; in a JVM Surefire forked (-DforkCount=1), whose standard output is Surefire's own
     * channel, it goes through System.out.
     */
    private void onExit() {
        TestIdentifier test = running;
        if (test == null) {
            return;
        }
        boolean forked = System.getProperty("sun.java.command", "").contains("surefirebooter");
        PrintStream out = forked ? System.out : new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println();
        out.println(exitNotice(displayPath(test), exerciseTag(test).map(t -> t.substring(2)), Thread.getAllStackTraces()));
        out.flush();
    }

    /**
     * The sentence the shutdown hook prints when the JVM ends while {@code test} runs. The threads'
     * stacks tell who ended it: the frame that called {@code System.exit} (or {@code Runtime.exit}),
     * or the JVM's signal handler (Ctrl-C, a kill).
     */
    public static String exitNotice(String test, Optional<String> exercise, Map<Thread, StackTraceElement[]> stacks) {
        String where = "\"" + test + "\"" + exercise.map(id -> " (exercise " + id + ")").orElse("");
        Optional<StackTraceElement> caller = exitCaller(stacks);
        if (caller.isPresent() && caller.get().getClassName().startsWith("java.lang.Terminator")) {
            return "The run was interrupted (Ctrl-C or a signal) during the test " + where + ", so it ends without the progress table.";
        }
        return "The run stopped during the test " + where + ": the code under test called System.exit"
                + caller.map(f -> " at " + f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")").orElse("")
                + ", which ends Maven and the whole run, so no progress table follows; return a value or throw an exception instead.";
    }

    /** The frame that ended the JVM (Shutdown.exit's caller, past Runtime.exit and System.exit), on any thread. */
    private static Optional<StackTraceElement> exitCaller(Map<Thread, StackTraceElement[]> stacks) {
        for (StackTraceElement[] frames : stacks.values()) {
            for (int i = 0; i < frames.length; i++) {
                if (frames[i].getClassName().equals("java.lang.Shutdown") && frames[i].getMethodName().equals("exit")) {
                    int caller = i + 1;
                    while (caller < frames.length && (frames[caller].getClassName().equals("java.lang.Runtime")
                            || frames[caller].getClassName().equals("java.lang.System"))) {
                        caller++;
                    }
                    if (caller < frames.length) {
                        return Optional.of(frames[caller]);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The test's exercise tag, "ex3.1". */
    private static Optional<String> exerciseTag(TestIdentifier test) {
        return test.getTags().stream().map(TestTag::getName).filter(t -> t.startsWith("ex")).findFirst();
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
