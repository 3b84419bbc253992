package backprop.tools.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns what JShell reports into short errors for people: the message first, then only the
 * frames that matter (course code and the cell's own lines), never JShell's machinery.
 */
final class CellErrors {

    static final String COMPILATION = "CompilationException";
    static final String MAGIC = "MagicError";

    /** Where a snippet came from, to name cell lines in tracebacks. */
    record Origin(String label, int firstLine) {
        String describe(int lineInSnippet) {
            return label + ", line " + (firstLine + lineInSnippet);
        }
    }

    private static final int MAX_FRAMES = 8;
    private static final int MAX_CAUSES = 3;
    private static final String STUB_EXCEPTION = UnsupportedOperationException.class.getName();

    private CellErrors() {
    }

    static CellError compile(List<Diag> errors, String source, Origin origin) {
        List<String> lines = new ArrayList<>();
        String firstMessage = null;
        for (Diag diag : errors) {
            String message = message(diag);
            if (firstMessage == null) {
                firstMessage = message;
            }
            lines.addAll(pointAt(source, diag, origin));
            lines.add("error: " + message);
        }
        if (firstMessage == null) {
            firstMessage = "the code does not compile";
            lines.add(firstMessage);
        }
        return new CellError(COMPILATION, firstMessage, lines);
    }

    static CellError runtime(JShellException exception, JShell shell, Map<String, Origin> origins) {
        if (exception instanceof UnresolvedReferenceException) {
            return unresolved((UnresolvedReferenceException) exception, shell);
        }
        String ename = exception instanceof EvalException
                ? ((EvalException) exception).getExceptionClassName()
                : exception.getClass().getSimpleName();
        String evalue = exception.getMessage() == null ? "" : exception.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(headline(ename, evalue));
        if (STUB_EXCEPTION.equals(ename)) {
            // A stub not written yet: its message says which; one frame says where.
            lines.addAll(frames(exception.getStackTrace(), origins, 1, false));
            return new CellError(ename, evalue, lines);
        }
        lines.addAll(frames(exception.getStackTrace(), origins, MAX_FRAMES, true));
        Throwable cause = exception.getCause();
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            String causeName = cause instanceof EvalException
                    ? ((EvalException) cause).getExceptionClassName()
                    : cause.getClass().getName();
            lines.add("Caused by: " + headline(causeName, cause.getMessage()));
            lines.addAll(frames(cause.getStackTrace(), origins, 1, true));
        }
        return new CellError(ename, evalue, lines);
    }

    static CellError stopped(CellStopper.Reason reason, long timeoutMillis) {
        if (reason == CellStopper.Reason.TIMEOUT) {
            return CellError.of("TimeoutException", "the cell ran longer than " + timeoutMillis
                    + " ms (" + KernelSettings.TIMEOUT_VAR + ") and was stopped");
        }
        return CellError.of("InterruptedException", "the cell was interrupted");
    }

    static CellError magic(String message) {
        return new CellError(MAGIC, message, List.of(message));
    }

    static CellError internal(Throwable problem) {
        return CellError.of(problem.getClass().getName(), "kernel problem: " + problem.getMessage());
    }

    private static CellError unresolved(UnresolvedReferenceException exception, JShell shell) {
        String what = exception.getSnippet().name();
        String missing = shell.unresolvedDependencies(exception.getSnippet())
                .collect(Collectors.joining(", "));
        String evalue = what + " cannot be used until " + missing + " is declared";
        return new CellError("UnresolvedReferenceException", evalue, List.of(headline("UnresolvedReferenceException", evalue)));
    }

    private static String headline(String ename, String message) {
        return message == null || message.isEmpty() ? ename : ename + ": " + message;
    }

    private static List<String> frames(StackTraceElement[] stack, Map<String, Origin> origins, int limit,
                                       boolean countRest) {
        List<String> lines = new ArrayList<>();
        int shown = 0;
        int kept = 0;
        for (StackTraceElement frame : stack) {
            if (isMachinery(frame)) {
                continue;
            }
            kept++;
            if (shown < limit) {
                lines.add("    at " + describe(frame, origins));
                shown++;
            }
        }
        if (countRest && kept > shown) {
            lines.add("    ... " + (kept - shown) + " more");
        }
        return lines;
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("jdk.jshell.") || cls.startsWith("jdk.internal.")
                || cls.startsWith("java.lang.reflect.") || cls.startsWith("sun.reflect.");
    }

    private static String describe(StackTraceElement frame, Map<String, Origin> origins) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            Origin origin = origins.get(file.substring(1));
            String where = origin == null ? "a cell" : origin.describe(Math.max(frame.getLineNumber(), 1) - 1);
            String method = frame.getMethodName();
            boolean topLevel = method.isEmpty() || method.startsWith("do_it$");
            return topLevel ? where : method + " (" + where + ")";
        }
        return frame.toString();
    }

    private static List<String> pointAt(String source, Diag diag, Origin origin) {
        long position = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
        if (position < 0 || position > source.length()) {
            return List.of(origin.label() + ":");
        }
        int offset = (int) position;
        int lineStart = source.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = source.indexOf('\n', offset);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        String where = origin.describe(CellSource.lineOf(source, offset)) + ": ";
        String caret = " ".repeat(where.length() + offset - lineStart) + "^";
        return List.of(where + line, caret);
    }

    /** The compiler's message without its "location:" lines, on one line. */
    private static String message(Diag diag) {
        return diag.getMessage(Locale.ROOT).lines()
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .filter(line -> !line.isEmpty() && !line.startsWith("location:"))
                .collect(Collectors.joining("; "));
    }
}
