package checks;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.testing.Failure;
import backprop.testing.Progress;
import backprop.testing.ProgressTable;
import backprop.testing.StudentFrames;
import backprop.testing.course.CourseMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The student's progress table and failure lines (exercises/src/test/java/backprop/testing). */
@DisplayName("The student's progress report")
class ProgressTableCheck {

    @TempDir
    Path dir;

    private String out;

    private int report(Progress progress, String groups) throws IOException {
        Path file = dir.resolve("progress.tsv");
        if (progress != null) {
            Files.writeString(file, progress.toTsv());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ProgressTable.report(file, groups, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        out = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }

    private List<String> lines() {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    @DisplayName("ends with the table and a Next line naming the first failing exercise, its test and the problem; the run fails")
    void redRun() throws IOException {
        Progress p = new Progress(3, Map.of("ex1.1", true, "ex1.3", false),
                Map.of("ex1.3", "\"Squared error > derivative > [1]\": expected 2.0 but was 1.0"));
        assertThat(Progress.parse(p.toTsv())).as("the file between the JVMs").isEqualTo(p);
        assertThat(report(p, null)).isEqualTo(1);
        List<String> lines = lines();
        assertThat(lines.get(0)).isEqualTo("Progress (exercises passing)");
        assertThat(lines.get(1)).matches("  Chapter 1  Learning as an optimization problem +1/2 +next 1\\.3 The derivative of the squared error");
        assertThat(lines.get(lines.size() - 1)).startsWith("Next: exercise 1.3 (")
                .contains("\"Squared error > derivative > [1]\"").endsWith("expected 2.0 but was 1.0");
    }

    @Test
    @DisplayName("names, in every row, the chapter's title and its first exercise still to do by number and title, in columns that line up")
    void titleColumn() throws IOException {
        Map<String, Boolean> passed = new java.util.HashMap<>();
        CourseMap.load().exercises().forEach(x -> passed.put(x.tag(), x.chapter() != 3 && !x.id().equals("7.2")));
        report(new Progress(passed.size(), passed, Map.of()), null);
        List<String> rows = lines().subList(1, lines().size() - 1);
        assertThat(rows).hasSize(CourseMap.load().chapters().size());
        assertThat(rows.get(0)).endsWith("   7/7   all pass");
        assertThat(rows.get(2)).matches("  Chapter 3  The logistic function and its derivative +0/5 +next 3\\.1 The logistic function without overflow");
        assertThat(rows.get(6)).startsWith("  Chapter 7  Computational graphs and automatic differentiation   9/10  next 7.2 Power, exponential");
        assertThat(rows.stream().map(r -> r.indexOf('/'))).as("where the counts stand in %s", rows).containsOnly(rows.get(6).indexOf('/'));
        assertThat(lines().get(lines().size() - 1)).startsWith("Next: exercise 3.1 (The logistic function without overflow). Its test failed");
    }

    /** The run README.md shows: chapter 1 done, chapter 2 at exercise 2.4 with the chain rule's phi' left out. */
    static Progress readmeExample() {
        Map<String, Boolean> passed = new java.util.HashMap<>();
        CourseMap.load().exercises().forEach(x -> passed.put(x.tag(), x.chapter() == 1 || List.of("2.1", "2.2", "2.3").contains(x.id())));
        return new Progress(212, passed, Map.of("ex2.4", "\"A neuron with weights, a bias and an activation > Exercise 2.4: the gradient by the chain"
                + " rule (Eq. 2.3) > of a logistic neuron at net = 0 on x = (1, 2), t = 1 is (-0.125, -0.25) and -0.125 for the bias\":"
                + " [dE/dw[0]] expected -0.125 (within 1.0E-12) but was -0.5"));
    }

    @Test
    @DisplayName("is shown in README.md (and in the kit's README, if it shows one) exactly as ProgressTable prints it")
    void readmeShowsTheRealTable() throws IOException {
        report(readmeExample(), null);
        String printed = out.strip();
        Path root = CourseRoot.PATH;
        int shown = 0;
        for (Path readme : List.of(root.resolve("README.md"), root.resolve("grader/src/main/resources/kit/README.md"))) {
            List<String> examples = tableExamples(Files.readString(readme));
            for (String example : examples) {
                assertThat(example).as("the progress table in %s, which must be ProgressTable's output for "
                        + "ProgressTableCheck.readmeExample(); paste this:%n%s%n", readme, printed).isEqualTo(printed);
            }
            shown += examples.size();
        }
        assertThat(shown).as("examples of the progress table in README.md").isPositive();
    }

    @Test
    @DisplayName("finds the table in a README's code block, indented or not, and nothing else")
    void readsReadmeExamples() {
        assertThat(tableExamples("x\n   ```\n   Progress (exercises passing)\n     Chapter 1  A  1/2\n   Next: y\n   ```\n"
                + "```sh\n./mvnw test\n```\n```\nProgress (exercises passing)\n```\n"))
                .containsExactly("Progress (exercises passing)\n  Chapter 1  A  1/2\nNext: y", "Progress (exercises passing)");
    }

    /** Every fenced code block whose first line is the table's heading, with the block's indentation removed. */
    static List<String> tableExamples(String markdown) {
        List<String> examples = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^( *)```[^\n]*\n((?:.*\n)*?)\\1```").matcher(markdown);
        while (m.find()) {
            String block = m.group(2).stripTrailing().stripIndent().strip();
            if (block.startsWith("Progress (exercises passing)")) {
                examples.add(block);
            }
        }
        return examples;
    }

    @Test
    @DisplayName("says so when everything that ran passes, and the run is green")
    void greenRun() throws IOException {
        assertThat(report(new Progress(2, Map.of("ex3.1", true), Map.of()), "ex3.1")).isZero();
        assertThat(lines().get(lines().size() - 1)).isEqualTo("All exercises that ran pass.");
    }

    @Test
    @DisplayName("fails a run in which no test has the -Dgroups tag, naming the tag and the tags in use")
    void noTestMatched() throws IOException {
        assertThat(report(new Progress(0, Map.of(), Map.of()), "3.1")).isEqualTo(1);
        assertThat(out).contains("No test has the tag 3.1").contains("ch3").contains("ex3.1").contains("ex1.1");
    }

    @Test
    @DisplayName("fails a run whose test JVM never reported back")
    void noReport() throws IOException {
        assertThat(report(null, null)).isEqualTo(1);
        assertThat(out).contains("did not report back");
    }

    @Test
    @DisplayName("reads a failure as expected and actual: JUnit's, AssertJ's isCloseTo, and an exception at the student's line")
    void failureDetails() {
        assertThat(Failure.detail(new AssertionFailedError("[dE/dy] wrong", 2.0, 1.0))).isEqualTo("[dE/dy] expected 2.0 but was 1.0");
        assertThat(Failure.detail(new AssertionError("[phi(800)] \nExpecting actual:\n  NaN\nto be close to:\n  1.0\n"
                + "by less than 1.0E-12 but difference was NaN.\n(a difference of exactly 1.0E-12 being considered valid)")))
                .isEqualTo("[phi(800)] expected 1.0 (within 1.0E-12) but was NaN");
        RuntimeException e = new ArrayIndexOutOfBoundsException("Index 1 out of bounds for length 1");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("backprop.network.Backpropagation", "forward", "Backpropagation.java", 63),
            new StackTraceElement("backprop.network.BackpropagationTest", "x", "BackpropagationTest.java", 10)});
        assertThat(Failure.detail(e)).isEqualTo("ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1 (at Backpropagation.java:63)");
        assertThat(Failure.isStub(new UnsupportedOperationException("Chapter 4, exercise 4.1: write it"))).isTrue();
        assertThat(Failure.isStub(new UnsupportedOperationException("remove"))).isFalse();
    }

    @Test
    @DisplayName("keeps the frame that threw and every course frame, drops JUnit and reflection, and keeps all when no course frame is there")
    void frames() {
        RuntimeException e = new IllegalStateException("x");
        StackTraceElement thrower = new StackTraceElement("java.util.Objects", "checkIndex", "Objects.java", 1);
        StackTraceElement student = new StackTraceElement("backprop.loss.BatchLoss", "average", "BatchLoss.java", 20);
        StackTraceElement test = new StackTraceElement("backprop.loss.BatchLossTest", "example", "BatchLossTest.java", 30);
        StackTraceElement junit = new StackTraceElement("org.junit.platform.X", "run", "X.java", 5);
        StackTraceElement reflection = new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 569);
        e.setStackTrace(new StackTraceElement[] {thrower, student, reflection, test, junit});
        assertThat(StudentFrames.of(e)).containsExactly(thrower, student, test);
        assertThat(Failure.block("A > b", java.util.Optional.of("5.4"), e)).contains("FAILED A > b   (exercise 5.4)")
                .contains("at backprop.loss.BatchLoss.average(BatchLoss.java:20)").doesNotContain("org.junit");
        e.setStackTrace(new StackTraceElement[] {thrower, junit});
        assertThat(StudentFrames.of(e)).containsExactly(thrower, junit);
    }
}
