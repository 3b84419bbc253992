package backprop.tools.stubgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the reference sources into student stubs.
 *
 * <ul>
 *   <li>Lines from {@code // BEGIN SOLUTION} to {@code // END SOLUTION} are dropped.</li>
 *   <li>A line {@code // STUB: code} becomes {@code code} at the same indentation.</li>
 *   <li>Every other line is kept, so given code stays whole.</li>
 * </ul>
 *
 * <p>Usage: {@code StubGenerator --write|--check ROOT}, where ROOT holds {@code solutions/} and
 * {@code exercises/}. {@code --check} exits with status 1 and lists the stale files.
 */
public final class StubGenerator {

    static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern BEGIN = Pattern.compile("^\\s*// BEGIN SOLUTION\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern STUB = Pattern.compile("^(\\s*)// STUB: (.*)$");

    private StubGenerator() {
    }

    /**
     * The stub text for one reference source.
     *
     * @param fileName used in error messages only
     * @throws IllegalArgumentException naming the file and line of an unbalanced marker
     */
    public static String stub(String fileName, String source) {
        StringBuilder out = new StringBuilder();
        String[] lines = source.split("\n", -1);
        int openedAt = 0;
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1];
            if (BEGIN.matcher(line).matches()) {
                if (openedAt != 0) {
                    throw marker(fileName, n, "BEGIN SOLUTION inside the region opened at line " + openedAt);
                }
                openedAt = n;
                continue;
            }
            if (END.matcher(line).matches()) {
                if (openedAt == 0) {
                    throw marker(fileName, n, "END SOLUTION without a BEGIN SOLUTION");
                }
                openedAt = 0;
                continue;
            }
            if (openedAt != 0) {
                continue;
            }
            Matcher stub = STUB.matcher(line);
            out.append(stub.matches() ? stub.group(1) + stub.group(2) : line);
            if (n < lines.length) {
                out.append('\n');
            }
        }
        if (openedAt != 0) {
            throw marker(fileName, openedAt, "BEGIN SOLUTION is never closed by END SOLUTION");
        }
        return out.toString();
    }

    /** The expected content of every stub file, by path relative to {@code src/main/java}. */
    public static Map<Path, String> generate(Path solutionsSources) {
        Map<Path, String> stubs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(solutionsSources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = solutionsSources.relativize(file);
                stubs.put(relative, stub(relative.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stubs;
    }

    /**
     * The differences between what the generator makes and what {@code exercisesSources} holds.
     *
     * @return one line per stale, missing or extra file; empty when the two agree
     */
    public static List<String> drift(Path solutionsSources, Path exercisesSources) {
        Map<Path, String> expected = generate(solutionsSources);
        List<String> problems = new ArrayList<>();
        TreeSet<Path> actual = new TreeSet<>();
        if (Files.isDirectory(exercisesSources)) {
            try (Stream<Path> files = Files.walk(exercisesSources)) {
                files.filter(Files::isRegularFile).map(exercisesSources::relativize).forEach(actual::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Path file = exercisesSources.resolve(e.getKey());
            if (!actual.contains(e.getKey())) {
                problems.add("missing stub: " + file);
            } else if (!read(file).equals(e.getValue())) {
                problems.add("stale stub (differs from the generated one): " + file);
            }
        }
        for (Path extra : actual) {
            if (!expected.containsKey(extra)) {
                problems.add("extra file with no reference source: " + exercisesSources.resolve(extra));
            }
        }
        return problems;
    }

    /** Writes every stub and deletes stub files that no longer have a reference source. */
    public static int write(Path solutionsSources, Path exercisesSources) throws IOException {
        Map<Path, String> expected = generate(solutionsSources);
        int written = 0;
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            Path file = exercisesSources.resolve(e.getKey());
            if (!Files.exists(file) || !read(file).equals(e.getValue())) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                written++;
            }
        }
        if (Files.isDirectory(exercisesSources)) {
            try (Stream<Path> files = Files.walk(exercisesSources)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (!expected.containsKey(exercisesSources.relativize(f))) {
                        Files.delete(f);
                        written++;
                    }
                }
            }
        }
        return written;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !(args[0].equals("--write") || args[0].equals("--check"))) {
            System.err.println("usage: StubGenerator --write|--check ROOT");
            System.exit(2);
        }
        Path root = Path.of(args[1]);
        Path solutions = root.resolve("solutions").resolve(SOURCES);
        Path exercises = root.resolve("exercises").resolve(SOURCES);
        if (args[0].equals("--write")) {
            int changed = write(solutions, exercises);
            System.out.println("stubs: " + changed + " file(s) written or removed under " + exercises);
            return;
        }
        List<String> problems = drift(solutions, exercises);
        problems.forEach(System.err::println);
        if (!problems.isEmpty()) {
            System.err.println("Regenerate with: ./mvnw -q -pl tools compile exec:java");
            System.exit(1);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException marker(String fileName, int line, String problem) {
        return new IllegalArgumentException(fileName + ":" + line + ": " + problem);
    }
}
