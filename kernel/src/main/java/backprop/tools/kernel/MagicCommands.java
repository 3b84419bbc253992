package backprop.tools.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The line magics, as in IJava:
 * <ul>
 *   <li>{@code %jars a.jar lib/*.jar} adds jars (globs allowed) to the class path;</li>
 *   <li>{@code %classpath dir lib/x.jar} adds class directories or jars; alone, prints the class
 *       path added so far;</li>
 *   <li>{@code %load file.jshell} runs the file's code as if it were typed in the cell.</li>
 * </ul>
 * A problem is returned as a one-line error naming the magic and what is wrong.
 */
final class MagicCommands {

    /** What the magics act on. */
    interface Target {
        void addToClasspath(Path entry);

        List<Path> addedClasspath();

        /** Runs code read from a file; returns its error or null. */
        CellError runLoadedCode(String code, String label);
    }

    static final List<String> NAMES = List.of("classpath", "jars", "load");

    private final Target target;

    MagicCommands(Target target) {
        this.target = target;
    }

    /** Runs one magic line; returns null on success, or the error. */
    CellError run(String line) {
        if (MagicLine.isCellMagic(line)) {
            String name = line.strip().substring(2).split("\\s+", 2)[0];
            return CellErrors.magic("%%" + name + ": cell magics are not supported (line magics: " + known() + ")");
        }
        MagicLine magic;
        try {
            magic = MagicLine.parse(line);
        } catch (IllegalArgumentException e) {
            return CellErrors.magic(e.getMessage());
        }
        try {
            switch (magic.name()) {
                case "jars":
                    return jars(magic.args());
                case "classpath":
                    return classpath(magic.args());
                case "load":
                    return load(magic.args());
                default:
                    return CellErrors.magic("%" + magic.name() + ": unknown line magic (known: " + known() + ")");
            }
        } catch (IllegalArgumentException e) {
            return CellErrors.magic("%" + magic.name() + ": " + e.getMessage());
        }
    }

    private CellError jars(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("give one or more jar files or globs, e.g. %jars lib/*.jar");
        }
        for (String arg : args) {
            for (Path path : ClasspathEntries.resolve(arg)) {
                if (!Files.isRegularFile(path) || !isJar(path)) {
                    throw new IllegalArgumentException("not a jar file: " + path);
                }
                target.addToClasspath(path);
            }
        }
        return null;
    }

    private CellError classpath(List<String> args) {
        if (args.isEmpty()) {
            target.addedClasspath().forEach(System.out::println);
            return null;
        }
        for (String arg : args) {
            for (Path path : ClasspathEntries.resolve(arg)) {
                target.addToClasspath(path);
            }
        }
        return null;
    }

    private CellError load(List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("give exactly one file of JShell code, e.g. %load setup.jshell");
        }
        Path file = Path.of(args.get(0)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String code;
        try {
            code = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        return target.runLoadedCode(code, file.getFileName().toString());
    }

    private static boolean isJar(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    private static String known() {
        return "%" + String.join(", %", NAMES);
    }
}
