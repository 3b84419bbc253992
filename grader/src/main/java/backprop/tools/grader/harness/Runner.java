package backprop.tools.grader.harness;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.SelectorResolutionResult;

/**
 * Runs course tests through the JUnit Platform in the current thread and reports every finished
 * test and every failed container to an {@link Events} sink. Used by the child harness (one test
 * method at a time, each in a fresh {@link RoutingLoader}) and at build time to record the catalog.
 */
public final class Runner {

    /** What a run reports. */
    public interface Events {
        /** A test (a leaf) finished. */
        void test(String uid, String displayPath, Set<String> tags, String status, String description);

        /** A container failed, so its tests may never have run. */
        void container(String uid, String description);

        /** A selector could not be resolved (e.g. the test class could not be loaded). */
        void unresolved(String description);

        /** A test or container started. */
        default void started(String uid) {
        }

        /** A test or container finished, whatever its result. */
        default void finished(String uid) {
        }
    }

    private Runner() {
    }

    /** A launcher without any listener, filter or engine discovered from the class path but Jupiter. */
    public static Launcher newLauncher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }

    /** The selector of one test method (plain, template or factory) given by its unique id. */
    public static DiscoverySelector methodSelector(ClassLoader loader, String methodUid) throws ClassNotFoundException {
        UniqueId id = UniqueId.parse(methodUid);
        List<Class<?>> classes = new ArrayList<>();
        String method = null;
        String name = null;
        for (UniqueId.Segment s : id.getSegments()) {
            switch (s.getType()) {
                case "class" -> {
                    name = s.getValue();
                    classes.add(Class.forName(name, false, loader));
                }
                case "nested-class" -> {
                    name = name + "$" + s.getValue();
                    classes.add(Class.forName(name, false, loader));
                }
                case "method", "test-template", "test-factory" -> method = s.getValue();
                default -> {
                    // the engine segment
                }
            }
        }
        if (method == null || classes.isEmpty()) {
            throw new IllegalArgumentException("not a test method: " + methodUid);
        }
        int paren = method.indexOf('(');
        String methodName = method.substring(0, paren);
        String params = method.substring(paren + 1, method.length() - 1);
        if (classes.size() == 1) {
            return selectMethod(classes.get(0), methodName, params);
        }
        return selectNestedMethod(classes.subList(0, classes.size() - 1), classes.get(classes.size() - 1),
                methodName, params);
    }

    /** Selectors of whole classes. */
    public static List<DiscoverySelector> classSelectors(List<Class<?>> classes) {
        return classes.stream().map(c -> (DiscoverySelector) selectClass(c)).toList();
    }

    /** Runs the selected tests in the calling thread. */
    public static void run(Launcher launcher, List<DiscoverySelector> selectors, Map<String, String> config, Events events) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(config)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.platform.discovery.issue.severity.critical", "error")
                .listeners(new LauncherDiscoveryListener() {
                    @Override
                    public void selectorProcessed(UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
                        if (result.getStatus() == SelectorResolutionResult.Status.FAILED) {
                            events.unresolved(result.getThrowable().map(Describe::throwable).orElse("could not be resolved"));
                        }
                    }
                })
                .build();
        launcher.execute(request, new Listener(events));
    }

    private static final class Listener implements TestExecutionListener {
        private final Events events;
        private TestPlan plan;

        Listener(Events events) {
            this.events = events;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            events.started(id.getUniqueId());
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) {
                events.test(id.getUniqueId(), path(id), tags(id), "SKIPPED", String.valueOf(reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String description = result.getThrowable().map(Describe::throwable).orElse("");
            if (id.isTest()) {
                events.test(id.getUniqueId(), path(id), tags(id), result.getStatus().name(), description);
            } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                events.container(id.getUniqueId(), description);
            }
            events.finished(id.getUniqueId());
        }

        private static Set<String> tags(TestIdentifier id) {
            return id.getTags().stream().map(TestTag::getName).collect(Collectors.toSet());
        }

        private String path(TestIdentifier id) {
            List<String> parts = new ArrayList<>();
            for (Optional<TestIdentifier> p = Optional.of(id); p.isPresent(); p = p.get().getParentIdObject().flatMap(this::find)) {
                if (p.get().getParentIdObject().isEmpty()) {
                    break; // the engine
                }
                parts.add(0, p.get().getDisplayName());
            }
            return String.join(" > ", parts);
        }

        private Optional<TestIdentifier> find(UniqueId uid) {
            try {
                return Optional.of(plan.getTestIdentifier(uid));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
