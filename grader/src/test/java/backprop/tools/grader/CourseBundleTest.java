package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.testing.course.CourseMap;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The course bundle built into the grader covers every exercise, without solutions. */
@DisplayName("The course bundle")
class CourseBundleTest {

    @Test
    @DisplayName("has visible and hidden tests for every exercise of exercises.tsv, and probes")
    void coversEveryExercise() throws Exception {
        CourseBundle course = CourseBundle.load(Files.createTempDirectory("bundle"));
        assertThat(course.missingChapters()).as("chapters left out when the grader was built").isEmpty();
        Map<String, Set<Catalog.Kind>> kinds = course.catalog().entries().stream()
                .collect(Collectors.groupingBy(Catalog.Entry::exercise, Collectors.mapping(Catalog.Entry::kind, Collectors.toSet())));
        for (CourseMap.Exercise e : course.map().exercises()) {
            assertThat(kinds.getOrDefault(e.id(), Set.of())).as("tests of exercise %s", e.id())
                    .contains(Catalog.Kind.VISIBLE, Catalog.Kind.HIDDEN);
        }
        assertThat(course.catalog().probes()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    @DisplayName("ships the stubs' sources, never a solution body in a source")
    void noSolutionInside() throws Exception {
        CourseBundle course = CourseBundle.load(Files.createTempDirectory("bundle"));
        assertThat(course.stubs()).isNotEmpty();
        course.stubs().forEach((path, text) -> assertThat(text).as(path).doesNotContain("BEGIN SOLUTION"));
        try (var walk = Files.walk(course.tests())) {
            assertThat(walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))).isEmpty();
        }
    }

    @Test
    @DisplayName("holds the reference only compiled, beside the tests and not among them, so no test loader can serve it")
    void referenceBesideTheTests() throws Exception {
        CourseBundle course = CourseBundle.load(Files.createTempDirectory("bundle"));
        java.nio.file.Path reference = course.root().resolve("reference");
        assertThat(reference.resolve("backprop/loss/SoftmaxCrossEntropy.class")).isRegularFile();
        assertThat(reference.resolve(backprop.tools.grader.harness.Isolation.MAP)).isRegularFile();
        assertThat(course.tests().resolve("backprop/loss/SoftmaxCrossEntropy.class")).doesNotExist();
        try (var walk = Files.walk(reference)) {
            assertThat(walk.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))).isEmpty();
        }
    }
}
