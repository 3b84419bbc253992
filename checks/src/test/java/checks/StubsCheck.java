package checks;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.testing.course.CourseMap;
import backprop.testing.course.CourseMap.Exercise;
import checks.CourseTests.Outcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The course's promises about its own tests, checked against the untouched stubs. */
@DisplayName("Against the untouched stubs")
class StubsCheck {

    private static final CourseMap COURSE = CourseMap.load();

    @Test
    @DisplayName("every visible and hidden test fails (a test that passes here is broken)")
    void everyTestFails() {
        List<Outcome> all = CourseTests.all();
        assertThat(all).as("course tests discovered").isNotEmpty();
        assertThat(all.stream().filter(Outcome::passed).map(o -> o.className() + " > " + o.name()))
                .as("tests that PASS against the untouched stubs; they cannot tell a stub from a solution")
                .isEmpty();
        assertThat(all.stream().filter(o -> o.result().isEmpty()).map(Outcome::name))
                .as("tests that never ran")
                .isEmpty();
    }

    @Test
    @DisplayName("every test carries one exercise tag from exercises.tsv and that exercise's chapter tag")
    void everyTestBelongsToOneExercise() {
        List<String> problems = CourseTests.all().stream().map(StubsCheck::tagProblem)
                .filter(p -> !p.isEmpty()).toList();
        assertThat(problems).as("tests whose tags do not name one exercise of the course").isEmpty();
    }

    @Test
    @DisplayName("every exercise has visible and hidden tests")
    void everyExerciseIsTested() {
        Map<String, List<Outcome>> byTag = CourseTests.all().stream()
                .filter(o -> o.tag("ex").isPresent())
                .collect(Collectors.groupingBy(o -> o.tag("ex").get()));
        for (Exercise e : COURSE.exercises()) {
            List<Outcome> tests = byTag.getOrDefault(e.tag(), List.of());
            assertThat(tests.stream().filter(o -> !o.hidden())).as("visible tests of exercise %s", e.id()).isNotEmpty();
            assertThat(tests.stream().filter(Outcome::hidden)).as("hidden tests of exercise %s", e.id()).isNotEmpty();
        }
    }

    private static String tagProblem(Outcome o) {
        String where = o.className() + " > " + o.name();
        var exercise = o.tag("ex").flatMap(tag -> COURSE.exercises().stream().filter(e -> e.tag().equals(tag)).findFirst());
        if (exercise.isEmpty()) {
            return where + ": needs exactly one tag exN.M naming an exercise of exercises.tsv, has " + o.tags();
        }
        String chapter = "ch" + exercise.get().chapter();
        if (!o.tags().contains(chapter)) {
            return where + ": exercise " + exercise.get().id() + " needs the chapter tag " + chapter + ", has " + o.tags();
        }
        return "";
    }
}
