package backprop.testing;

import java.util.Arrays;
import java.util.Objects;
import org.junit.platform.engine.TestExecutionResult;
import org.opentest4j.AssertionFailedError;

/** One line on what went wrong in a test: its display name, then expected and actual, or where it threw. */
public final class Failure {

    /** Long messages are cut to this many characters: the line is a pointer, not the report. */
    static final int MAX = 400;

    private Failure() {
    }

    /** The stub's own "not written yet" exception: not printed per test; "Next:" quotes the first one. */
    public static boolean isStub(Throwable error) {
        return error instanceof UnsupportedOperationException && error.getMessage() != null
                && error.getMessage().matches("(?s)Chapter \\d+, exercise \\d+\\.\\d+: .*");
    }

    /**
     * The failure as the student reads it, printed once while the tests run: the display name,
     * the message, and the course's frames (the student's line and the test's).
     */
    public static String block(String test, java.util.Optional<String> exercise, Throwable error) {
        StringBuilder s = new StringBuilder("\nFAILED ").append(test)
                .append(exercise.map(id -> "   (exercise " + id + ")").orElse("")).append('\n');
        String message = error instanceof AssertionError ? String.valueOf(error.getMessage())
                : error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        message.strip().lines().limit(12).forEach(l -> s.append("    ").append(l).append('\n'));
        StudentFrames.of(error).forEach(frame -> s.append("        at ").append(frame).append('\n'));
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        seen.add(error);
        for (Throwable cause = error.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            s.append("    Caused by: ").append(cause).append('\n');
            StudentFrames.of(cause).forEach(frame -> s.append("        at ").append(frame).append('\n'));
        }
        return s.toString();
    }

    static String describe(String test, TestExecutionResult result) {
        String what = result.getThrowable().map(Failure::detail).orElse(result.getStatus().toString());
        return "\"" + test + "\": " + what;
    }

    public static String detail(Throwable error) {
        String text;
        if (error instanceof AssertionFailedError failed && failed.isExpectedDefined() && failed.isActualDefined()) {
            text = label(failed.getMessage()) + "expected " + failed.getExpected().getStringRepresentation()
                    + " but was " + failed.getActual().getStringRepresentation();
        } else if (error instanceof AssertionError) {
            text = expectedAndActual(oneLine(error.getMessage()));
        } else {
            text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + oneLine(error.getMessage()))
                    + courseFrame(error);
        }
        return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
    }

    /** AssertJ's {@code as(...)} description, "[dE/dw[1]] ", that starts a message, or "". */
    private static String label(String message) {
        if (message != null && message.startsWith("[")) {
            int end = message.indexOf("] ");
            if (end > 0) {
                return message.substring(0, end + 2);
            }
        }
        return "";
    }

    /** " (at Backpropagation.java:42)": the first course frame (the student's line, as a rule). */
    private static String courseFrame(Throwable error) {
        return Arrays.stream(error.getStackTrace())
                .filter(f -> f.getClassName().startsWith("backprop.") && !f.getClassName().startsWith("backprop.testing."))
                .findFirst()
                .map(f -> " (at " + Objects.requireNonNullElse(f.getFileName(), f.getClassName()) + ":" + f.getLineNumber() + ")")
                .orElse("");
    }

    /** AssertJ's "Expecting actual: A to be close to: E by less than D ..." as "expected E (within D) but was A". */
    private static final java.util.regex.Pattern CLOSE_TO = java.util.regex.Pattern.compile(
            "(.*?)Expecting actual: (.+?) to be close to: (.+?) by less than (\\S+?)\\.? but difference was .*");

    public static String expectedAndActual(String message) {
        java.util.regex.Matcher m = CLOSE_TO.matcher(message);
        return m.matches() ? m.group(1) + "expected " + m.group(3) + " (within " + m.group(4) + ") but was " + m.group(2) : message;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s+", " ");
    }
}
