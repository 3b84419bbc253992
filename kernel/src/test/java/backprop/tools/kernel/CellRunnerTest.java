package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CellRunnerTest {

    private static CellRunner runner;

    @BeforeAll
    static void startRunner() {
        runner = CellRunner.start(KernelSettings.defaults());
    }

    @AfterAll
    static void closeRunner() {
        runner.close();
    }

    @Nested
    class Results {

        @Test
        void lastExpressionIsTheResult() {
            CellResult result = runner.run("int a = 20;\nint b = 22;\na + b");

            assertThat(result.error()).isNull();
            assertThat(result.resultText()).isEqualTo("42");
        }

        @Test
        void aStringResultIsPlainText() {
            CellResult result = runner.run("\"hello\" + \", world\"");

            assertThat(result.resultText()).isEqualTo("hello, world");
        }

        @Test
        void declarationsAndStatementsHaveNoResult() {
            assertThat(runner.run("int unused = 3;").result()).isNull();
            assertThat(runner.run("System.out.print(\"\")").result()).isNull();
        }

        @Test
        void definitionsSurviveFromCellToCell() {
            runner.run("double square(double x) { return x * x; }");

            assertThat(runner.run("square(1.5)").resultText()).isEqualTo("2.25");
        }

        @Test
        void arraysShowTheirElements() {
            assertThat(runner.run("new int[] {1, 2, 3}").resultText()).isEqualTo("int[3] { 1, 2, 3 }");
        }

        @Test
        void ijavaImportsAreThere() {
            assertThat(runner.run("new ArrayList<>(List.of(1, 2)).size()").resultText()).isEqualTo("2");
        }
    }

    @Nested
    class Streams {

        @Test
        void stdoutAndStderrAreCapturedPerCell() {
            CellResult result = runner.run("System.out.println(\"hello, world\");\nSystem.err.print(\"oops\");");

            assertThat(result.error()).isNull();
            assertThat(result.stdout()).isEqualTo("hello, world\n");
            assertThat(result.stderr()).isEqualTo("oops");
            assertThat(runner.run("1").stdout()).isEmpty();
        }

        @Test
        void outputStreamsWhileTheCellRuns() {
            StringBuilder seen = new StringBuilder();
            CellOutput live = new RecordingOutput(seen);

            runner.run("System.out.println(\"first\"); System.out.println(\"second\");", live);

            // batched (BatchedOutputTest): the lines arrive in order, in one message or more
            assertThat(seen.toString()).startsWith("out:").doesNotContain("err:");
            assertThat(seen.toString().replace("out:", "")).isEqualTo("first\nsecond\n");
        }

        @Test
        void printfWorksAsInIJava() {
            assertThat(runner.run("printf(\"%d-%s%n\", 7, \"x\");").stdout()).isEqualTo("7-x" + System.lineSeparator());
        }
    }

    @Nested
    class Displays {

        @Test
        void displayOfAnImageGivesPng() {
            CellResult result = runner.run(String.join("\n",
                    "var image = new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);",
                    "display(image);"));

            assertThat(result.error()).isNull();
            assertThat(result.displays()).hasSize(1);
            DisplayData shown = result.displays().get(0);
            assertThat(shown.hasDataForType(MIMEType.IMAGE_PNG)).isTrue();
            byte[] png = Base64.getDecoder().decode(shown.getData(MIMEType.IMAGE_PNG).toString());
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png).as("the PNG is whole, up to the CRC of IEND").endsWith('I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82);
            assertThat(result.result()).as("display(...) returns an id that is not echoed").isNull();
        }

        @Test
        void anImageAsLastExpressionIsAPngResult() throws IOException {
            for (int width = 1; width <= 6; width++) {
                CellResult result = runner.run("new java.awt.image.BufferedImage(" + width
                        + ", 3, java.awt.image.BufferedImage.TYPE_INT_ARGB)");

                byte[] png = Base64.getDecoder().decode(result.result().getData(MIMEType.IMAGE_PNG).toString());
                assertThat(png).endsWith('I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82);
                assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(width);
                assertThat(result.resultText()).isEqualTo("BufferedImage " + width + "x3");
            }
        }

        @Test
        void displayOfHtml() {
            CellResult result = runner.run("display(html(\"<b>bold</b>\"));");

            assertThat(result.displays()).hasSize(1);
            assertThat(result.displays().get(0).getData(MIMEType.TEXT_HTML)).isEqualTo("<b>bold</b>");
        }

        @Test
        void renderWithAMimeTypeIsTheResult() {
            CellResult result = runner.run("render(html(\"<i>x</i>\"), \"text/html\")");

            assertThat(result.result().getData(MIMEType.TEXT_HTML)).isEqualTo("<i>x</i>");
        }

        @Test
        void updateDisplayKeepsTheId() {
            CellResult result = runner.run("String id = display(\"step 1\");\nupdateDisplay(id, \"step 2\");");

            assertThat(result.error()).isNull();
            assertThat(result.displays()).hasSize(2);
            assertThat(result.displays().get(1).getDisplayId()).isEqualTo(result.displays().get(0).getDisplayId());
            assertThat(DisplayBundles.text(result.displays().get(1))).isEqualTo("step 2");
        }
    }

    @Nested
    class Errors {

        @Test
        void aStubShowsItsMessagePlainly() {
            runner.run("double output(double x) { throw new UnsupportedOperationException("
                    + "\"Chapter 1, exercise 1.1: compute y in LinearNeuron.output (Eq. 1.1).\"); }");

            CellResult result = runner.run("output(2.0)");

            CellError error = result.error();
            assertThat(error.ename()).isEqualTo("java.lang.UnsupportedOperationException");
            assertThat(error.evalue()).isEqualTo("Chapter 1, exercise 1.1: compute y in LinearNeuron.output (Eq. 1.1).");
            assertThat(error.traceback()).hasSizeLessThanOrEqualTo(3);
            assertThat(error.traceback().get(0)).contains("Chapter 1, exercise 1.1");
            assertThat(error.describe()).doesNotContain("jdk.jshell", "reflect");
        }

        @Test
        void anExceptionHasAShortTracebackThatNamesTheCellLine() {
            CellResult result = runner.run("int x = 1;\nInteger.parseInt(\"not a number\")", CellOutput.NONE, "In [7]");

            CellError error = result.error();
            assertThat(error.ename()).isEqualTo("java.lang.NumberFormatException");
            assertThat(error.evalue()).isEqualTo("For input string: \"not a number\"");
            assertThat(error.traceback()).hasSizeLessThanOrEqualTo(10);
            assertThat(error.traceback()).last().asString().contains("In [7], line 2");
        }

        @Test
        void aCompileErrorPointsAtTheCode() {
            CellResult result = runner.run("int ok = 1;\nint bad = \"text\";", CellOutput.NONE, "In [3]");

            CellError error = result.error();
            assertThat(error.ename()).isEqualTo("CompilationException");
            assertThat(error.evalue()).contains("incompatible types");
            assertThat(error.traceback().get(0)).isEqualTo("In [3], line 2: int bad = \"text\";");
            assertThat(error.traceback().get(1)).endsWith("^");
        }

        @Test
        void theCellStopsAtTheFirstError() {
            CellResult result = runner.run("System.out.println(\"before\");\nundefinedName();\nSystem.out.println(\"after\");");

            assertThat(result.error()).isNotNull();
            assertThat(result.stdout()).isEqualTo("before\n");
        }

        @Test
        void aMethodWithAMissingDependencyTellsWhatIsMissing() {
            runner.run("int usesMissing() { return missingHelper(); }");

            CellResult result = runner.run("usesMissing()");

            assertThat(result.error().evalue()).contains("usesMissing").contains("missingHelper");
        }
    }

    @Nested
    class Magics {

        @Test
        void classpathAddsADirectoryOfClasses(@TempDir Path dir) throws IOException {
            compile(dir, "demo.Greeter", "package demo; public class Greeter { public static String hi() { return \"hi from dir\"; } }");

            CellResult result = runner.run("%classpath " + dir + "\ndemo.Greeter.hi()");

            assertThat(result.error()).isNull();
            assertThat(result.resultText()).isEqualTo("hi from dir");
            assertThat(runner.classpath()).contains(dir.toAbsolutePath().normalize());
        }

        @Test
        void jarsAddsJarsByGlob(@TempDir Path dir) throws IOException {
            Path classes = Files.createDirectory(dir.resolve("classes"));
            compile(classes, "demojar.Answer", "package demojar; public class Answer { public static int value() { return 42; } }");
            Path lib = Files.createDirectory(dir.resolve("lib"));
            jar(classes, lib.resolve("answer.jar"));

            CellResult result = runner.run("%jars " + lib + "/*.jar\ndemojar.Answer.value()");

            assertThat(result.error()).isNull();
            assertThat(result.resultText()).isEqualTo("42");
        }

        @Test
        void loadRunsAFile(@TempDir Path dir) throws IOException {
            Path script = Files.writeString(dir.resolve("setup.jshell"), "int loadedValue = 5;\n");

            CellResult result = runner.run("%load " + script + "\nloadedValue * 2");

            assertThat(result.resultText()).isEqualTo("10");
        }

        @Test
        void aMissingJarIsAOneLineError(@TempDir Path dir) {
            CellResult result = runner.run("%jars " + dir.resolve("missing.jar"));

            assertThat(result.error().ename()).isEqualTo("MagicError");
            assertThat(result.error().evalue()).startsWith("%jars: no such file or directory: ").contains("missing.jar");
            assertThat(result.error().traceback()).hasSize(1);
        }

        @Test
        void anUnknownMagicIsNamed() {
            CellResult result = runner.run("%maven org.example:x:1");

            assertThat(result.error().evalue()).isEqualTo("%maven: unknown line magic (known: %classpath, %jars, %load)");
        }

        @Test
        void cellMagicsAreRefused() {
            assertThat(runner.run("%%time\n1").error().evalue()).startsWith("%%time: cell magics are not supported");
        }
    }

    @Nested
    class Analysis {

        @Test
        void completeCode() {
            assertThat(runner.isComplete("int x = 1;")).isEqualTo(Completeness.COMPLETE);
            assertThat(runner.isComplete("System.out.println(1)")).isEqualTo(Completeness.COMPLETE);
            assertThat(runner.isComplete("%jars x.jar\nint y = 2;")).isEqualTo(Completeness.COMPLETE);
        }

        @Test
        void incompleteCode() {
            assertThat(runner.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo(Completeness.INCOMPLETE);
            assertThat(runner.isComplete("int z = 1 +")).isEqualTo(Completeness.INCOMPLETE);
        }

        @Test
        void invalidCode() {
            assertThat(runner.isComplete("int x = ;")).isEqualTo(Completeness.INVALID);
            assertThat(runner.isComplete("\"unterminated")).isEqualTo(Completeness.INVALID);
        }

        @Test
        void completionOfAMethodName() {
            String code = "int n = 1;\nMath.ma";

            Completions completions = runner.complete(code, code.length());

            assertThat(completions.matches()).contains("max(");
            assertThat(completions.start()).isEqualTo(code.length() - "ma".length());
            assertThat(completions.end()).isEqualTo(code.length());
        }

        @Test
        void completionOfAVariableDeclaredEarlier() {
            runner.run("int learningRate = 1;");

            assertThat(runner.complete("learningR", 9).matches()).contains("learningRate");
        }

        @Test
        void inspectionGivesSignatures() {
            assertThat(runner.inspect("Math.max(", 9)).hasValueSatisfying(doc -> assertThat(doc).contains("max(int a, int b)"));
        }

        @Test
        void inspectionOfAVariableGivesItsValue() {
            runner.run("double epsilon = 0.5;");

            assertThat(runner.inspect("epsilon", 3)).hasValue("double epsilon = 0.5");
        }
    }

    @Test
    @Timeout(60)
    void aTimeoutStopsABusyLoop() {
        try (CellRunner timed = CellRunner.start(KernelSettings.defaults().withTimeoutMillis(1000))) {
            long start = System.nanoTime();
            CellResult result = timed.run("while (true) {}");
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(result.error().ename()).isEqualTo("TimeoutException");
            assertThat(result.error().evalue()).contains("1000 ms");
            assertThat(millis).isLessThan(10_000);
            // the 1 s limit also applies to this cell: on a busy machine even 1 + 1 can miss it,
            // so a time-out here is retried, and anything else counts
            CellResult after = timed.run("1 + 1");
            for (int attempt = 1; attempt < 5 && after.error() != null && after.error().ename().equals("TimeoutException"); attempt++) {
                after = timed.run("1 + 1");
            }
            assertThat(after.resultText()).as("the shell still works: %s", after.error()).isEqualTo("2");
        }
    }

    @Test
    @Timeout(60)
    void anInterruptStopsABusyLoop() throws InterruptedException {
        Thread interrupter = new Thread(() -> {
            sleep(800);
            runner.interrupt();
        });
        interrupter.start();

        CellResult result = runner.run("long spins = 0; while (true) { spins++; }");
        interrupter.join();

        assertThat(result.error().ename()).isEqualTo("InterruptedException");
        assertThat(runner.run("\"alive\"").resultText()).isEqualTo("alive");
    }

    @Test
    void startupSettingsAreApplied(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("init.jshell"), "int fromScript = 3;\n");
        KernelSettings settings = KernelSettings.defaults()
                .withStartupScripts(List.of(dir + "/*.jshell"))
                .withStartupCode("int fromCode = fromScript + 1;")
                .withClasspath(List.of(dir.resolve("does-not-exist").toString()));

        try (CellRunner started = CellRunner.start(settings)) {
            CellResult first = started.run("fromCode");

            assertThat(first.resultText()).isEqualTo("4");
            assertThat(first.stderr()).contains("IJAVA_CLASSPATH").contains("does-not-exist");
            assertThat(started.run("1").stderr()).isEmpty();
        }
        assertThat(script).exists();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void compile(Path outputDir, String className, String source) throws IOException {
        Path sources = Files.createTempDirectory("src");
        Path file = sources.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-d", outputDir.toString(), file.toString());
        assertThat(status).as("javac of " + className).isZero();
    }

    private static void jar(Path classes, Path jarFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(out);
             var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
    }

    private static final class RecordingOutput implements CellOutput {
        private final StringBuilder seen;

        RecordingOutput(StringBuilder seen) {
            this.seen = seen;
        }

        @Override
        public void stdout(String text) {
            seen.append("out:").append(text);
        }

        @Override
        public void stderr(String text) {
            seen.append("err:").append(text);
        }

        @Override
        public void display(DisplayData data) {
            seen.append("display\n");
        }

        @Override
        public void updateDisplay(DisplayData data) {
            seen.append("update\n");
        }
    }
}
