package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit as a student gets it: unzipped with {@code unzip} into an empty folder, it runs the
 * student's tests with its own Maven wrapper, offline (the Maven distribution and the local
 * repository are the ones the course's own set-up fetched), red on the stubs and green with the
 * reference code copied in, and then every notebook of the kit with Jupyter (nbclient) on the
 * kit's own kernel against the kit's own compiled classes. Slow (two Maven runs and every
 * notebook), so it runs where the real-Jupyter checks do: with {@code CI=true}.
 */
@EnabledIfEnvironmentVariable(named = "CI", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The student kit, unzipped into an empty folder (CI=true)")
class StudentKitStandaloneTest {

    private static final long MINUTES = 20;

    @TempDir
    static Path work;

    static Path kit;

    @BeforeAll
    static void unzip() throws Exception {
        Path zip = StudentKitTest.writeKit();
        kit = Files.createDirectories(work.resolve("kit"));
        Run unzip = run(kit, Map.of(), "unzip", "-q", zip.toString());
        assertThat(unzip.code()).as(unzip.output()).isZero();
    }

    @Test
    @Order(1)
    @DisplayName("./mvnw -o test on the stubs fails, and its last lines are the progress table and Next, with no recap of Surefire's")
    void redOnTheStubs() throws Exception {
        Run test = mvnw("test");
        List<String> last = endsWithTheTable(test);
        assertThat(test.output()).as("Surefire's recap is off (.mvn/jvm.config)").doesNotContain("Tests run:").doesNotContain("Results:");
        assertThat(test.lastLines(1000)).as("a run on the stubs is the table and nothing else:%n%s", test.output())
                .hasSizeLessThanOrEqualTo(last.size());
    }

    @Test
    @Order(2)
    @DisplayName("./mvnw -o test -Dgroups=3.1, a tag no test has, fails and lists the tags in use")
    void tagTypo() throws Exception {
        Run test = mvnw("test", "-Dgroups=3.1");
        assertThat(test.code()).as(test.output()).isNotZero();
        assertThat(test.lastLines(1).get(0)).as(test.output()).startsWith("No test has the tag 3.1").contains("ex3.1");
    }

    @Test
    @Order(3)
    @DisplayName("in Maven's own JVM, an exception in the student's code is printed with the test's display name and the student's line")
    void studentsLine() throws Exception {
        int line = plantInLinearNeuron("double[] w = {w1}; return x1 * w[0] + x2 * w[1];");
        Run test = mvnw("test", "-Dgroups=ex1.1");
        assertThat(test.code()).as(test.output()).isNotZero();
        assertThat(test.output()).as("the failure, printed once per test")
                .contains("FAILED Exercise 1.1: the linear neuron's output > ")
                .contains("java.lang.ArrayIndexOutOfBoundsException: Index 1 out of bounds for length 1")
                .contains("at backprop.intuition.LinearNeuron.output(LinearNeuron.java:" + line + ")");
        assertThat(test.lastLines(1).get(0)).as(test.output()).startsWith("Next: exercise 1.1")
                .contains("ArrayIndexOutOfBoundsException").endsWith("(at LinearNeuron.java:" + line + ")");
    }

    @Test
    @Order(4)
    @DisplayName("in Maven's own JVM, a System.exit in the student's code ends the run with one sentence naming the test and the line")
    void systemExit() throws Exception {
        int line = plantInLinearNeuron("System.exit(3); return 0;");
        Run test = mvnw("test", "-Dgroups=ex1.1");
        assertThat(test.code()).as("the status the student's code exited with: the tests ran in Maven's JVM%n%s", test.output()).isEqualTo(3);
        assertThat(test.lastLines(1).get(0)).as(test.output())
                .startsWith("The run stopped during the test \"Exercise 1.1: the linear neuron's output > ")
                .contains("the code under test called System.exit at backprop.intuition.LinearNeuron.output(LinearNeuron.java:" + line + ")");
    }

    @Test
    @Order(5)
    @DisplayName("./mvnw -o test -DforkCount=1 runs the tests in a JVM of their own, and still ends with the table")
    void forked() throws Exception {
        Files.writeString(linearNeuron(), stub(), StandardCharsets.UTF_8);
        endsWithTheTable(mvnw("test", "-DforkCount=1"));
    }

    /** A failed run on the stubs whose last ten lines hold the table and end with "Next: exercise 1.1"; returns them. */
    private static List<String> endsWithTheTable(Run test) {
        assertThat(test.code()).as(test.output()).isNotZero();
        List<String> last = test.lastLines(10);
        assertThat(last).as(test.output()).anyMatch(l -> l.equals("Progress (exercises passing)"));
        assertThat(last.get(last.size() - 1)).as("the run's last line").startsWith("Next: exercise 1.1");
        return last;
    }

    private static Path linearNeuron() {
        return kit.resolve("exercises/src/main/java/backprop/intuition/LinearNeuron.java");
    }

    private static String stubText;

    private static String stub() throws IOException {
        if (stubText == null) {
            stubText = Files.readString(linearNeuron(), StandardCharsets.UTF_8);
        }
        return stubText;
    }

    /** Replaces the stub's throw in LinearNeuron.output with {@code code}; returns its line number. */
    private static int plantInLinearNeuron(String code) throws IOException {
        String stub = stub();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("throw new UnsupportedOperationException\\(\"Chapter 1, exercise 1\\.1:[^;]*;").matcher(stub);
        assertThat(m.find()).as("the stub of exercise 1.1 in the kit").isTrue();
        Files.writeString(linearNeuron(), stub.substring(0, m.start()) + code + stub.substring(m.end()), StandardCharsets.UTF_8);
        return (int) stub.substring(0, m.start()).lines().count();
    }

    @Test
    @Order(6)
    @DisplayName("./mvnw -o test with the reference code copied in passes, ending with the table")
    void greenWithTheReference() throws Exception {
        Corpus.copyTree(Corpus.courseRoot().resolve("solutions/src/main/java"), kit.resolve("exercises/src/main/java"));
        Run test = mvnw("test");
        assertThat(test.code()).as(test.output()).isZero();
        assertThat(test.lastLines(3)).as(test.output()).contains("All exercises that ran pass.");
    }

    @Test
    @Order(7)
    @DisplayName("every notebook runs with nbclient on the kit's kernel, against the kit's compiled classes")
    void notebooksRunOnTheKitsKernel() throws Exception {
        Path jupyter = Files.createDirectories(work.resolve("jupyter"));
        String classpath = kit.resolve("exercises/target/classes") + java.io.File.pathSeparator + kit.resolve(StudentKit.FIGURES_JAR);
        // the README's command, with a --dir so that nothing is written outside the test's folder
        Run install = run(kit, Map.of(), javaCommand(), "-jar", kit.resolve(StudentKit.KERNEL_JAR).toString(), "install",
                "--dir", jupyter.resolve("kernels/java").toString(), "--classpath", classpath);
        assertThat(install.code()).as(install.output()).isZero();
        Run notebooks = run(kit, Map.of("JUPYTER_PATH", jupyter.toString(), "JUPYTER_DATA_DIR", jupyter.toString(),
                        "JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString(), "JUPYTER_CONFIG_DIR", jupyter.resolve("config").toString(),
                        "JUPYTER_PLATFORM_DIRS", "1", "PYTHONDONTWRITEBYTECODE", "1"),
                System.getProperty("python", "/usr/bin/python3"),
                Corpus.courseRoot().resolve("kernel/src/test/python/run_notebooks.py").toString(), kit.resolve("notebooks").toString());
        System.out.println(notebooks.output());
        assertThat(notebooks.code()).as(notebooks.output()).isZero();
        long kitNotebooks;
        try (var files = Files.list(kit.resolve("notebooks"))) {
            kitNotebooks = files.filter(f -> f.toString().endsWith(".ipynb")).count();
        }
        assertThat(notebooks.output()).contains("notebooks: " + kitNotebooks + " passed, 0 failed");
    }

    private static Run mvnw(String... goals) throws Exception {
        List<String> command = new ArrayList<>(List.of("./mvnw", "-o", "-q", "-B"));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(goals));
        return run(kit.resolve("exercises"), Map.of(), command.toArray(String[]::new));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Run(int code, String output) {

        List<String> lastLines(int n) {
            List<String> lines = output.lines().map(l -> l.replaceAll("\u001B\\[[;\\d]*m", "").stripTrailing())
                    .filter(l -> !l.isBlank()).toList();
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        }
    }

    private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        Path log = Files.createTempFile(work, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + MINUTES + " minutes:\n" + read(log));
        }
        return new Run(p.exitValue(), read(log));
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
