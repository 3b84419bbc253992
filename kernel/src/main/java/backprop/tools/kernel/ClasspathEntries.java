package backprop.tools.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one class-path entry as a person writes it into existing files.
 * <ul>
 *   <li>a plain path must exist (a directory of classes or a jar);</li>
 *   <li>a glob in the last path element ({@code lib/*.jar}, {@code lib/dl4j-?.jar}) expands to the
 *       matching files, and {@code dir/*} alone means every jar of {@code dir}, as on
 *       {@code java -cp}; a glob that matches nothing is an error.</li>
 * </ul>
 * Relative paths are taken from the working directory.
 */
final class ClasspathEntries {

    private ClasspathEntries() {
    }

    /**
     * @throws IllegalArgumentException with a one-line message naming the entry that does not exist
     */
    static List<Path> resolve(String entry) {
        String trimmed = entry.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty class-path entry");
        }
        Path path = Path.of(trimmed);
        Path fileName = path.getFileName();
        if (fileName != null && isGlob(fileName.toString())) {
            return expandGlob(path, fileName.toString(), trimmed);
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("no such file or directory: " + absolute);
        }
        return List.of(absolute);
    }

    /** Resolves several entries; the first one that does not exist ends it with its message. */
    static List<Path> resolveAll(List<String> entries) {
        List<Path> paths = new ArrayList<>();
        for (String entry : entries) {
            paths.addAll(resolve(entry));
        }
        return paths;
    }

    static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0
                || text.indexOf('[') >= 0 || text.indexOf('{') >= 0;
    }

    private static List<Path> expandGlob(Path path, String pattern, String entry) {
        Path parent = path.getParent() == null ? Path.of("") : path.getParent();
        Path dir = parent.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such directory: " + dir + " (in '" + entry + "')");
        }
        String glob = pattern.equals("*") ? "*.{jar,JAR}" : pattern;
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            files.forEach(matches::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("nothing matches '" + entry + "' in " + dir);
        }
        matches.sort(null);
        return matches;
    }
}
