package backprop.tools.grader.harness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;

/**
 * What one test method could leave behind in the JVM that the next test would see: the default
 * locales and time zone, the system properties, and threads. The allowlist refuses every way it
 * knows to change them; this is the second line: taken before each method, compared and put
 * back after it.
 */
final class Residue {

    private Residue() {
    }

    static Snapshot snapshot() {
        return new Snapshot(Locale.getDefault(), Locale.getDefault(Locale.Category.DISPLAY),
                Locale.getDefault(Locale.Category.FORMAT), TimeZone.getDefault(), copy(System.getProperties()),
                new HashSet<>(Thread.getAllStackTraces().keySet()));
    }

    private static Properties copy(Properties p) {
        Properties c = new Properties();
        c.putAll(p);
        return c;
    }

    /** The JVM-wide state before a method ran. */
    record Snapshot(Locale locale, Locale display, Locale format, TimeZone zone, Properties properties, Set<Thread> threads) {

        /** Puts back what changed; returns what that was (empty if nothing). */
        List<String> restore() {
            List<String> changed = new ArrayList<>();
            if (!Locale.getDefault().equals(locale) || !Locale.getDefault(Locale.Category.DISPLAY).equals(display)
                    || !Locale.getDefault(Locale.Category.FORMAT).equals(format)) {
                Locale.setDefault(locale);
                Locale.setDefault(Locale.Category.DISPLAY, display);
                Locale.setDefault(Locale.Category.FORMAT, format);
                changed.add("the default locale");
            }
            if (!TimeZone.getDefault().equals(zone)) {
                TimeZone.setDefault(zone);
                changed.add("the default time zone");
            }
            if (!System.getProperties().equals(properties)) {
                System.setProperties(copy(properties));
                changed.add("system properties");
            }
            return changed;
        }

        /**
         * Whether a thread that was not there before is still alive, started from test code (it
         * inherited a test loader as its context loader); the JVM's own threads do not count.
         */
        boolean threadsLeft(Thread worker) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t != worker && t.isAlive() && !threads.contains(t) && t.getContextClassLoader() instanceof RoutingLoader) {
                    return true;
                }
            }
            return false;
        }
    }
}
