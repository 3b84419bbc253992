package backprop.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the book's sources and outputs are, and small helpers to read them. */
final class Book {

    /** The chapters with a number: 00-motivation.adoc ... 08-limitations-history.adoc. */
    private static final Pattern CHAPTER_FILE = Pattern.compile("(\\d\\d)-[a-z-]+\\.adoc");

    private Book() {
    }

    /** The repository's root: the parent of the docs module. */
    static Path root() {
        String property = System.getProperty("course.root");
        Path fromModule = Path.of("").toAbsolutePath().getParent();
        if (property != null && Files.isDirectory(Path.of(property, "chapters"))) {
            return Path.of(property).toAbsolutePath();
        }
        return fromModule;
    }

    static Path chapters() {
        return root().resolve("chapters");
    }

    /** The part of the master documents that includes the chapters, shared by both editions. */
    static Path master() {
        return root().resolve("docs/src/docs/asciidoc/_book-body.adoc");
    }

    /** docs/target/book, where the editions are written. */
    static Path output() {
        String property = System.getProperty("book.dir");
        return property != null ? Path.of(property) : root().resolve("docs/target/book");
    }

    /** The editions the build writes. */
    static List<String> editions() {
        return List.of("student", "instructor");
    }

    static Path html(String edition) {
        return output().resolve(edition).resolve("book.html");
    }

    /** The numbered chapter files, in order. */
    static List<Path> chapterFiles() {
        try (Stream<Path> files = Files.list(chapters())) {
            return files.filter(p -> CHAPTER_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapter number of a file such as 04-inner-neurons.adoc. */
    static int number(Path chapter) {
        Matcher m = CHAPTER_FILE.matcher(chapter.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(chapter + " is not a numbered chapter file");
        }
        return Integer.parseInt(m.group(1));
    }

    static Path chapter(int number) {
        return chapterFiles().stream().filter(p -> number(p) == number).findFirst()
                .orElseThrow(() -> new AssertionError("no chapters/0" + number + "-*.adoc"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<String> lines(Path file) {
        return List.of(read(file).split("\n", -1));
    }

    /** A path relative to the repository root, for messages. */
    static String show(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root()) ? root().relativize(abs).toString() : abs.toString();
    }

    /**
     * The CONTRIBUTING.md table of chapters: chapter number -> {book file, package, notebook}.
     */
    static Map<Integer, String[]> contributingChapters() {
        Map<Integer, String[]> chapters = new LinkedHashMap<>();
        Pattern row = Pattern.compile(
                "^\\| (\\d) [^|]+\\| `chapters/([^`]+)` \\| `([a-z.]+)` \\| `notebooks/([^`]+)` \\|$");
        for (String line : lines(root().resolve("CONTRIBUTING.md"))) {
            Matcher m = row.matcher(line.strip());
            if (m.matches()) {
                chapters.put(Integer.parseInt(m.group(1)), new String[] {m.group(2), m.group(3), m.group(4)});
            }
        }
        return chapters;
    }

    /** The CONTRIBUTING.md table of equations: the numbers "1.1" ... "5.8", in order. */
    static List<String> contributingEquations() {
        List<String> numbers = new ArrayList<>();
        Pattern row = Pattern.compile("^\\| (\\d+\\.\\d+) \\|.*");
        for (String line : lines(root().resolve("CONTRIBUTING.md"))) {
            Matcher m = row.matcher(line.strip());
            if (m.matches()) {
                numbers.add(m.group(1));
            }
        }
        return numbers;
    }

    /** The rows of exercises.tsv of kind "exercise": {id, points, target, title}. */
    static List<String[]> exerciseRows() {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(root().resolve("exercises/src/test/resources/course/exercises.tsv"))) {
            String[] cells = line.split("\t");
            if (cells.length == 5 && cells[0].equals("exercise")) {
                rows.add(new String[] {cells[1], cells[2], cells[3], cells[4]});
            }
        }
        return rows;
    }

    /** The text between the HTML tags, with the entities Asciidoctor writes turned back into characters. */
    static String text(String html) {
        String t = html.replaceAll("(?s)<[^>]*>", "");
        return t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#8217;", "'")
                .replace("&#39;", "'").replace("&#8230;", "...").replace("&#8201;", " ").replace("&#8212;", "--")
                .replace("&amp;", "&");
    }

    /** Whitespace runs collapsed to one space. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
