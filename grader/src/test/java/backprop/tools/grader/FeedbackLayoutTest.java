package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.tools.grader.Reports.HiddenDetail;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A student's feedback reads in course order")
class FeedbackLayoutTest {

    private static final String HIDDEN_MESSAGE = "[the limit at z = -800] \nexpected: 0.0\n but was: NaN\n\tat backprop.logistic.Logistic.value(Logistic.java:12)";

    /** Exercise 3.1 with a hidden and a visible failure and a diagnosis, 3.5 at the stub, 3.2 passed, 4.3 with one failure. */
    private static Graded graded() {
        String stub = Reports.NOT_IMPLEMENTED + " Chapter 3, exercise 3.5: return max(0, z) in Relu.value (Eq. 3.6).";
        return new Graded("ada", "h", "graded", "", 1.5, 7, 0,
                List.of(new Graded.Exercise("3.1", "The logistic function without overflow", 2, 3, 1, 0.5),
                        new Graded.Exercise("3.2", "The derivative from the net input", 1, 2, 2, 1),
                        new Graded.Exercise("3.5", "ReLU and its derivative", 1, 3, 0, 0),
                        new Graded.Exercise("4.3", "Inner deltas", 3, 2, 1, 0)),
                List.of(new Graded.Test("4.3", "visible", "sums over every downstream neuron", "failed", "expected: 0.25 but was: 0.5", ""),
                        new Graded.Test("3.1", "hidden", "Exercise 3.1: value > approaches its limits", "failed", HIDDEN_MESSAGE, ""),
                        new Graded.Test("3.1", "visible", "phi(800) = 1, not NaN", "failed", "expected: 1.0 but was: NaN", ""),
                        new Graded.Test("3.1", "visible", "is 1/2 at z = 0", "passed", "", ""),
                        new Graded.Test("3.2", "visible", "is 1/4 at z = 0", "passed", "", ""),
                        new Graded.Test("3.5", "visible", "relu(1.5) = 1.5", "failed", stub, ""),
                        new Graded.Test("3.5", "hidden", "slope 1 right of the kink", "failed", stub, ""),
                        new Graded.Test("3.5", "visible", "relu(-2) = 0", "failed", stub, "")),
                List.of(), List.of(new Graded.Diagnosis("3.1", "logistic-overflow", "your phi(-800) is NaN")));
    }

    private static List<String> headings(String md) {
        return ForgeryTest.outsideCode(md).stream().filter(l -> l.startsWith("#")).toList();
    }

    @Nested
    @DisplayName("in Markdown")
    class InMarkdown {

        final String md = Reports.markdown(graded(), HiddenDetail.SUMMARY);

        @Test
        @DisplayName("one section per exercise with something to say, in course order, no heading twice")
        void sections() {
            assertThat(headings(md)).containsExactly("# Feedback for ` ada `", "## Exercises",
                    "## Exercise 3.1: The logistic function without overflow (0.5 of 2 points)",
                    "## Exercise 3.5: ReLU and its derivative (0 of 1 point)",
                    "## Exercise 4.3: Inner deltas (0 of 3 points)");
        }

        @Test
        @DisplayName("the diagnosis sits in its exercise's section, before the failures")
        void diagnosisInItsSection() {
            int section = md.indexOf("## Exercise 3.1");
            int diagnosis = md.indexOf("**What the numbers show: " + Mistakes.get("logistic-overflow").title() + "**");
            int failures = md.indexOf("2 tests did not pass:");
            assertThat(section).isPositive();
            assertThat(diagnosis).isGreaterThan(section).isLessThan(failures);
            assertThat(failures).isLessThan(md.indexOf("## Exercise 3.5"));
        }

        @Test
        @DisplayName("counts read right: 1 test, 2 tests, 1 point")
        void plurals() {
            assertThat(md).contains("1 test did not pass:").contains("2 tests did not pass:").contains("(0 of 1 point)")
                    .doesNotContain("1 tests").doesNotContain("1 points");
        }

        @Test
        @DisplayName("tests that stop at the stub are one sentence and the stub's message once, not a line each")
        void stubGathered() {
            String section = md.substring(md.indexOf("## Exercise 3.5"), md.indexOf("## Exercise 4.3"));
            assertThat(section).contains("3 tests stop at the stub").doesNotContain("relu(1.5)");
            assertThat(section.split("return max\\(0, z\\)", -1)).hasSize(2);
        }

        @Test
        @DisplayName("the grader's own words carry no HTML entity: only what would open HTML or an entity is escaped, with a backslash")
        void noEntities() {
            Graded g = new Graded("b", "h", "graded", "", 0, 1, 0, List.of(new Graded.Exercise("1.1", "E <b>0.01</b> &amp; done", 1, 1, 0, 0)),
                    List.of(new Graded.Test("1.1", "visible", "E < 0.01 & done > 3", "failed", "", "")), List.of(), List.of());
            String text = Reports.markdown(g, HiddenDetail.SUMMARY);
            assertThat(text).doesNotContain("&lt;").contains("E \\<b>0.01\\</b> \\&amp; done")
                    .contains("E < 0.01 & done > 3");
        }
    }

    @Nested
    @DisplayName("a failed hidden test shows as much as --hidden-detail says")
    class HiddenTests {

        @Test
        @DisplayName("summary (the default): the description, the expected and the actual value, on one line")
        void summary() {
            assertThat(HiddenDetail.DEFAULT).isEqualTo(HiddenDetail.SUMMARY);
            String md = Reports.markdown(graded(), HiddenDetail.SUMMARY);
            assertThat(md).contains("[the limit at z = -800] expected: 0.0 but was: NaN");
        }

        @Test
        @DisplayName("none: only the test's name")
        void none() {
            String md = Reports.markdown(graded(), HiddenDetail.NONE);
            assertThat(md).contains("approaches its limits").doesNotContain("the limit at z = -800").contains("expected: 1.0 but was: NaN");
        }

        @Test
        @DisplayName("full: the whole message, line by line")
        void full() {
            String md = Reports.markdown(graded(), HiddenDetail.FULL);
            assertThat(md).contains("  expected: 0.0\n").contains("Logistic.java:12");
        }

        @Test
        @DisplayName("the HTML and Gradescope outputs follow the same level")
        void otherFormats() {
            assertThat(Reports.html(graded(), HiddenDetail.NONE)).doesNotContain("the limit at z = -800");
            assertThat(Reports.html(graded(), HiddenDetail.SUMMARY)).contains("[the limit at z = -800] expected: 0.0 but was: NaN");
            assertThat(Reports.gradescope(graded(), HiddenDetail.NONE)).doesNotContain("the limit at z = -800");
        }
    }

    @Test
    @DisplayName("the command line refuses an unknown level, naming the three")
    void commandLine() {
        Corpus.Result r = Corpus.grader("grade", "/nonexistent", "--out", "/tmp/x", "--hidden-detail", "most");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("none, summary or full");
    }
}
