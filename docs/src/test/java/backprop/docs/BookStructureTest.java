package backprop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The book is complete and hangs together")
class BookStructureTest {

    private static final Pattern INCLUDE_SOURCE = Pattern.compile("include::\\{sourcedir}/([^\\[]+)\\[tags=([^,\\]]+)");
    private static final Pattern IMAGE = Pattern.compile("image::([^\\[]+)\\[");
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("\\b(src|href)=\"([^\"#][^\"]*)\"");
    private static final Pattern ANCHOR_LINK = Pattern.compile("href=\"#([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern SECTION_ANCHOR = Pattern.compile("^\\[\\[([a-z0-9-]+)]]$");

    static List<String> editions() {
        return Book.editions();
    }

    static List<Path> chapters() {
        return Book.chapterFiles();
    }

    @Nested
    @DisplayName("The sources")
    class Sources {

        @Test
        @DisplayName("are the chapters 00 to 08, the last one limitations and history, with the file names of CONTRIBUTING.md, all in the master document")
        void allChaptersIncluded() {
            List<String> names = new ArrayList<>();
            for (Path p : Book.chapterFiles()) {
                names.add(p.getFileName().toString());
            }
            assertThat(names).as("numbered chapter files in chapters/").hasSizeGreaterThanOrEqualTo(7);
            assertThat(names.get(0)).isEqualTo("00-motivation.adoc");
            assertThat(names.get(names.size() - 1)).isEqualTo("08-limitations-history.adoc");
            Book.contributingChapters().forEach((n, row) ->
                    assertThat(names).as("chapter %d's book file from CONTRIBUTING.md", n).contains(row[0]));
            String master = Book.read(Book.master());
            for (String name : names) {
                assertThat(master).as("%s includes chapters/%s", Book.show(Book.master()), name)
                        .contains("include::{chaptersdir}/" + name + "[");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("backprop.docs.BookStructureTest#chapters")
        @DisplayName("end with exercises (chapters 1 to 5), a summary and a recommended path / further reading")
        void endsWithExercisesSummaryReading(Path chapter) {
            int n = Book.number(chapter);
            List<String> anchors = new ArrayList<>();
            List<String> lines = Book.lines(chapter);
            for (int k = 0; k + 1 < lines.size(); k++) {
                Matcher m = SECTION_ANCHOR.matcher(lines.get(k).strip());
                if (m.matches() && lines.get(k + 1).startsWith("== ")) {
                    anchors.add(m.group(1));
                }
            }
            if (n == 0) {
                return;
            }
            List<String> tail = n <= 5
                    ? List.of("ch" + n + "-exercises", "ch" + n + "-summary", "ch" + n + "-reading")
                    : List.of("ch" + n + "-summary", "ch" + n + "-reading");
            assertThat(anchors).as("%s: the [[anchors]] of its sections", Book.show(chapter)).endsWith(tail.toArray(String[]::new));
            assertThat(lines.get(0).strip()).as("%s: first line, the chapter's anchor", Book.show(chapter))
                    .isEqualTo("[[ch" + n + "]]");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("backprop.docs.BookStructureTest#chapters")
        @DisplayName("give every section an [[anchor]]")
        void everySectionHasAnAnchor(Path chapter) {
            List<String> lines = Book.lines(chapter);
            List<String> missing = new ArrayList<>();
            String verbatim = null;
            for (int k = 0; k < lines.size(); k++) {
                String line = lines.get(k).strip();
                if (line.matches("(\\+{4,}|-{4,}|\\.{4,}|/{4,})")) {
                    verbatim = verbatim == null ? line : (verbatim.equals(line) ? null : verbatim);
                    continue;
                }
                if (verbatim == null && lines.get(k).matches("^=+ .*")) {
                    String before = k > 0 ? lines.get(k - 1).strip() : "";
                    String before2 = k > 1 ? lines.get(k - 2).strip() : "";
                    if (!SECTION_ANCHOR.matcher(before).matches() && !SECTION_ANCHOR.matcher(before2).matches()) {
                        missing.add(Book.show(chapter) + ":" + (k + 1) + ": " + lines.get(k));
                    }
                }
            }
            assertThat(missing).as("section titles without an [[anchor]] on the line before").isEmpty();
        }
    }

    @Nested
    @DisplayName("Each edition")
    class Editions {

        @ParameterizedTest(name = "{0} edition")
        @MethodSource("backprop.docs.BookStructureTest#editions")
        @DisplayName("has a table of contents and every numbered chapter, in order, after the unnumbered preface")
        void tableOfContentsAndNumberedChapters(String edition) {
            Path file = Book.html(edition);
            assertThat(file).as("the %s edition", edition).isRegularFile();
            String html = Book.read(file);
            assertThat(html).as("%s: table of contents", Book.show(file)).contains("<div id=\"toc\" class=\"toc2\">");
            assertThat(html).as("%s: the preface", Book.show(file)).contains("<h2 id=\"motivation\"><a class=\"anchor\" href=\"#motivation\"></a>Why backpropagation?</h2>");
            List<Path> numbered = Book.chapterFiles().subList(1, Book.chapterFiles().size());
            for (int k = 0; k < numbered.size(); k++) {
                // The book numbers its chapters 1, 2, ... in order; the anchor follows the file's number.
                int n = Book.number(numbered.get(k));
                assertThat(html).as("%s: numbered chapter %d (%s)", Book.show(file), k + 1, numbered.get(k).getFileName())
                        .containsPattern("<h2 id=\"ch" + n + "\"><a class=\"anchor\" href=\"#ch" + n + "\"></a>Chapter " + (k + 1) + "\\. [^<]+</h2>");
            }
        }

        @ParameterizedTest(name = "{0} edition")
        @MethodSource("backprop.docs.BookStructureTest#editions")
        @DisplayName("gives every figure its whole alt text: quoted in the source, so that no comma cuts it")
        void wholeAltTexts(String edition) {
            String html = Book.read(Book.html(edition));
            List<String> problems = new ArrayList<>();
            Pattern macro = Pattern.compile("(?m)^image::([^\\[]+)\\[(.*)]$");
            for (Path chapter : Book.chapterFiles()) {
                Matcher m = macro.matcher(Book.read(chapter));
                while (m.find()) {
                    Matcher quoted = Pattern.compile("^\"([^\"]+)\"(?:,|$)").matcher(m.group(2));
                    if (!quoted.find()) {
                        problems.add(Book.show(chapter) + ": image::" + m.group(1) + " has no quoted alt text: " + m.group(2));
                        continue;
                    }
                    String alt = quoted.group(1);
                    if (alt.contains("{")) {
                        alt = alt.substring(alt.indexOf('}') + 1); // an attribute the build fills in
                    }
                    Matcher img = Pattern.compile("<img src=\"images/" + Pattern.quote(m.group(1)) + "\" alt=\"([^\"]*)\"")
                            .matcher(html);
                    if (!img.find() || !Book.text(img.group(1)).endsWith(alt)) {
                        problems.add(Book.show(chapter) + ": images/" + m.group(1) + " does not show the alt text \"" + alt + "\"");
                    }
                }
            }
            assertThat(problems).as("figures whose alt text is missing or cut").isEmpty();
        }

        @ParameterizedTest(name = "{0} edition")
        @MethodSource("backprop.docs.BookStructureTest#editions")
        @DisplayName("has every figure the chapters show, and every local file it refers to")
        void figuresAndLocalFiles(String edition) {
            Path dir = Book.output().resolve(edition);
            List<String> missing = new ArrayList<>();
            for (Path chapter : Book.chapterFiles()) {
                Matcher m = IMAGE.matcher(Book.read(chapter));
                while (m.find()) {
                    if (!Files.isRegularFile(dir.resolve("images").resolve(m.group(1)))) {
                        missing.add(Book.show(chapter) + " shows images/" + m.group(1) + ", not in " + Book.show(dir));
                    }
                }
            }
            String html = Book.read(Book.html(edition));
            Matcher ref = LOCAL_REFERENCE.matcher(html);
            while (ref.find()) {
                String target = ref.group(2);
                if (target.matches("(?i)(https?:|mailto:|data:|//).*")) {
                    continue; // links out of the book
                }
                Path resolved = dir.resolve(target.replaceFirst("[?#].*$", "")).normalize();
                if (!Files.exists(resolved)) {
                    missing.add(Book.show(Book.html(edition)) + " refers to " + target + ", not found at " + Book.show(resolved));
                }
            }
            assertThat(missing).as("missing files").isEmpty();
        }

        @ParameterizedTest(name = "{0} edition")
        @MethodSource("backprop.docs.BookStructureTest#editions")
        @DisplayName("resolves every link inside the book to an element with that id")
        void internalLinks(String edition) {
            String html = Book.read(Book.html(edition));
            Set<String> ids = new HashSet<>();
            Matcher id = ID.matcher(html);
            while (id.find()) {
                ids.add(id.group(1));
            }
            List<String> broken = new ArrayList<>();
            Matcher link = ANCHOR_LINK.matcher(html);
            while (link.find()) {
                if (!ids.contains(link.group(1))) {
                    broken.add("#" + link.group(1));
                }
            }
            assertThat(broken).as("%s: links to ids that do not exist", Book.show(Book.html(edition))).isEmpty();
        }

        @ParameterizedTest(name = "{0} edition")
        @MethodSource("backprop.docs.BookStructureTest#editions")
        @DisplayName("shows each code listing exactly as its tagged region in the edition's sources")
        void listingsComeFromTheSources(String edition) {
            Path sources = Book.root().resolve(edition.equals("student")
                    ? "exercises/src/main/java" : "solutions/src/main/java");
            String page = Book.squeeze(Book.text(Book.read(Book.html(edition))));
            List<String> problems = new ArrayList<>();
            int listings = 0;
            for (Path chapter : Book.chapterFiles()) {
                Matcher m = INCLUDE_SOURCE.matcher(inEdition(Book.read(chapter), edition));
                while (m.find()) {
                    Path file = sources.resolve(m.group(1));
                    if (!Files.isRegularFile(file)) {
                        problems.add(Book.show(chapter) + " includes " + Book.show(file) + ", which does not exist");
                        continue;
                    }
                    for (String tag : m.group(2).split(";")) {
                        String region = Book.squeeze(region(Book.lines(file), tag));
                        listings++;
                        if (region.isEmpty()) {
                            problems.add(Book.show(chapter) + ": " + Book.show(file) + " has no region tag::" + tag + "[]");
                        } else if (!page.contains(region)) {
                            problems.add(Book.show(chapter) + ": region " + tag + " of " + Book.show(file)
                                    + " is not shown as it is in the source");
                        }
                    }
                }
            }
            assertThat(listings).as("tagged regions included by the chapters").isGreaterThan(0);
            assertThat(problems).isEmpty();
        }

        @Test
        @DisplayName("shows the stubs to students and the solutions to instructors")
        void studentAndInstructorCode() {
            String student = Book.read(Book.html("student"));
            assertThat(student).as("%s must not contain solutions", Book.show(Book.html("student")))
                    .doesNotContain("BEGIN SOLUTION").doesNotContain("END SOLUTION")
                    .contains("Chapter 1, exercise 1.1: return y = x1*w1 + x2*w2 in LinearNeuron.output (Eq. 1.1).");
            String instructor = Book.text(Book.read(Book.html("instructor")));
            assertThat(instructor).as("%s shows the solutions", Book.show(Book.html("instructor")))
                    .contains("BEGIN SOLUTION").contains("return x1 * w1 + x2 * w2;")
                    .contains("Instructor edition.");
        }
    }

    /** A chapter's text as the edition has it: the student edition leaves out the instructor's blocks. */
    static String inEdition(String chapter, String edition) {
        return edition.equals("student")
                ? chapter.replaceAll("(?ms)^ifdef::instructor\\[\\]$.*?^endif::instructor\\[\\]$", "")
                : chapter;
    }

    /** The lines of {@code // tag::name[]} ... {@code // end::name[]}, without any tag lines. */
    static String region(List<String> lines, String tag) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.contains("tag::" + tag + "[]")) {
                inside = true;
                continue;
            }
            if (line.contains("end::" + tag + "[]")) {
                inside = false;
                continue;
            }
            if (inside && !line.matches(".*\\b(tag|end)::[A-Za-z0-9_-]+\\[].*")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
