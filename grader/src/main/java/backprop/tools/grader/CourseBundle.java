package backprop.tools.grader;

import backprop.testing.course.CourseMap;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The course as the grader ships it (see {@link backprop.tools.grader.build.BuildCourse}): the
 * compiled tests and probes, the stub sources, the catalog, and the exercise map.
 */
public record CourseBundle(Path root, Catalog catalog, Map<String, String> stubs, CourseMap map, Properties properties) {

    public static final String RESOURCE = "/grader-course/";

    /** The chapters that have exercises in the catalog, in order. */
    public java.util.Set<Integer> chapters() {
        java.util.Set<Integer> chapters = new java.util.TreeSet<>();
        catalog.entries().forEach(e -> chapters.add(chapterOf(e)));
        return chapters;
    }

    private static int chapterOf(Catalog.Entry e) {
        return Integer.parseInt(e.exercise().substring(0, e.exercise().indexOf('.')));
    }

    /** The same course with only the tests and probes of the given chapters (all when empty). */
    public CourseBundle onlyChapters(java.util.Set<Integer> chapters) {
        if (chapters == null || chapters.isEmpty()) {
            return this;
        }
        List<Catalog.Entry> kept = catalog.entries().stream()
                .filter(e -> chapters.contains(chapterOf(e))).toList();
        return new CourseBundle(root, new Catalog(kept), stubs, map, properties);
    }

    public Path tests() {
        return root.resolve("tests");
    }

    public String hash() {
        return properties.getProperty("hash", "?");
    }

    /** The chapters (packages) whose tests were left out when the grader was built. */
    public String missingChapters() {
        return properties.getProperty("chapters.missing", "");
    }

    /** Opens the bundle inside the grader's own jar or classes, extracting it under {@code cache} when needed. */
    public static CourseBundle load(Path cache) throws IOException {
        URL index = CourseBundle.class.getResource(RESOURCE + "index.txt");
        if (index == null) {
            throw new IOException("the grader has no course bundle (build it with mvn -pl grader package)");
        }
        Path root;
        if (index.getProtocol().equals("file")) {
            try {
                root = Path.of(index.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else {
            Properties p = new Properties();
            try (InputStream in = CourseBundle.class.getResourceAsStream(RESOURCE + "bundle.properties")) {
                p.load(in);
            }
            root = cache.resolve("course-" + p.getProperty("hash"));
            if (!Files.isRegularFile(root.resolve("index.txt"))) {
                Path tmp = Files.createDirectories(cache).resolve("course-" + p.getProperty("hash") + ".tmp" + ProcessHandle.current().pid());
                List<String> files;
                try (InputStream in = index.openStream()) {
                    files = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
                }
                for (String f : files) {
                    Path target = tmp.resolve(f).normalize();
                    if (!target.startsWith(tmp)) {
                        throw new IOException("bad bundle entry " + f);
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = CourseBundle.class.getResourceAsStream(RESOURCE + f)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                try (InputStream in = index.openStream()) {
                    Files.copy(in, tmp.resolve("index.txt"), StandardCopyOption.REPLACE_EXISTING);
                }
                try {
                    Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (!Files.isRegularFile(root.resolve("index.txt"))) {
                        throw e;
                    }
                }
            }
        }
        return open(root);
    }

    static CourseBundle open(Path root) throws IOException {
        Catalog catalog = Catalog.read(root.resolve("catalog.tsv"));
        Map<String, String> stubs = new TreeMap<>();
        Path stubDir = root.resolve("stubs");
        try (var walk = Files.walk(stubDir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                stubs.put(stubDir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("bundle.properties"))) {
            props.load(in);
        }
        return new CourseBundle(root, catalog, stubs, CourseMap.load(), props);
    }
}
