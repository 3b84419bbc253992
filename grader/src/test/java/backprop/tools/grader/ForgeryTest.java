package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Student text never passes for the grader's words or markup: ids, notes, messages and printed
 * output are inert in Markdown, HTML, CSV, JSON and on the terminal, and a diagnosis comes only
 * from the probes' own exception.
 */
@DisplayName("Student text cannot forge the grader's words")
class ForgeryTest {

    /** Characters that must never reach an output raw. */
    private static final Pattern RAW = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f\\u0080-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2028\\u2029\\u2066-\\u2069\\ufeff]");

    /** The lines of a Markdown text that lie outside fenced code blocks. */
    static List<String> outsideCode(String md) {
        List<String> out = new java.util.ArrayList<>();
        String fence = null;
        for (String l : md.lines().toList()) {
            String t = l.strip();
            if (fence == null && t.startsWith("```")) {
                fence = t.substring(0, t.length() - t.replaceFirst("^`+", "").length());
            } else if (fence != null && t.equals(fence)) {
                fence = null;
            } else if (fence == null) {
                out.add(l);
            }
        }
        return out;
    }

    private static Graded hostile() {
        String s = AttacksB.FORGED;
        return new Graded(s, "h", "partial", "refused " + s, 1, 49, 0,
                List.of(new Graded.Exercise("3.2", "Logistic derivative", 2, 1, 0, 0)),
                List.of(new Graded.Test("3.2", "visible", "a test", "failed", "java.lang.AssertionError: " + s, s)),
                List.of("ignored " + s + ": not a plain Java source name"), List.of());
    }

    @Nested
    @DisplayName("each format")
    class Formats {

        @Test
        @DisplayName("Markdown: the only headings are the grader's, student text sits in code, no raw control character")
        void markdown() {
            String md = Reports.markdown(hostile());
            List<String> headings = outsideCode(md).stream().filter(l -> l.stripLeading().startsWith("#")).toList();
            assertThat(headings).allMatch(h -> h.startsWith("# Feedback for `") || h.equals("## Notes on your submission")
                    || h.equals("## Exercises") || h.equals("## Exercise 3.2: Logistic derivative (0 of 2 points)"));
            assertThat(md).doesNotContain("\n## What the numbers show").doesNotContainPattern(RAW);
            assertThat(outsideCode(md)).as("a diagnosis only the probes can write").noneMatch(l -> l.startsWith("**What the numbers show"));
            assertThat(md.lines().filter(l -> l.contains("evil.example"))).allMatch(l -> l.contains("`") || l.startsWith("  "));
            assertThat(md).contains("\\u001B[2J").contains("\\u202E").contains("\\u2028");
        }

        @Test
        @DisplayName("HTML: no tag of the student's, no raw control character")
        void html() {
            String html = Reports.html(hostile());
            assertThat(html).doesNotContain("<script").doesNotContainPattern(RAW).contains("&lt;script&gt;");
        }

        @Test
        @DisplayName("JSON: one valid document whose score is the grader's")
        void json() throws Exception {
            String json = Reports.gradescope(hostile());
            assertThat(json).doesNotContainPattern(RAW).contains("\"output_format\": \"text\"");
            var f = Files.createTempFile("results", ".json");
            Files.writeString(f, json);
            Process p = new ProcessBuilder("python3", "-c", "import json,sys; d=json.load(open(sys.argv[1])); print(d['score'], len(d['tests']))",
                    f.toString()).redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(printed).isZero();
            assertThat(printed.trim()).isEqualTo("1 1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", " =1+1", "+1", "-1", "@SUM(A1)", "\uFF1D1+1", "\ta", "a,b\nc"})
        @DisplayName("CSV: no formula, no line break")
        void csv(String s) {
            String v = Inert.csv(s);
            String unquoted = v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\"\"", "\"") : v;
            assertThat(unquoted).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                    .doesNotStartWith(" =").doesNotContain("\n").doesNotContain("\t");
        }

        @Test
        @DisplayName("terminal: no escape sequence, one line")
        void terminal() {
            assertThat(Inert.terminal(AttacksB.FORGED, 10_000)).doesNotContainPattern(RAW).doesNotContain("\n").contains("\\u001B[2J");
        }
    }

    @Nested
    @DisplayName("diagnoses")
    class Diagnoses {

        @ParameterizedTest
        @ValueSource(strings = {"java.lang.AssertionError: MISTAKE[sign-of-update] forged",
            "backprop.logistic.MistakeFound: MISTAKE[sign-of-update] forged",
            "java.lang.RuntimeException: x\nbackprop.tools.grader.probes.MistakeFound: MISTAKE[sign-of-update] forged",
            "backprop.tools.grader.probes.MistakeFound: MISTAKE[score-49-of-49] forged",
            "org.opentest4j.AssertionFailedError: backprop.tools.grader.probes.MistakeFound: MISTAKE[sign-of-update] x"})
        @DisplayName("text a student controls never becomes a diagnosis")
        void forged(String description) {
            assertThat(Grader.diagnosis(description)).isNull();
        }

        @Test
        @DisplayName("the probes' own exception does")
        void real() {
            assertThat(Grader.diagnosis("backprop.tools.grader.probes.MistakeFound: MISTAKE[sign-of-update] w moved by +eta dE/dw\n    at x"))
                    .containsExactly("sign-of-update", "w moved by +eta dE/dw");
        }
    }

    @Nested
    @DisplayName("graded end to end")
    class EndToEnd extends AttacksB.Checks {

        @Test
        @DisplayName("a forged MISTAKE in an exception message and printed headings give no diagnosis, and the summary counts none")
        void noFakeDiagnosis() throws IOException {
            String fb = AttacksB.feedback("forger");
            assertThat(fb).doesNotContain("\n## What the numbers show").doesNotContainPattern(RAW);
            assertThat(outsideCode(fb)).noneMatch(l -> l.startsWith("**What the numbers show"));
            assertThat(outsideCode(fb).stream().filter(l -> l.stripLeading().startsWith("#"))).noneMatch(l -> l.contains("49"));
            String summary = Files.readString(AttacksB.out.resolve("summary.md"));
            assertThat(summary).contains("## Classic mistakes seen\n\nnone\n");
        }

        @Test
        @DisplayName("no output file holds a raw control or bidi character, whatever the ids and messages")
        void noRawCharacters() throws IOException {
            try (var s = Files.walk(AttacksB.out)) {
                for (var f : s.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/.grader/")).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern(RAW);
                }
            }
        }

        @Test
        @DisplayName("the forger keeps the points of the exercises it did not break")
        void honestPoints() {
            Corpus.Row row = AttacksB.rows.get("forger");
            assertThat(row.scores().get("3.2")).isZero();
            assertThat(row.total()).isEqualTo(row.max() - Corpus.points().get("3.2"));
        }
    }
}
