package backprop.tools.grader.harness;

/**
 * Turns a throwable into plain text while still inside the watched test thread: student code
 * (an overridden {@code getMessage}, {@code getCause} or {@code getStackTrace}) may hang or
 * throw, and the watchdog covers this thread only.
 */
public final class Describe {

    /** The longest message kept. */
    public static final int MAX_MESSAGE = 1500;

    private Describe() {
    }

    public static String throwable(Throwable t) {
        StringBuilder b = new StringBuilder();
        Throwable c = t;
        for (int depth = 0; c != null && depth < 4; depth++) {
            if (depth > 0) {
                b.append("\nCaused by: ");
            }
            b.append(c.getClass().getName());
            String m = message(c);
            if (m != null) {
                b.append(": ").append(cap(m));
            }
            frames(c, b);
            Throwable next;
            try {
                next = c.getCause();
            } catch (ThreadDeath d) {
                throw d;
            } catch (Throwable x) {
                next = null;
            }
            c = next == c ? null : next;
        }
        return b.toString();
    }

    private static String message(Throwable c) {
        try {
            return c.getMessage();
        } catch (ThreadDeath d) {
            throw d;
        } catch (Throwable x) {
            return "(its getMessage() threw " + x.getClass().getName() + ")";
        }
    }

    /** The first frames that lie in student code (course packages, not a test class). */
    private static void frames(Throwable c, StringBuilder b) {
        StackTraceElement[] trace;
        try {
            trace = c.getStackTrace();
        } catch (ThreadDeath d) {
            throw d;
        } catch (Throwable x) {
            return;
        }
        if (trace == null) {
            return;
        }
        int shown = 0;
        for (StackTraceElement e : trace) {
            if (e == null) {
                continue;
            }
            String cls = e.getClassName();
            if (RoutingLoader.inCoursePackage(cls) && !cls.contains("Test")) {
                b.append("\n    at ").append(cls).append('.').append(e.getMethodName())
                        .append('(').append(e.getFileName()).append(':').append(e.getLineNumber()).append(')');
                if (++shown == 3) {
                    break;
                }
            }
        }
    }

    static String cap(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + " [...]";
    }
}
