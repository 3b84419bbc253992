package backprop.tools.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * In-process compilation with {@code javax.tools}, from sources in memory to class files in
 * memory. The class path is exactly what the caller gives (nothing from the grader leaks in),
 * annotation processing is off, and every class file remembers the source it came from.
 */
public final class JavaCompile {

    /** A source file: its path below {@code src/main/java} (e.g. {@code backprop/common/Require.java}) and its text. */
    public record Source(String path, String text) {
    }

    /** An error the compiler reported. */
    public record Problem(String path, long line, String message) {
        @Override
        public String toString() {
            return path + ":" + line + ": " + message;
        }
    }

    /** The class files (binary name to bytes), which source each came from, and the errors. */
    public record Output(Map<String, byte[]> classes, Map<String, String> sourceOf, List<Problem> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private JavaCompile() {
    }

    public static Output compile(List<Source> sources, List<Path> classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the grader with a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new TreeMap<>();
        Map<String, String> sourceOf = new TreeMap<>();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            standard.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                        FileObject sibling) {
                    if (sibling instanceof InMemorySource s) {
                        sourceOf.put(className, s.path);
                    }
                    return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            return new ByteArrayOutputStream() {
                                @Override
                                public void close() {
                                    classes.put(className, toByteArray());
                                }
                            };
                        }
                    };
                }
            };
            List<InMemorySource> units = new ArrayList<>();
            for (Source s : sources) {
                units.add(new InMemorySource(s.path(), s.text()));
            }
            List<String> options = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8",
                    "-Xlint:none", "-nowarn", "-Xmaxerrs", "500", "-implicit:none");
            java.io.StringWriter log = new java.io.StringWriter();
            boolean ok = javac.getTask(log, manager, diagnostics, options, null, units).call();
            if (!ok && diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
                // javac swallows its own crashes (a stack overflow, an out-of-memory) and returns false without an error
                throw new Abnormal(abnormal(log.toString()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the compiler's file manager failed: " + e.getMessage(), e);
        }
        List<Problem> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                String path = d.getSource() instanceof InMemorySource s ? s.path : "(no file)";
                errors.add(new Problem(path, d.getLineNumber(), whole(d.getMessage(Locale.ROOT))));
            }
        }
        if (!errors.isEmpty()) {
            return new Output(Map.of(), Map.of(), List.copyOf(errors));
        }
        return new Output(new LinkedHashMap<>(classes), new LinkedHashMap<>(sourceOf), List.of());
    }

    /** The compiler itself failed (not the code it compiled): javac crashed and reported no error. */
    public static final class Abnormal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Abnormal(String message) {
            super(message);
        }
    }

    private static String abnormal(String log) {
        if (log.contains("StackOverflowError")) {
            return "the compiler ran out of stack (code nested too deeply?)";
        }
        if (log.contains("OutOfMemoryError")) {
            return "the compiler ran out of memory";
        }
        String first = log.lines().filter(l -> l.contains("Exception") || l.contains("Error")).findFirst().orElse("no reason given");
        return "the compiler crashed (" + (first.length() > 200 ? first.substring(0, 200) : first).trim() + ")";
    }

    /** javac's diagnostic whole, on one line: "cannot find symbol; symbol: variable rate; location: class Network". */
    static String whole(String s) {
        String one = s.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining("; "));
        return one.length() > 600 ? one.substring(0, 600) + " [...]" : one;
    }

    private static final class InMemorySource extends SimpleJavaFileObject {
        final String path;
        final String text;

        InMemorySource(String path, String text) {
            super(URI.create("mem:///" + path), Kind.SOURCE);
            this.path = path;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
