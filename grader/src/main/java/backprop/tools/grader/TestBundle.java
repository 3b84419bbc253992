package backprop.tools.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The classes of the course's test bundle (visible and hidden tests, their helpers, the
 * probes), by internal name, read from the bundle's index inside the grader. Many share the
 * course packages with the student's classes; the allowlist refuses every reference to them.
 */
final class TestBundle {

    private static volatile Set<String> classes;

    private TestBundle() {
    }

    static Set<String> classes() {
        Set<String> c = classes;
        if (c == null) {
            c = read();
            classes = c;
        }
        return c;
    }

    private static Set<String> read() {
        try (InputStream in = TestBundle.class.getResourceAsStream(CourseBundle.RESOURCE + "index.txt")) {
            if (in == null) {
                return Set.of(); // building the bundle itself: no tests yet
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("tests/") && l.endsWith(".class"))
                    .map(l -> l.substring("tests/".length(), l.length() - ".class".length()))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
