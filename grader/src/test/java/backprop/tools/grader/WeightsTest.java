package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Test weights: points follow what the exercise is about")
class WeightsTest {

    static final String CLASS = "[engine:junit-jupiter]/[class:backprop.logistic.LogisticHiddenTest]/[nested-class:Value]";

    /** A method with n invocations of exercise 3.1. */
    static List<Catalog.Entry> method(String name, int n) {
        String m = CLASS + "/[test-template:" + name + "(org.junit.jupiter.api.RepetitionInfo)]";
        List<Catalog.Entry> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(new Catalog.Entry(Catalog.Kind.HIDDEN, "3.1", m, m + "/[test-template-invocation:#" + i + "]", name + " " + i));
        }
        return l;
    }

    static List<Catalog.Entry> course() {
        List<Catalog.Entry> l = new ArrayList<>(method("limits", 1));
        l.addAll(method("random", 4));
        l.addAll(method("rejectsNaN", 1));
        return l;
    }

    static Weights rules(String... lines) {
        return Weights.parse(List.of(lines));
    }

    @Test
    @DisplayName("a test method's key is its class's simple name, nested classes and method without parameters")
    void key() {
        assertThat(Weights.key(course().get(1).methodUid())).isEqualTo("LogisticHiddenTest.Value#random");
        assertThat(Weights.key("[engine:junit-jupiter]/[class:backprop.network.XorTrainingTest]/[method:learnsXor()]")).isEqualTo("XorTrainingTest#learnsXor");
    }

    @Nested
    @DisplayName("scoring")
    class Scoring {

        final Catalog catalog = new Catalog(course()).weighted(rules("*\t0\t*#reject*", "3.1\t8\t*#limits", "3.1\t2\t*Value#random"));

        @Test
        @DisplayName("the headline test carries its weight: failing only it keeps 2 of 10 weight, 0.4 of 2 points")
        void headline() {
            assertThat(catalog.score("3.1", 2, e -> !e.name().startsWith("limits"))).isCloseTo(0.4, within(1e-12));
        }

        @Test
        @DisplayName("the invocations of a method share its weight, so adding cases never shifts points")
        void invocationsShare() {
            assertThat(catalog.fraction("3.1", e -> !e.name().equals("random 1"))).isCloseTo((8 + 1.5) / 10, within(1e-12));
        }

        @Test
        @DisplayName("one failing test that carries weight caps the exercise at half its points, however many others pass")
        void oneBugKeepsAtMostHalf() {
            assertThat(catalog.score("3.1", 2, e -> !e.name().equals("random 1"))).isEqualTo(1.0);
            assertThat(catalog.score("3.1", 2, e -> true)).isEqualTo(2.0);
        }

        @Test
        @DisplayName("validation by given code weighs nothing")
        void validationWeighsNothing() {
            assertThat(catalog.score("3.1", 2, e -> !e.name().startsWith("rejects"))).isEqualTo(2.0);
        }

        @Test
        @DisplayName("the first rule that matches decides, and a catalog line keeps the weight")
        void firstRuleAndRoundTrip() {
            Catalog c = new Catalog(course()).weighted(rules("3.1\t5\t*#limits", "3.1\t1\t*"));
            assertThat(c.entries()).extracting(Catalog.Entry::weight).containsExactly(5.0, 1.0, 1.0, 1.0, 1.0, 1.0);
            Catalog.Entry e = catalog.entries().get(0);
            assertThat(Catalog.Entry.parse(e.line())).isEqualTo(e);
        }

        @Test
        @DisplayName("tests of an exercise without rules weigh 1 each")
        void noRules() {
            Catalog c = new Catalog(course()).weighted(rules("*\t0\t*#reject*"));
            assertThat(c.entries()).extracting(Catalog.Entry::weight).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 0.0);
            assertThat(c.score("3.1", 2, e -> !e.name().startsWith("limits"))).isEqualTo(1.0);
        }
    }

    @Nested
    @DisplayName("rules that do not fit the tests fail the build, naming the problem")
    class Checks {

        @Test
        @DisplayName("a rule that matches no test")
        void unmatched() {
            assertThatThrownBy(() -> new Catalog(course()).weighted(rules("*\t0\t*#reject*", "3.1\t1\t*", "3.1\t4\t*#limts")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 3 (3.1: *#limts) gives no test its weight");
        }

        @Test
        @DisplayName("a test of a headline exercise without a rule")
        void uncovered() {
            assertThatThrownBy(() -> new Catalog(course()).weighted(rules("3.1\t4\t*#limits")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the test LogisticHiddenTest.Value#random of exercise 3.1 has no weight");
        }

        @Test
        @DisplayName("an exercise whose tests weigh nothing, and malformed lines")
        void malformed() {
            assertThatThrownBy(() -> new Catalog(course()).weighted(rules("3.1\t0\t*")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("the tests of exercise 3.1 weigh 0 in total");
            assertThatThrownBy(() -> rules("3.1\tmuch\t*")).hasMessageContaining("line 1: the weight 'much' is not a number");
            assertThatThrownBy(() -> rules("3.1\t-1\t*")).hasMessageContaining("must be finite and at least 0");
            assertThatThrownBy(() -> rules("3.1 2 *")).hasMessageContaining("line 1 has 1 fields");
        }
    }

    @Test
    @DisplayName("the course's weights fit its tests: the bundle's catalog carries them")
    void courseBundle() throws Exception {
        CourseBundle b = CourseBundle.load(java.nio.file.Files.createTempDirectory("course"));
        Set<Double> limits = new java.util.HashSet<>();
        b.catalog().scored().stream().filter(e -> Weights.key(e.methodUid()).equals("LogisticHiddenTest.Value#limits")).forEach(e -> limits.add(e.weight()));
        assertThat(limits).containsExactly(8.0);
    }
}
