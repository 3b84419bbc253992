package backprop.tools.grader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine;

/**
 * The kit students receive, a course that works on its own: {@code exercises/} (stubs, visible
 * tests, pom.xml and the Maven wrapper), the student edition of the book, the notebooks, the
 * course's Jupyter kernel and the figures jar in {@code lib/}, and one README with the commands. Before the zip is written every
 * file is checked: no solution markers, no hidden test, and no line of any reference solution
 * body (a line that the reference has between its solution markers and the stub does not).
 */
public final class StudentKit {

    private StudentKit() {
    }

    @CommandLine.Command(name = "student-kit", mixinStandardHelpOptions = true,
            description = "Builds the zip students receive: exercises/ with visible tests and the Maven wrapper, the book (student edition), the notebooks, the kernel and the figures jar, and a README.")
    static final class Command implements Callable<Integer> {
        @CommandLine.Option(names = "--course", required = true, description = "the course checkout (the folder with exercises/ and solutions/)")
        Path course;

        @CommandLine.Option(names = "--out", required = true, description = "the zip to write")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(course.resolve("exercises"))) {
                System.err.println("backprop-grader: " + course + " has no exercises/ folder");
                return Main.IO;
            }
            Map<String, byte[]> kit = collect(course);
            List<String> leaks = leaks(course, kit);
            if (!leaks.isEmpty()) {
                System.err.println("backprop-grader: the kit would leak solutions, not written:");
                leaks.forEach(l -> System.err.println("  " + l));
                return Main.BROKEN;
            }
            AtomicFiles.write(out, zip(kit));
            List<String> missing = missing(kit);
            System.err.println("Wrote " + out + " with " + kit.size() + " files"
                    + (missing.isEmpty() ? "" : " (" + String.join("; ", missing) + ")"));
            return Main.OK;
        }
    }

    /** Where the kit keeps the kernel and the figures jar, by the name the kit's README uses. */
    static final String KERNEL_JAR = "lib/backprop-kernel.jar";
    static final String FIGURES_JAR = "lib/backprop-figures-with-xchart.jar";

    /** Files of the kit that must be executable once unzipped. */
    static final Set<String> EXECUTABLE = Set.of("exercises/mvnw");

    /** The kit's files by path inside the zip. */
    public static Map<String, byte[]> collect(Path course) throws IOException {
        Map<String, byte[]> kit = new TreeMap<>();
        Path ex = course.resolve("exercises");
        add(kit, ex.resolve("pom.xml"), "exercises/pom.xml");
        add(kit, ex.resolve("mvnw"), "exercises/mvnw");
        add(kit, ex.resolve("mvnw.cmd"), "exercises/mvnw.cmd");
        addTree(kit, ex.resolve(".mvn"), "exercises/.mvn/");
        addTree(kit, ex.resolve("src/main"), "exercises/src/main/");
        addTree(kit, ex.resolve("src/test"), "exercises/src/test/");
        addTree(kit, course.resolve("docs/target/book/student"), "book/");
        try (Stream<Path> files = Files.list(course.resolve("notebooks"))) {
            for (Path nb : files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList()) {
                add(kit, nb, "notebooks/" + nb.getFileName());
            }
        }
        kit.put("notebooks/README.md", notebooksReadme(course).getBytes(StandardCharsets.UTF_8));
        add(kit, course.resolve("kernel/target/backprop-kernel.jar"), KERNEL_JAR);
        figuresJar(course).ifPresent(jar -> kit.put(FIGURES_JAR, read(jar)));
        kit.keySet().removeIf(k -> k.contains("/.ipynb_checkpoints/") || k.contains("/target/"));
        kit.put("README.md", resource("kit/README.md").getBytes(StandardCharsets.UTF_8));
        return kit;
    }

    /** What the kit lacks because a module was not built first, as a note for the command's output. */
    static List<String> missing(Map<String, byte[]> kit) {
        List<String> missing = new ArrayList<>();
        if (kit.keySet().stream().noneMatch(k -> k.startsWith("book/"))) {
            missing.add("no book: build docs first for the student edition");
        }
        if (!kit.containsKey(KERNEL_JAR)) {
            missing.add("no kernel: build kernel first");
        }
        if (!kit.containsKey(FIGURES_JAR)) {
            missing.add("no figures jar: build figures first");
        }
        return missing;
    }

    /**
     * The kit's notebooks/README.md: what the course's notebooks README says about the notebooks
     * (everything before its first section), then how to run them from the kit. The course's own
     * sections speak of the repository, which the kit does not have.
     */
    static String notebooksReadme(Path course) throws IOException {
        String readme = Files.readString(course.resolve("notebooks/README.md"), StandardCharsets.UTF_8);
        int firstSection = readme.indexOf("\n## ");
        String intro = firstSection < 0 ? readme : readme.substring(0, firstSection + 1);
        return intro.stripTrailing() + "\n" + resource("kit/notebooks-README.md");
    }

    private static Optional<Path> figuresJar(Path course) throws IOException {
        Path target = course.resolve("figures/target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("backprop-figures-.*-with-xchart\\.jar")).sorted().findFirst();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = StudentKit.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the grader jar has no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Everything in the kit that must not be there. */
    public static List<String> leaks(Path course, Map<String, byte[]> kit) throws IOException {
        List<String> leaks = new ArrayList<>();
        Set<String> solutionLines = solutionOnlyLines(course);
        Set<String> solutionClasses = solutionClasses(course);
        for (Map.Entry<String, byte[]> f : kit.entrySet()) {
            String name = f.getKey();
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            if (name.contains("HiddenTest")) {
                leaks.add(name + ": a hidden test");
            }
            if (name.startsWith("solutions/") || name.contains("/solutions/")) {
                leaks.add(name + ": from solutions/");
            }
            if (name.endsWith(".jar")) {
                List<String> entries = jarEntries(f.getValue());
                entries.stream().filter(e -> isCourseClass(e, solutionClasses)).findFirst()
                        .ifPresent(e -> leaks.add(name + ": holds the compiled reference class " + e));
                // the grader's course bundle holds the compiled reference (to grade each exercise
                // with the others right) and the hidden tests: the grader jar is the instructor's only
                entries.stream().filter(e -> e.startsWith(CourseBundle.RESOURCE.substring(1))).findFirst()
                        .ifPresent(e -> leaks.add(name + ": holds the grader's course bundle (" + e + ")"));
                continue;
            }
            if (text.contains("BEGIN SOLUTION") || text.contains("END SOLUTION")) {
                leaks.add(name + ": contains a solution marker");
            }
            if (name.endsWith(".java") || name.endsWith(".ipynb") || name.endsWith(".html") || name.endsWith(".adoc")) {
                for (String line : text.split("\n")) {
                    String t = normalize(line);
                    if (solutionLines.contains(t)) {
                        leaks.add(name + ": contains a line of a reference solution: " + line.trim());
                        break;
                    }
                }
            }
        }
        return leaks;
    }

    /**
     * Lines (normalized) that the reference has inside its solution markers and that no stub has
     * anywhere (a line the given code also has, like a loop header, is no evidence).
     */
    static Set<String> solutionOnlyLines(Path course) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        Path sol = course.resolve("solutions/src/main/java");
        Path stubs = course.resolve("exercises/src/main/java");
        if (!Files.isDirectory(sol)) {
            return lines;
        }
        Set<String> stubLines = new LinkedHashSet<>();
        if (Files.isDirectory(stubs)) {
            try (Stream<Path> walk = Files.walk(stubs)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Files.readAllLines(p, StandardCharsets.UTF_8).forEach(l -> stubLines.add(normalize(l)));
                }
            }
        }
        try (Stream<Path> walk = Files.walk(sol)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                boolean inside = false;
                for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (l.contains("BEGIN SOLUTION")) {
                        inside = true;
                    } else if (l.contains("END SOLUTION")) {
                        inside = false;
                    } else if (inside) {
                        String t = normalize(l);
                        // only distinctive code lines: long enough, not a comment
                        if (t.length() >= 20 && !t.startsWith("//") && !stubLines.contains(t) && !BOILERPLATE.matcher(t).matches()) {
                            lines.add(t);
                        }
                    }
                }
            }
        }
        return lines;
    }

    /**
     * Lines every Java program of this kind has, which tell nothing of a solution: a counting loop
     * over an index, and a new array of numbers; tests and given code write them too.
     */
    private static final java.util.regex.Pattern BOILERPLATE = java.util.regex.Pattern.compile(
            "for \\(int \\w+ = [\\w.()\\[\\] +-]+; \\w+ [<>]=? [\\w.()\\[\\] +-]+; \\w+(\\+\\+|--)\\) \\{"
            + "|(double|int|long)(\\[\\])+ \\w+ = new (double|int|long)(\\[[\\w.()]+\\])+;");

    /** The reference's classes as jar entry names without ".class": {@code backprop/intuition/LinearNeuron}. */
    static Set<String> solutionClasses(Path course) throws IOException {
        Set<String> classes = new LinkedHashSet<>();
        Path sol = course.resolve("solutions/src/main/java");
        if (Files.isDirectory(sol)) {
            try (Stream<Path> walk = Files.walk(sol)) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String rel = sol.relativize(f).toString().replace('\\', '/');
                    classes.add(rel.substring(0, rel.length() - ".java".length()));
                });
            }
        }
        return classes;
    }

    private static boolean isCourseClass(String entry, Set<String> classes) {
        if (!entry.endsWith(".class")) {
            return false;
        }
        String name = entry.substring(0, entry.length() - ".class".length());
        int nested = name.indexOf('$');
        return classes.contains(nested < 0 ? name : name.substring(0, nested));
    }

    private static List<String> jarEntries(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static String normalize(String line) {
        return line.trim().replaceAll("\\s+", " ");
    }

    private static void add(Map<String, byte[]> kit, Path file, String name) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            kit.put(name, Files.readAllBytes(file));
        }
    }

    private static void addTree(Map<String, byte[]> kit, Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                kit.put(prefix + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    /**
     * The zip's bytes, the same for the same files: fixed times, sorted entries, and Unix
     * permissions (rw-r--r--, rwxr-xr-x for {@link #EXECUTABLE}) so that {@code unzip} makes
     * {@code ./mvnw} runnable.
     */
    static byte[] zip(Map<String, byte[]> files) throws IOException {
        Path dir = Files.createTempDirectory("student-kit");
        Path zip = dir.resolve("kit.zip");
        try {
            try (FileSystem fs = FileSystems.newFileSystem(zip,
                    Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
                FileTime time = FileTime.fromMillis(315532800000L);
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    Path entry = fs.getPath(f.getKey());
                    if (entry.getParent() != null) {
                        Files.createDirectories(entry.getParent());
                    }
                    Files.write(entry, f.getValue());
                    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(
                            EXECUTABLE.contains(f.getKey()) ? "rwxr-xr-x" : "rw-r--r--"));
                    Files.setLastModifiedTime(entry, time);
                }
            }
            return Files.readAllBytes(zip);
        } finally {
            Files.deleteIfExists(zip);
            Files.deleteIfExists(dir);
        }
    }
}
