package checks;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.testing.ProgressReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The student's build (exercises/pom.xml and exercises/.mvn/jvm.config): the tests run in Maven's
 * own JVM, Surefire's recap stays quiet so that the progress table ends the run, and a
 * System.exit in the code under test is named rather than silently ending the build.
 */
@DisplayName("The student's build")
class StudentBuildCheck {

    static final String RECAP_LOGGER = "org.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire.SurefireMojo";

    private static final Path EXERCISES = CourseRoot.PATH.resolve("exercises");

    @Test
    @DisplayName("keeps Surefire's recap logger off in .mvn/jvm.config, so the table and Next are the run's last lines")
    void recapIsOff() throws IOException {
        String config = Files.readString(EXERCISES.resolve(".mvn/jvm.config"), StandardCharsets.UTF_8);
        assertThat(config.strip().split("\\s+")).as("the options of exercises/.mvn/jvm.config")
                .contains("-D" + RECAP_LOGGER + "=off");
    }

    @Test
    @DisplayName("tells the student, in the kit's README, how to bring the recap back")
    void readmeBringsTheRecapBack() throws IOException {
        String readme = Files.readString(CourseRoot.PATH.resolve("grader/src/main/resources/kit/README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as("the kit's README").contains("-D" + RECAP_LOGGER + "=info");
    }

    @Test
    @DisplayName("runs the tests in Maven's JVM by default (forkCount 0), and -DforkCount=1 still reaches Surefire")
    void noForkByDefault() throws IOException {
        String pom = Files.readString(EXERCISES.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertThat(property(pom, "forkCount")).as("<forkCount> in the <properties> of exercises/pom.xml").isEqualTo("0");
        assertThat(pom).as("Surefire's configuration in exercises/pom.xml").contains("<forkCount>${forkCount}</forkCount>");
    }

    private static String property(String pom, String name) {
        Matcher properties = Pattern.compile("(?s)<properties>(.*?)</properties>").matcher(pom);
        if (!properties.find()) {
            return "(no <properties>)";
        }
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(properties.group(1));
        return m.find() ? m.group(1).strip() : "(missing)";
    }

    @Test
    @DisplayName("names the test and the line when the code under test calls System.exit, in a JVM that really exits")
    void exitDuringATest() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("exit-notice", ".log");
        try {
            Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), ExitingRun.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int code = p.waitFor();
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(code).as("the exit status the test asked for; output:%n%s", out).isEqualTo(ExitingRun.STATUS);
            assertThat(out).as("what the JVM printed as it ended")
                    .contains("The run stopped during the test \"" + ExitingRun.NAME + "\" (exercise 1.1)")
                    .contains("called System.exit at " + ExitingRun.class.getName() + ".exits(StudentBuildCheck.java:")
                    .doesNotContain("Progress (exercises passing)");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    @DisplayName("says nothing of System.exit when Ctrl-C ends the run, and still names the test")
    void interrupted() {
        Map<Thread, StackTraceElement[]> stacks = Map.of(Thread.currentThread(), new StackTraceElement[] {
            new StackTraceElement("java.lang.Shutdown", "exit", "Shutdown.java", 173),
            new StackTraceElement("java.lang.Terminator$1", "handle", "Terminator.java", 51),
            new StackTraceElement("jdk.internal.misc.Signal$1", "run", "Signal.java", 220)});
        assertThat(ProgressReport.exitNotice("A > b", Optional.of("2.4"), stacks))
                .isEqualTo("The run was interrupted (Ctrl-C or a signal) during the test \"A > b\" (exercise 2.4), so it ends without the progress table.");
    }

    @Test
    @DisplayName("finds System.exit's caller on any thread, past System and Runtime, and says System.exit when no frame is left")
    void exitCaller() {
        StackTraceElement student = new StackTraceElement("backprop.loss.BatchLoss", "average", "BatchLoss.java", 20);
        Map<Thread, StackTraceElement[]> stacks = Map.of(
                new Thread(() -> { }), new StackTraceElement[] {new StackTraceElement("java.lang.Object", "wait", "Object.java", 1)},
                Thread.currentThread(), new StackTraceElement[] {
                    new StackTraceElement("java.lang.Thread", "join", "Thread.java", 1),
                    new StackTraceElement("java.lang.Shutdown", "exit", "Shutdown.java", 173),
                    new StackTraceElement("java.lang.Runtime", "exit", "Runtime.java", 115),
                    new StackTraceElement("java.lang.System", "exit", "System.java", 1860), student});
        assertThat(ProgressReport.exitNotice("A > b", Optional.empty(), stacks))
                .startsWith("The run stopped during the test \"A > b\": the code under test called System.exit at backprop.loss.BatchLoss.average(BatchLoss.java:20), ");
        assertThat(ProgressReport.exitNotice("A > b", Optional.empty(), Map.of()))
                .contains("the code under test called System.exit, which ends Maven");
    }

    /** Run in a JVM of its own by {@link #exitDuringATest}: one course-style test that calls System.exit. */
    static final class ExitingRun {

        static final int STATUS = 3;
        static final String NAME = "ExitingTest > calls System.exit";

        public static void main(String[] args) {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(ExitingTest.class)).build(), new ProgressReport());
            System.out.println("the test returned; the JVM did not exit in it");
        }

        void exits() {
            System.exit(STATUS);
        }
    }

    @Tag("ch1")
    @Tag("ex1.1")
    @DisplayName("ExitingTest")
    static final class ExitingTest {

        @Test
        @DisplayName("calls System.exit")
        void exits() {
            new ExitingRun().exits();
        }
    }
}
