package checks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * Runs every visible and hidden course test once, in-process, against the stubs on the classpath,
 * and keeps, for each test, its name, tags, source class and outcome.
 */
final class CourseTests {

    /** One executed test. */
    record Outcome(String name, String className, Set<String> tags, Optional<TestExecutionResult> result) {

        boolean passed() {
            return result.map(r -> r.getStatus() == TestExecutionResult.Status.SUCCESSFUL).orElse(false);
        }

        boolean hidden() {
            return topLevelClass().endsWith("HiddenTest");
        }

        String topLevelClass() {
            int nested = className.indexOf('$');
            return nested < 0 ? className : className.substring(0, nested);
        }

        Optional<String> tag(String prefix) {
            List<String> matching = tags.stream().filter(t -> t.startsWith(prefix)).toList();
            return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
        }
    }

    private static List<Outcome> outcomes;

    private CourseTests() {
    }

    /** Every course test (package {@code backprop}), run once and cached. */
    static synchronized List<Outcome> all() {
        if (outcomes == null) {
            outcomes = run();
        }
        return outcomes;
    }

    private static List<Outcome> run() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectPackage("backprop"))
                .execute();
        Map<TestDescriptor, Optional<TestExecutionResult>> tests = new LinkedHashMap<>();
        Map<TestDescriptor, TestExecutionResult> containers = new LinkedHashMap<>();
        for (Event e : results.allEvents().list()) {
            TestDescriptor d = e.getTestDescriptor();
            if (e.getType() == EventType.DYNAMIC_TEST_REGISTERED || e.getType() == EventType.STARTED) {
                if (d.isTest()) {
                    tests.putIfAbsent(d, Optional.empty());
                }
            } else if (e.getType() == EventType.FINISHED) {
                TestExecutionResult r = e.getPayload(TestExecutionResult.class).orElseThrow();
                if (d.isTest()) {
                    tests.put(d, Optional.of(r));
                } else {
                    containers.put(d, r);
                }
            }
        }
        // tests under a container that failed before running them (e.g. in @BeforeAll)
        collectNeverStarted(results, containers, tests);
        List<Outcome> list = new ArrayList<>();
        tests.forEach((d, r) -> list.add(new Outcome(name(d), className(d),
                d.getTags().stream().map(TestTag::getName).collect(Collectors.toSet()), r)));
        return list;
    }

    private static void collectNeverStarted(EngineExecutionResults results,
            Map<TestDescriptor, TestExecutionResult> containers,
            Map<TestDescriptor, Optional<TestExecutionResult>> tests) {
        containers.forEach((container, result) -> {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                for (TestDescriptor d : container.getDescendants()) {
                    if (d.isTest()) {
                        tests.putIfAbsent(d, Optional.of(result));
                    }
                }
            }
        });
    }

    private static String className(TestDescriptor d) {
        return d.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource c ? c.getClassName() : "?")
                .orElseGet(() -> d.getParent().map(CourseTests::className).orElse("?"));
    }

    private static String name(TestDescriptor d) {
        List<String> parts = new ArrayList<>();
        for (Optional<TestDescriptor> p = Optional.of(d); p.isPresent() && !p.get().isRoot(); p = p.get().getParent()) {
            parts.add(0, p.get().getDisplayName());
        }
        return String.join(" > ", parts);
    }
}
