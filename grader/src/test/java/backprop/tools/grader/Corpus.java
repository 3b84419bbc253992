package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Builds submissions for the grader's tests and runs the grader on them. */
final class Corpus {

    private Corpus() {
    }

    static Path courseRoot() {
        String p = System.getProperty("course.root");
        Path root = p != null ? Path.of(p) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path resources() {
        return Path.of("src/test/resources").toAbsolutePath();
    }

    /** A submission folder: a copy of exercises/ whose src/main/java is the reference or the stubs. */
    static Path submission(Path target, String base) throws IOException {
        Path src = courseRoot().resolve(base.equals("reference") ? "solutions/src/main/java" : "exercises/src/main/java");
        copyTree(src, target.resolve("src/main/java"));
        Files.copy(courseRoot().resolve("exercises/pom.xml"), target.resolve("pom.xml"));
        return target;
    }

    /** Copies an overlay's src/ over a submission and deletes the files listed in its DELETE file. */
    static void overlay(Path overlay, Path target) throws IOException {
        if (Files.isDirectory(overlay.resolve("src"))) {
            copyTree(overlay.resolve("src"), target.resolve("src"));
        }
        Path delete = overlay.resolve("DELETE");
        if (Files.isRegularFile(delete)) {
            for (String l : Files.readAllLines(delete)) {
                if (!l.isBlank()) {
                    Files.delete(target.resolve("src/main/java").resolve(l.trim()));
                }
            }
        }
    }

    static Properties expect(Path overlay) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(overlay.resolve("expect.properties"))) {
            p.load(in);
        }
        return p;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Applies a mutation file: "file: PATH", then pairs of "find: ..." / "replace: ..." lines (\n for new lines). */
    static String mutate(Path submission, Path mutationFile) throws IOException {
        String file = null;
        String find = null;
        String expect = null;
        for (String line : Files.readAllLines(mutationFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("file: ")) {
                file = line.substring(6).trim();
            } else if (line.startsWith("find: ")) {
                find = line.substring(6).replace("\\n", "\n");
            } else if (line.startsWith("replace: ")) {
                Path f = submission.resolve("src/main/java").resolve(file);
                String text = Files.readString(f);
                assertThat(text).as("the reference %s still contains the text the mutation %s changes", file, mutationFile)
                        .contains(find);
                Files.writeString(f, text.replace(find, line.substring(9).replace("\\n", "\n")));
            } else if (line.startsWith("expect: ")) {
                expect = line.substring(8).trim();
            }
        }
        return expect;
    }

    /** Runs the command line in-process; returns the exit code and what it printed. */
    record Result(int code, String out, String err) {
    }

    static Result grader(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One gradebook row. */
    record Row(String student, String status, Map<String, Double> scores, double total, double max, String reason) {
    }

    static Map<String, Row> gradebook(Path out) {
        try {
            List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"));
            List<String> header = parseCsv(lines.get(0));
            Map<String, Row> rows = new LinkedHashMap<>();
            for (String l : lines.subList(1, lines.size())) {
                List<String> f = parseCsv(l);
                Map<String, Double> scores = new LinkedHashMap<>();
                for (int i = 2; i < header.size(); i++) {
                    if (header.get(i).startsWith("ex")) {
                        scores.put(header.get(i).substring(2), Double.parseDouble(f.get(i)));
                    }
                }
                rows.put(f.get(0), new Row(f.get(0), f.get(1), scores, Double.parseDouble(f.get(header.indexOf("total"))),
                        Double.parseDouble(f.get(header.indexOf("max"))), f.get(header.indexOf("reason"))));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> parseCsv(String line) {
        List<String> f = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                f.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        f.add(cur.toString());
        return f;
    }

    /** Points of each exercise from the course map. */
    static Map<String, Integer> points() {
        Map<String, Integer> m = new LinkedHashMap<>();
        backprop.testing.course.CourseMap.load().exercises().forEach(e -> m.put(e.id(), e.points()));
        return m;
    }

    static String feedback(Path out, String id) {
        try {
            return Files.readString(out.resolve("feedback/" + Reports.safeName(id) + ".md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
