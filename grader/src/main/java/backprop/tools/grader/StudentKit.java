package backprop.tools.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine;

/**
 * The kit students receive: {@code exercises/} (stubs, visible tests, pom.xml), the student
 * edition of the book if it has been built, and the notebooks. Before the zip is written every
 * file is checked: no solution markers, no hidden test, and no line of any reference solution
 * body (a line that the reference has between its solution markers and the stub does not).
 */
public final class StudentKit {

    private StudentKit() {
    }

    @CommandLine.Command(name = "student-kit", mixinStandardHelpOptions = true,
            description = "Builds the zip students receive: exercises/ with visible tests, the book (student edition) and the notebooks.")
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
            System.err.println("Wrote " + out + " with " + kit.size() + " files"
                    + (kit.keySet().stream().anyMatch(k -> k.startsWith("book/")) ? "" : " (no book: build docs first for the student edition)"));
            return Main.OK;
        }
    }

    /** The kit's files by path inside the zip. */
    public static Map<String, byte[]> collect(Path course) throws IOException {
        Map<String, byte[]> kit = new TreeMap<>();
        Path ex = course.resolve("exercises");
        add(kit, ex.resolve("pom.xml"), "exercises/pom.xml");
        addTree(kit, ex.resolve("src/main"), "exercises/src/main/");
        addTree(kit, ex.resolve("src/test"), "exercises/src/test/");
        addTree(kit, course.resolve("docs/target/book/student"), "book/");
        addTree(kit, course.resolve("notebooks"), "notebooks/");
        kit.keySet().removeIf(k -> k.contains("/.ipynb_checkpoints/") || k.contains("/target/"));
        kit.put("README.txt", ("Backpropagation in Java: the student kit.\n\nexercises/  your project: cd exercises && mvn test\n"
                + "book/       the book (student edition), if included\nnotebooks/  the chapters' notebooks\n").getBytes(StandardCharsets.UTF_8));
        return kit;
    }

    /** Everything in the kit that must not be there. */
    public static List<String> leaks(Path course, Map<String, byte[]> kit) throws IOException {
        List<String> leaks = new ArrayList<>();
        Set<String> solutionLines = solutionOnlyLines(course);
        for (Map.Entry<String, byte[]> f : kit.entrySet()) {
            String name = f.getKey();
            String text = new String(f.getValue(), StandardCharsets.UTF_8);
            if (name.contains("HiddenTest")) {
                leaks.add(name + ": a hidden test");
            }
            if (name.startsWith("solutions/") || name.contains("/solutions/")) {
                leaks.add(name + ": from solutions/");
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
                        if (t.length() >= 20 && !t.startsWith("//") && !stubLines.contains(t)) {
                            lines.add(t);
                        }
                    }
                }
            }
        }
        return lines;
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

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(315532800000L); // fixed time: the same course gives the same zip
                z.putNextEntry(e);
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
