package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.tools.grader.JavaCompile.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the bytecode allowlist lets through and what it refuses, and why. */
@DisplayName("The bytecode allowlist")
class AllowlistTest {

    private static List<Allowlist.Violation> check(String body) {
        String src = """
                package backprop.logistic;

                import java.util.*;
                import java.util.function.*;
                import java.util.stream.*;

                public final class Probe {
                    record Pair(double a, double b) { }
                    enum Kind { A, B }
                    public static Object run(double z) throws Exception {
                %s
                    }
                }
                """.formatted(body);
        JavaCompile.Output out = JavaCompile.compile(List.of(new Source("backprop/logistic/Probe.java", src)), List.of());
        assertThat(out.errors()).as("the snippet compiles").isEmpty();
        return Allowlist.check(out.classes());
    }

    @Nested
    @DisplayName("allows what javac makes of ordinary course code")
    class Allows {

        @Test
        @DisplayName("lambdas, method references, string concatenation, records, enum switches, streams and asserts")
        void ordinaryCode() {
            assertThat(check("""
                    DoubleUnaryOperator f = x -> x * z;
                    DoubleUnaryOperator g = Math::abs;
                    Kind k = Kind.valueOf("A");
                    int n = switch (k) { case A -> 1; case B -> 2; };
                    String s = "z = " + z + ", n = " + n;
                    switch (s) { case "x" -> n++; default -> n--; }
                    assert n > -5 : "n";
                    Pair p = new Pair(1, 2);
                    List<Double> list = DoubleStream.of(1, 2, 3).map(f).map(g).boxed().collect(Collectors.toList());
                    Map<String, Integer> m = new TreeMap<>();
                    m.merge(s, 1, Integer::sum);
                    System.out.println(p + " " + p.equals(p) + p.hashCode() + list + Arrays.toString(new double[] {1}));
                    return Optional.of(new Random(7).nextGaussian()).orElse(0.0) + Math.exp(z) + Double.compare(1, 2) + String.format("%.2f", z);
                    """)).isEmpty();
        }

        @Test
        @DisplayName("the course's reference solution and its stubs")
        void course() throws IOException {
            for (String tree : List.of("solutions/src/main/java", "exercises/src/main/java")) {
                Path root = Corpus.courseRoot().resolve(tree);
                List<Source> sources = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.add(new Source(root.relativize(p).toString(), Files.readString(p)));
                    }
                }
                JavaCompile.Output out = JavaCompile.compile(sources, List.of());
                assertThat(out.errors()).as(tree).isEmpty();
                assertThat(Allowlist.check(out.classes())).as(tree).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "System.exit(1); return null;                                          | a submission may not end the JVM",
        "IntConsumer q = System::exit; q.accept(1); return q;                  | a submission may not end the JVM",
        "Runtime.getRuntime().halt(1); return null;                            | processes and the runtime",
        "return new ProcessBuilder(\"ls\").start();                              | processes and the runtime",
        "return System.getenv(\"HOME\");                                         | environment and system properties",
        "return System.getProperty(\"user.home\");                               | environment and system properties",
        "return Integer.getInteger(\"x\");                                       | reading system properties",
        "System.setOut(null); return null;                                     | standard streams",
        "return new Thread(() -> { });                                         | threads",
        "return List.of(1, 2).parallelStream().count();                        | parallel streams",
        "return java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")); | files and channels",
        "return new java.io.FileInputStream(\"/etc/passwd\");                    | files and I/O streams",
        "return new java.io.PrintStream(\"/tmp/x\");                             | files and I/O streams",
        "return new java.net.Socket(\"127.0.0.1\", 9);                           | the network",
        "return Probe.class.getDeclaredMethods();                              | reflection",
        "return Class.forName(\"backprop.tools.grader.harness.Harness\");        | reflection",
        "return java.lang.invoke.MethodHandles.lookup();                       | method handles",
        "return Thread.currentThread().getContextClassLoader();               | threads",
        "return java.util.concurrent.Executors.newFixedThreadPool(2);          | threads",
        "Locale.setDefault(Locale.GERMANY); return null;                       | JVM-wide defaults",
        "return new Scanner(\"x\");                                              | files and input streams",
        "class W extends ArrayList<Double> { } return new W().parallelStream().count(); | may extend or implement only",
        "class Z extends SimpleTimeZone { Z() { super(0, \"z\"); } } Z.setDefault(new Z()); return null; | may extend or implement only",
        "class Q { void w() throws Exception { synchronized (this) { wait(1); } } } new Q().w(); return null; | threads",
        "abstract class B implements Collection<Double> { } return null;      | may extend or implement only",
        "interface S extends DoubleStream { } return null;                     | may extend or implement only",
    })
    @DisplayName("refuses, naming the reason")
    void refuses(String body, String reason) {
        List<Allowlist.Violation> v = check(body);
        assertThat(v).as(body).isNotEmpty();
        assertThat(v.toString()).contains(reason);
    }

    @Test
    @DisplayName("refuses any class of the test bundle: named, called, extended or redefined")
    void testClasses() {
        String test = """
                package backprop.logistic;

                public class ReluTest {
                    public static double expected(double z) {
                        return z;
                    }
                }
                """;
        String user = """
                package backprop.logistic;

                final class Spy extends ReluTest {
                    static double cheat(double z) {
                        return ReluTest.expected(z);
                    }
                }
                """;
        JavaCompile.Output out = JavaCompile.compile(List.of(new Source("backprop/logistic/ReluTest.java", test),
                new Source("backprop/logistic/Spy.java", user)), List.of());
        assertThat(out.errors()).isEmpty();
        List<Allowlist.Violation> v = Allowlist.check(out.classes());
        assertThat(v).extracting(Allowlist.Violation::className).contains("backprop/logistic/ReluTest", "backprop/logistic/Spy");
        assertThat(v.toString()).contains("a class of the course's tests");
        assertThat(Allowlist.check(java.util.Map.of("backprop/logistic/Spy", out.classes().get("backprop.logistic.Spy"))).toString())
                .as("a reference to a course-package class the submission does not define can only be a test")
                .contains("a class of the course's tests");
    }

    @Test
    @DisplayName("refuses native methods, finalizers and classes outside the course packages")
    void declarations() {
        String src = """
                package backprop.tools.grader.harness;

                public class Fake {
                    static native void boom();

                    @Override
                    protected void finalize() { }
                }
                """;
        JavaCompile.Output out = JavaCompile.compile(List.of(new Source("backprop/tools/grader/harness/Fake.java", src)), List.of());
        assertThat(Allowlist.check(out.classes()).toString()).contains("native code").contains("finalizers")
                .contains("may only define classes in the course packages");
    }
}
