package backprop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Equations are numbered (chapter.n) as in the table of CONTRIBUTING.md, in the book and in the code")
class EquationNumberTest {

    private static final Pattern TAG = Pattern.compile("\\\\tag\\{([^}]*)}");
    private static final Pattern EQ_ANCHOR = Pattern.compile("^\\[\\[eq-(\\d+)-(\\d+)]]$");
    private static final Pattern EQ_XREF = Pattern.compile("<<eq-(\\d+)-(\\d+)(?:,([^>]*))?>>");
    /** "Eq. 3.1, 3.2", "Eq. (1.4)", "Eqs. 2.3 and 2.4": every number after Eq. */
    private static final Pattern EQ_MENTION = Pattern.compile("Eqs?\\.\\s*\\(?((?:\\d+\\.\\d+)(?:\\)?(?:\\s*(?:,|and|to)\\s*)\\(?\\d+\\.\\d+)*)");
    private static final Pattern NUMBER = Pattern.compile("\\d+\\.\\d+");

    static List<Path> chapters() {
        return Book.chapterFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    @DisplayName("each chapter tags exactly its equations of the table, in order, each with an [[eq-N-k]] anchor")
    void tagsMatchTheTable(Path chapter) {
        int n = Book.number(chapter);
        List<String> expected = Book.contributingEquations().stream()
                .filter(e -> e.startsWith(n + ".")).collect(Collectors.toList());
        List<String> tags = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = Book.lines(chapter);
        for (int k = 0; k < lines.size(); k++) {
            Matcher tag = TAG.matcher(lines.get(k));
            while (tag.find()) {
                tags.add(tag.group(1));
                String anchor = anchorBefore(lines, k);
                String want = "eq-" + tag.group(1).replace('.', '-');
                if (!want.equals(anchor)) {
                    problems.add(Book.show(chapter) + ":" + (k + 1) + ": \\tag{" + tag.group(1)
                            + "} has the anchor " + anchor + ", expected [[" + want + "]]");
                }
            }
        }
        assertThat(tags).as("%s: the \\tag{} numbers, in order (CONTRIBUTING.md)", Book.show(chapter))
                .containsExactlyElementsOf(expected);
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    @DisplayName("cross-references show the number of the equation they point to, and every mention exists")
    void referencesAreConsistent(Path chapter) {
        List<String> known = Book.contributingEquations();
        List<String> problems = new ArrayList<>();
        List<String> lines = Book.lines(chapter);
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            Matcher x = EQ_XREF.matcher(line);
            while (x.find()) {
                String number = x.group(1) + "." + x.group(2);
                if (!known.contains(number)) {
                    problems.add(Book.show(chapter) + ":" + (k + 1) + ": <<eq-" + x.group(1) + "-" + x.group(2)
                            + ">> points to an equation that is not in the table");
                }
                if (x.group(3) == null || !x.group(3).equals("(" + number + ")")) {
                    problems.add(Book.show(chapter) + ":" + (k + 1) + ": the reference to " + number
                            + " reads " + x.group(3) + ", expected (" + number + ")");
                }
            }
            problems.addAll(unknownMentions(Book.show(chapter) + ":" + (k + 1), line.replaceAll("<<[^>]*>>", ""), known));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("the code's comments and messages cite only equations of the table")
    void codeCitesKnownEquations() throws IOException {
        List<String> known = Book.contributingEquations();
        List<String> problems = new ArrayList<>();
        for (String tree : List.of("solutions/src/main/java", "exercises/src/main/java")) {
            try (Stream<Path> files = Files.walk(Book.root().resolve(tree))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                    List<String> lines = Book.lines(file);
                    for (int k = 0; k < lines.size(); k++) {
                        problems.addAll(unknownMentions(Book.show(file) + ":" + (k + 1), lines.get(k), known));
                    }
                }
            }
        }
        assertThat(problems).as("citations of equations that do not exist").isEmpty();
    }

    private static List<String> unknownMentions(String where, String text, List<String> known) {
        List<String> problems = new ArrayList<>();
        Matcher m = EQ_MENTION.matcher(text);
        while (m.find()) {
            Matcher number = NUMBER.matcher(m.group(1));
            while (number.find()) {
                if (!known.contains(number.group())) {
                    problems.add(where + ": cites Eq. " + number.group() + ", which is not in CONTRIBUTING.md");
                }
            }
        }
        return problems;
    }

    private static String anchorBefore(List<String> lines, int k) {
        // the anchor stands above the [latexmath] line and the ++++ delimiter of the block
        for (int j = k; j >= Math.max(0, k - 12); j--) {
            Matcher m = EQ_ANCHOR.matcher(lines.get(j).strip());
            if (m.matches()) {
                return "eq-" + m.group(1) + "-" + m.group(2);
            }
            if (lines.get(j).strip().isEmpty()) {
                return "(none)";
            }
        }
        return "(none)";
    }
}
