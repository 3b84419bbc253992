package backprop.tools.grader.build;

import backprop.tools.grader.Catalog;
import backprop.tools.grader.JavaCompile;
import backprop.tools.grader.JavaCompile.Source;
import backprop.tools.grader.harness.Isolation;
import backprop.tools.grader.harness.RoutingLoader;
import backprop.tools.grader.harness.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Build step (process-classes): compiles the course's visible and hidden tests and the grader's
 * probes against the stubs, and writes the bundle the grader ships:
 * <pre>
 *   grader-course/tests/...      test and probe classes (never the stubs, never the reference)
 *   grader-course/stubs/...      the stub sources, used in place of a file that does not compile
 *   grader-course/catalog.tsv    every test, found by running them all once against the stubs
 *   grader-course/reference/...  the compiled reference and exercise-methods.tsv, the exercise
 *                                methods found in the stubs: the child JVM grades each exercise
 *                                with the reference's bodies of the others (Isolation); the
 *                                grader jar is the instructor's and never part of the student kit
 *   grader-course/bundle.properties, index.txt
 * </pre>
 * A chapter whose tests do not compile yet (another engineer is writing it) is left out with a
 * warning and listed in bundle.properties.
 */
public final class BuildCourse {

    private BuildCourse() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path probes = Path.of(args[1]);
        Path out = Path.of(args[2]);
        build(root, probes, out);
    }

    public static void build(Path root, Path probesDir, Path out) throws Exception {
        List<Source> stubs = read(root.resolve("exercises/src/main/java"));
        List<Source> tests = new ArrayList<>(read(root.resolve("exercises/src/test/java")));
        tests.addAll(read(root.resolve("solutions/src/test/java")));
        tests.addAll(read(probesDir));
        List<Path> classPath = ClassPaths.testApi();
        Set<String> dropped = new TreeSet<>();
        JavaCompile.Output compiled;
        while (true) {
            List<Source> all = new ArrayList<>(stubs);
            tests.stream().filter(t -> !dropped.contains(chapterOf(t.path()))).forEach(all::add);
            compiled = JavaCompile.compile(all, classPath);
            if (compiled.ok()) {
                break;
            }
            Set<String> bad = new LinkedHashSet<>();
            for (JavaCompile.Problem p : compiled.errors()) {
                String chapter = chapterOf(p.path());
                boolean isTest = tests.stream().anyMatch(t -> t.path().equals(p.path()));
                if (!isTest || chapter.isEmpty() || dropped.contains(chapter)) {
                    throw new IllegalStateException("the course does not compile: " + compiled.errors());
                }
                bad.add(chapter);
            }
            for (String c : bad) {
                System.err.println("[grader] WARNING: the tests of package backprop." + c
                        + " do not compile and are left out of the grader: "
                        + compiled.errors().stream().filter(p -> chapterOf(p.path()).equals(c)).findFirst().orElseThrow());
            }
            dropped.addAll(bad);
        }
        deleteTree(out);
        Path testsDir = out.resolve("tests");
        Path stubClasses = Files.createTempDirectory("grader-stub-classes");
        Set<String> stubPaths = new TreeSet<>();
        stubs.forEach(s -> stubPaths.add(s.path()));
        for (Map.Entry<String, byte[]> c : compiled.classes().entrySet()) {
            String source = compiled.sourceOf().get(c.getKey());
            Path target = (stubPaths.contains(source) ? stubClasses : testsDir).resolve(c.getKey().replace('.', '/') + ".class");
            Files.createDirectories(target.getParent());
            Files.write(target, c.getValue());
        }
        copyResources(root.resolve("exercises/src/test/resources"), testsDir);
        for (Source s : stubs) {
            Path target = out.resolve("stubs").resolve(s.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, s.text(), StandardCharsets.UTF_8);
        }
        writeReference(root, compiled, stubPaths, out.resolve("reference"));
        Catalog catalog = record(testsDir, stubClasses);
        catalog.write(out.resolve("catalog.tsv"));
        deleteTree(stubClasses);
        writeIndexAndProperties(out, catalog, dropped);
        System.err.println("[grader] course bundle: " + catalog.scored().size() + " tests, "
                + catalog.probes().size() + " probes" + (dropped.isEmpty() ? "" : ", chapters left out: " + dropped));
    }

    /**
     * Compiles the reference (solutions/src/main/java) into {@code dir} with the map of the
     * exercise methods, found in the compiled stubs by their "Chapter N, exercise N.M" message.
     * The build fails when a reference body could not be graded beside a student's class: when
     * it uses a field, a non-private method or a nested class that the stub does not have.
     */
    static void writeReference(Path root, JavaCompile.Output stubsAndTests, Set<String> stubPaths, Path dir) throws IOException {
        List<Source> reference = read(root.resolve("solutions/src/main/java"));
        JavaCompile.Output compiled = JavaCompile.compile(reference, ClassPaths.testApi());
        if (!compiled.ok()) {
            throw new IllegalStateException("the reference does not compile: " + compiled.errors());
        }
        Map<String, byte[]> referenceClasses = new java.util.TreeMap<>();
        compiled.classes().forEach((name, bytes) -> referenceClasses.put(name.replace('.', '/'), bytes));
        Map<String, byte[]> stubClasses = new java.util.TreeMap<>();
        stubsAndTests.classes().forEach((name, bytes) -> {
            if (stubPaths.contains(stubsAndTests.sourceOf().get(name))) {
                stubClasses.put(name.replace('.', '/'), bytes);
            }
        });
        Map<String, Map<String, String>> methods = Isolation.exerciseMethods(stubClasses);
        List<String> problems = Isolation.problems(referenceClasses, stubClasses, methods);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the reference's exercise bodies cannot replace a student's: " + problems);
        }
        for (Map.Entry<String, byte[]> c : referenceClasses.entrySet()) {
            Path target = dir.resolve(c.getKey() + ".class");
            Files.createDirectories(target.getParent());
            Files.write(target, c.getValue());
        }
        Files.writeString(dir.resolve(Isolation.MAP), Isolation.mapText(methods), StandardCharsets.UTF_8);
        long count = methods.values().stream().mapToLong(Map::size).sum();
        System.err.println("[grader] reference: " + referenceClasses.size() + " classes, " + count + " exercise methods");
    }

    /** The package (chapter) a source belongs to, e.g. {@code intuition}; probes by their class name. */
    static String chapterOf(String path) {
        String[] parts = path.split("/");
        if (parts.length >= 3 && parts[0].equals("backprop") && !parts[1].equals("testing") && !parts[1].equals("tools")) {
            return parts[1];
        }
        String file = parts[parts.length - 1];
        if (path.contains("/probes/") && file.endsWith("Probes.java")) {
            return file.substring(0, file.length() - "Probes.java".length()).toLowerCase(Locale.ROOT);
        }
        return "";
    }

    private static Catalog record(Path testsDir, Path stubClasses) throws Exception {
        RoutingLoader loader = new RoutingLoader(testsDir, stubClasses, BuildCourse.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(testsDir)) {
            for (Path p : files.sorted().toList()) {
                String rel = testsDir.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith("Test.class") || rel.endsWith("Probes.class")) {
                    String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                    if (!name.contains("$")) {
                        classes.add(Class.forName(name, false, loader));
                    }
                }
            }
        }
        List<Catalog.Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            Runner.run(Runner.newLauncher(), Runner.classSelectors(classes), Map.of(), new Runner.Events() {
                @Override
                public void test(String uid, String path, Set<String> tags, String status, String description) {
                    List<String> ex = tags.stream().filter(t -> t.startsWith("ex")).toList();
                    if (ex.size() != 1) {
                        problems.add(uid + " has no single exercise tag: " + tags);
                        return;
                    }
                    Catalog.Kind kind = uid.contains("Probes]") ? Catalog.Kind.PROBE
                            : uid.contains("HiddenTest]") ? Catalog.Kind.HIDDEN : Catalog.Kind.VISIBLE;
                    if (kind != Catalog.Kind.PROBE && status.equals("SUCCESSFUL")) {
                        System.err.println("[grader] WARNING: passes against the stubs: " + path);
                    }
                    entries.add(new Catalog.Entry(kind, ex.get(0).substring(2), Catalog.methodOf(uid), uid, path));
                }

                @Override
                public void container(String uid, String description) {
                }

                @Override
                public void unresolved(String description) {
                    problems.add(description);
                }
            });
        } finally {
            current.setContextClassLoader(previous);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the course tests cannot be catalogued: " + problems);
        }
        return new Catalog(entries);
    }

    private static void writeIndexAndProperties(Path out, Catalog catalog, Set<String> dropped) throws IOException, NoSuchAlgorithmException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(out.relativize(p).toString().replace('\\', '/')));
        }
        files.sort(null);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String f : files) {
            sha.update(f.getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(out.resolve(f)));
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        Files.writeString(out.resolve("bundle.properties"), "hash=" + hash + "\nchapters.missing=" + String.join(",", dropped)
                + "\ntests=" + catalog.scored().size() + "\nprobes=" + catalog.probes().size() + "\n", StandardCharsets.UTF_8);
        files.add("bundle.properties");
        files.sort(null);
        Files.writeString(out.resolve("index.txt"), String.join("\n", files) + "\n", StandardCharsets.UTF_8);
    }

    static List<Source> read(Path dir) throws IOException {
        List<Source> list = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return list;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().toList()) {
                list.add(new Source(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8)));
            }
        }
        return list;
    }

    private static void copyResources(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = from.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("META-INF/")) {
                    continue; // the students' progress table is no part of grading
                }
                Path target = to.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
