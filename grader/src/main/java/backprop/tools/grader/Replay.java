package backprop.tools.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The results of test methods that already ran on the same code, for one grading run (one
 * course bundle, one set of limits). A test method's outcome is decided by the classes it loads:
 * the course's test classes and reference bodies (the same for every submission of the run) and
 * those of the submission's classes the method asked its loader for. The harness reports the
 * latter after each method ({@code LOADED}); when another submission's classes of those names
 * are byte for byte the same (and the names that were missing are missing again), the method
 * would run the same code on the same input, so its reported lines are replayed instead of run.
 *
 * <p>Only a method that ended normally is kept: no timeout, no crash, no result missing, nothing
 * left behind in the JVM, and no line that names the submission's own folder. A first run
 * (never a second chance after a timeout) is the only source. Identical code therefore gets an
 * identical result, which is also what fairness asks for; {@code grade --no-reuse} runs every
 * method anyway.
 */
final class Replay {

    /** Stands for "this class was asked for and the submission has none". */
    static final String ABSENT = "-";

    /** What one method needed and what it reported. */
    private record Entry(Map<String, String> needs, List<List<String>> lines) {
    }

    private final Map<String, List<Entry>> entries = new ConcurrentHashMap<>();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong ran = new AtomicLong();

    /** The SHA-256 of each class file under {@code classes}, by binary class name. */
    static Map<String, String> fingerprints(Path classes) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String rel = classes.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                out.put(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'), sha256(Files.readAllBytes(f)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The lines a method reported on code that is the same as this submission's, if one ran before. */
    Optional<List<List<String>>> find(String method, Map<String, String> fingerprints) {
        for (Entry e : entries.getOrDefault(method, List.of())) {
            if (e.needs.entrySet().stream().allMatch(n -> n.getValue().equals(fingerprints.getOrDefault(n.getKey(), ABSENT)))) {
                return Optional.of(e.lines);
            }
        }
        return Optional.empty();
    }

    /** Keeps what a method reported, given the names of the submission's classes it asked for. */
    void keep(String method, Set<String> asked, Map<String, String> fingerprints, List<List<String>> lines) {
        Map<String, String> needs = new TreeMap<>();
        asked.forEach(name -> needs.put(name, fingerprints.getOrDefault(name, ABSENT)));
        List<Entry> list = entries.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>());
        if (list.stream().noneMatch(e -> e.needs.equals(needs))) {
            list.add(new Entry(Map.copyOf(needs), List.copyOf(lines)));
        }
    }

    /** Counts methods whose lines were read back. */
    void replayed(long methods) {
        replayed.addAndGet(methods);
    }

    /** Counts methods that a child JVM ran. */
    void ran(long methods) {
        ran.addAndGet(methods);
    }

    /** How many method runs were replayed, and how many ran, so far. */
    long[] counts() {
        return new long[] {replayed.get(), ran.get()};
    }
}
