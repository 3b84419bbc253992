package backprop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The exercise lists at the end of chapters 1 to 5 name real classes and methods")
class ExerciseListTest {

    /** {@code Exercise 3.5: `Relu.value`, `Relu.derivative`:: what to do}. */
    private static final Pattern ENTRY = Pattern.compile("^Exercise (\\d+\\.\\d+): (.+?)::(.*)$");
    private static final Pattern MEMBER = Pattern.compile("`([A-Z][A-Za-z0-9]*)\\.([a-z][A-Za-z0-9]*)`");

    static List<Integer> chapters() {
        return List.of(1, 2, 3, 4, 5, 7);
    }

    /** id -> {class, sorted methods} as the chapter lists them. */
    private static Map<String, String[]> listed(Path chapter) {
        Map<String, String[]> entries = new LinkedHashMap<>();
        for (String line : Book.lines(chapter)) {
            Matcher e = ENTRY.matcher(line.strip());
            if (!e.matches()) {
                continue;
            }
            Matcher m = MEMBER.matcher(e.group(2));
            String type = null;
            TreeSet<String> methods = new TreeSet<>();
            while (m.find()) {
                if (type != null && !type.equals(m.group(1))) {
                    throw new AssertionError(Book.show(chapter) + ": exercise " + e.group(1) + " names two classes");
                }
                type = m.group(1);
                methods.add(m.group(2));
            }
            if (type == null) {
                throw new AssertionError(Book.show(chapter) + ": exercise " + e.group(1)
                        + " names no `Class.method`: " + line);
            }
            entries.put(e.group(1), new String[] {type, String.join(",", methods)});
        }
        return entries;
    }

    @ParameterizedTest(name = "chapter {0}")
    @MethodSource("chapters")
    @DisplayName("list exactly the exercises of exercises.tsv, with its classes and methods")
    void matchesTheExerciseMap(int n) {
        Path chapter = Book.chapter(n);
        Map<String, String[]> listed = listed(chapter);
        String pkg = Book.contributingChapters().get(n)[1];
        Map<String, String[]> expected = new LinkedHashMap<>();
        for (String[] row : Book.exerciseRows()) {
            if (row[0].startsWith(n + ".")) {
                String target = row[2];
                String type = target.substring(0, target.indexOf('#'));
                assertThat(type).as("exercises.tsv: exercise %s lies in the chapter's package", row[0]).startsWith(pkg + ".");
                TreeSet<String> methods = new TreeSet<>(List.of(target.substring(target.indexOf('#') + 1).split(",")));
                expected.put(row[0], new String[] {type.substring(pkg.length() + 1), String.join(",", methods)});
            }
        }
        assertThat(expected).as("exercises.tsv has exercises for chapter %d", n).isNotEmpty();
        assertThat(listed.keySet()).as("%s: the exercise ids it lists", Book.show(chapter))
                .containsExactlyElementsOf(expected.keySet());
        for (String id : expected.keySet()) {
            assertThat(listed.get(id)).as("%s: class and methods of exercise %s (exercises.tsv: %s)",
                    Book.show(chapter), id, String.join("#", expected.get(id))).containsExactly(expected.get(id));
        }
    }

    @ParameterizedTest(name = "chapter {0}")
    @MethodSource("chapters")
    @DisplayName("name classes and methods that exist in exercises/src/main/java")
    void existInTheStubs(int n) {
        Path chapter = Book.chapter(n);
        String pkg = Book.contributingChapters().get(n)[1];
        Path dir = Book.root().resolve("exercises/src/main/java").resolve(pkg.replace('.', '/'));
        List<String> problems = new ArrayList<>();
        listed(chapter).forEach((id, entry) -> {
            Path source = dir.resolve(entry[0] + ".java");
            if (!Files.isRegularFile(source)) {
                problems.add("exercise " + id + ": " + Book.show(source) + " does not exist");
                return;
            }
            String code = Book.read(source);
            for (String method : entry[1].split(",")) {
                Pattern declaration = Pattern.compile(
                        "(?m)^\\s*public\\s+(static\\s+)?[A-Za-z0-9_<>\\[\\], .]+\\s" + method + "\\s*\\(");
                if (!declaration.matcher(code).find()) {
                    problems.add("exercise " + id + ": " + Book.show(source) + " declares no public method " + method);
                }
            }
        });
        assertThat(problems).as("%s: exercises that do not exist in the stubs", Book.show(chapter)).isEmpty();
    }

    @ParameterizedTest(name = "chapter {0}")
    @MethodSource("chapters")
    @DisplayName("link to the chapter's notebook in ../notebooks/ (name from CONTRIBUTING.md)")
    void linksTheNotebook(int n) {
        String notebook = Book.contributingChapters().get(n)[2];
        String source = Book.read(Book.chapter(n));
        int exercises = source.indexOf("[[ch" + n + "-exercises]]");
        assertThat(exercises).as("%s has an [[ch%d-exercises]] section", Book.show(Book.chapter(n)), n).isNotNegative();
        assertThat(source.substring(exercises)).as("%s: the exercises link the notebook", Book.show(Book.chapter(n)))
                .contains("link:{nb-ch" + n + "}[");
        String attributes = Book.read(Book.chapters().resolve("attributes.adoc"));
        assertThat(attributes).as("chapters/attributes.adoc defines the notebook of chapter %d", n)
                .contains(":nb-ch" + n + ": {notebooksdir}/" + notebook + "\n");
        for (String edition : Book.editions()) {
            String html = Book.read(Book.html(edition));
            int start = html.indexOf("id=\"ch" + n + "-exercises\"");
            int end = html.indexOf("id=\"ch" + n + "-summary\"");
            assertThat(start).as("%s: the exercises of chapter %d", Book.show(Book.html(edition)), n).isPositive();
            assertThat(html.substring(start, end)).as("%s: link to the notebook", Book.show(Book.html(edition)))
                    .contains("href=\"" + System.getProperty("notebooks.dir", "../notebooks") + "/" + notebook + "\"");
        }
    }
}
