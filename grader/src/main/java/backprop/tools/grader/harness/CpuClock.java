package backprop.tools.grader.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time a thread has used, in milliseconds, or -1 where the JVM cannot measure it. A test
 * is judged by the CPU time of its own thread: it does not grow when other processes keep the
 * machine's cores busy, as wall-clock time does.
 */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = enable();

    private CpuClock() {
    }

    private static boolean enable() {
        try {
            if (!THREADS.isThreadCpuTimeSupported()) {
                return false;
            }
            if (!THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** CPU milliseconds of the thread so far; -1 if unknown (not supported, or the thread has ended). */
    static long of(Thread t) {
        if (!SUPPORTED) {
            return -1;
        }
        long nanos = THREADS.getThreadCpuTime(t.getId());
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }
}
