package backprop.tools.grader;

import backprop.tools.grader.JavaCompile.Problem;
import backprop.tools.grader.JavaCompile.Source;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Compiles students' sources in a child JVM with a bounded heap ({@link #HEAP_MB}), a big but
 * bounded compiler stack and a time limit, so that nothing javac does on hostile code (an
 * out-of-memory, a stack overflow on deeply nested code, a compile that never ends) can take the
 * grader down or cost another submission anything. The children are kept warm and reused; one
 * that fails is killed and replaced.
 *
 * <p>A file whose syntax tree would be too deep for the compiler's stack is refused by its text
 * first ({@link SourceShape}), so that such a verdict never depends on the state of the JVM.
 * When the compiler fails on a set of sources, each suspect file (one that is not the
 * course's stub) is compiled alone to find the culprits; they are reported as compile errors
 * ("the grader's compiler failed on this file: ..."), so the caller grades them as the stub and
 * names the reason. Class files that a file system would refuse or merge (a name longer than
 * {@link #MAX_CLASS_FILE_NAME} bytes, two names that differ only in case) are reported the same way.
 */
public final class IsolatedCompiler {

    /** Heap of a compiler JVM in MiB. */
    public static final int HEAP_MB = 512;
    /** Stack of the compiling thread in MiB. */
    public static final int STACK_MB = 64;
    /** The longest class file name kept (bytes, with {@code .class}; most file systems allow 255). */
    public static final int MAX_CLASS_FILE_NAME = 200;

    private static final LinkedBlockingDeque<Child> IDLE = new LinkedBlockingDeque<>();

    private IsolatedCompiler() {
    }

    /** The compiler JVM failed on the sources (it crashed, ran out of memory or time). */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /**
     * Compiles in a child JVM; a failure of the compiler comes back as a compile error on each file
     * that causes it. Throws only when the compiler cannot be run at all (the grader is broken).
     *
     * @param suspect which files may be blamed (the student's own, not the course's stubs)
     * @param deadlineNanos when to give up ({@link System#nanoTime()})
     */
    public static JavaCompile.Output compile(List<Source> sources, Predicate<String> suspect, long timeoutSeconds, long deadlineNanos)
            throws IOException {
        // a tree too deep is refused by its text, the same on every run (see SourceShape)
        List<Problem> deep = new ArrayList<>();
        for (Source s : sources) {
            java.util.Optional<Problem> p = SourceShape.check(s);
            if (p.isPresent() && !suspect.test(s.path())) {
                throw new IOException("the course's own stubs are too deep for the grader's compiler: " + p.get());
            }
            p.ifPresent(deep::add);
        }
        if (!deep.isEmpty()) {
            return new JavaCompile.Output(Map.of(), Map.of(), List.copyOf(deep));
        }
        try {
            return checkClassFiles(once(sources, timeoutSeconds, deadlineNanos));
        } catch (Failure whole) {
            List<Problem> culprits = new ArrayList<>();
            List<Source> suspects = sources.stream().filter(s -> suspect.test(s.path())).toList();
            if (suspects.size() == 1) {
                // the only file that can be to blame: no need to try it alone
                return new JavaCompile.Output(Map.of(), Map.of(), List.of(new Problem(suspects.get(0).path(), 0,
                        "the grader's compiler failed on this file: " + whole.getMessage())));
            }
            for (Source s : sources) {
                if (!suspect.test(s.path())) {
                    continue;
                }
                if (System.nanoTime() > deadlineNanos) {
                    // blame no file: the build reports that it could not finish
                    return new JavaCompile.Output(Map.of(), Map.of(), List.of(new Problem("(no file)", 0, "the grader's compiler failed ("
                            + whole.getMessage() + ") and the time for compiling ran out before the file to blame was found")));
                }
                try {
                    once(List.of(s), timeoutSeconds, deadlineNanos);
                } catch (Failure alone) {
                    culprits.add(new Problem(s.path(), 0, "the grader's compiler failed on this file: " + alone.getMessage()));
                }
            }
            if (culprits.isEmpty()) {
                // no single file is to blame: blame the student's files together, never the course's stubs
                sources.stream().filter(s -> suspect.test(s.path())).forEach(s -> culprits.add(new Problem(s.path(), 0,
                        "the grader's compiler failed on the submission's files together: " + whole.getMessage())));
            }
            if (culprits.isEmpty()) {
                throw new IOException("the grader's compiler failed on the course's own stubs: " + whole.getMessage());
            }
            return new JavaCompile.Output(Map.of(), Map.of(), List.copyOf(culprits));
        }
    }

    /** Class files that could not be stored as files, or would overwrite each other where case does not count, as errors. */
    static JavaCompile.Output checkClassFiles(JavaCompile.Output out) {
        if (!out.ok()) {
            return out;
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, String> lower = new HashMap<>();
        for (String c : out.classes().keySet()) {
            String source = out.sourceOf().getOrDefault(c, "(unknown file)");
            int bytes = (c.substring(c.lastIndexOf('.') + 1) + ".class").getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_CLASS_FILE_NAME) {
                problems.add(new Problem(source, 0, "the class " + c.substring(0, Math.min(c.length(), 60)) + "... has a name too long for a "
                        + "class file (" + bytes + " bytes, at most " + MAX_CLASS_FILE_NAME + ")"));
            }
            String other = lower.putIfAbsent(c.toLowerCase(Locale.ROOT), c);
            if (other != null) {
                problems.add(new Problem(source, 0, "the classes " + other + " and " + c + " differ only in case; their class files "
                        + "would overwrite each other on some file systems"));
            }
        }
        return problems.isEmpty() ? out : new JavaCompile.Output(Map.of(), Map.of(), List.copyOf(problems));
    }

    private static JavaCompile.Output once(List<Source> sources, long timeoutSeconds, long deadlineNanos) throws Failure, IOException {
        long millis = TimeUnit.SECONDS.toMillis(timeoutSeconds);
        Child child = IDLE.pollFirst();
        if (child == null || !child.process.isAlive()) {
            child = new Child();
        }
        boolean healthy = false;
        try {
            JavaCompile.Output out = child.compile(sources, millis);
            healthy = true;
            return out;
        } finally {
            if (healthy) {
                IDLE.addFirst(child);
            } else {
                child.process.destroyForcibly();
            }
        }
    }

    /** A warm compiler JVM and its pipes. */
    private static final class Child {
        final Process process;
        final DataOutputStream to;
        final DataInputStream from;

        Child() throws IOException {
            List<String> command = List.of(Sandbox.javaBinary(), "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError",
                    "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-cp", Sandbox.childClassPath(), IsolatedCompiler.class.getName());
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().put("LANG", "C.UTF-8");
            process = pb.start();
            to = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            from = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        JavaCompile.Output compile(List<Source> sources, long millis) throws Failure {
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    // the answer came in time
                }
            }, "compile-watchdog");
            watchdog.setDaemon(true);
            long start = System.nanoTime();
            watchdog.start();
            try {
                to.writeInt(sources.size());
                for (Source s : sources) {
                    bytes(to, s.path());
                    bytes(to, s.text());
                }
                to.flush();
                int kind = from.readInt();
                if (kind == 2) {
                    throw new Failure(text(from));
                }
                if (kind == 1) {
                    int n = from.readInt();
                    List<Problem> errors = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        errors.add(new Problem(text(from), from.readLong(), text(from)));
                    }
                    return new JavaCompile.Output(Map.of(), Map.of(), List.copyOf(errors));
                }
                int n = from.readInt();
                Map<String, byte[]> classes = new LinkedHashMap<>();
                Map<String, String> sourceOf = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    String name = text(from);
                    sourceOf.put(name, text(from));
                    byte[] b = new byte[from.readInt()];
                    from.readFully(b);
                    classes.put(name, b);
                }
                sourceOf.values().removeIf(String::isEmpty);
                return new JavaCompile.Output(classes, sourceOf, List.of());
            } catch (IOException e) {
                process.destroyForcibly();
                long took = (System.nanoTime() - start) / 1_000_000;
                Integer code = null;
                try {
                    if (process.waitFor(5, TimeUnit.SECONDS)) {
                        code = process.exitValue();
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                if (took >= millis) {
                    throw new Failure("the compiler did not finish within " + millis / 1000 + " s");
                }
                throw new Failure(code != null && code == 3 ? "the compiler ran out of memory (" + HEAP_MB + " MiB)"
                        : "the compiler's JVM ended unexpectedly" + (code != null ? " (exit code " + code + ")" : ""));
            } finally {
                watchdog.interrupt();
            }
        }
    }

    private static void bytes(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (64 << 20)) {
            throw new EOFException("bad length");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * The compiler JVM: reads requests from standard input, compiles each on a thread with a
     * {@link #STACK_MB} MiB stack, answers on standard output (0 classes, 1 errors, 2 the compiler failed).
     */
    public static void main(String[] args) throws Exception {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)));
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(quiet);
        System.setErr(quiet);
        while (true) {
            int n;
            try {
                n = in.readInt();
            } catch (EOFException e) {
                return;
            }
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sources.add(new Source(text(in), text(in)));
            }
            Object[] result = new Object[1];
            Thread t = new Thread(null, () -> {
                try {
                    result[0] = JavaCompile.compile(sources, List.of());
                } catch (StackOverflowError e) {
                    result[0] = "the compiler ran out of stack (code nested too deeply?)";
                } catch (OutOfMemoryError e) {
                    result[0] = "the compiler ran out of memory (" + HEAP_MB + " MiB)";
                } catch (JavaCompile.Abnormal e) {
                    result[0] = e.getMessage();
                } catch (Throwable e) {
                    result[0] = "the compiler crashed (" + e.getClass().getName() + ")";
                }
            }, "compile", (long) STACK_MB << 20);
            t.start();
            t.join();
            if (result[0] instanceof JavaCompile.Output o) {
                if (!o.ok()) {
                    out.writeInt(1);
                    out.writeInt(o.errors().size());
                    for (Problem p : o.errors()) {
                        bytes(out, p.path());
                        out.writeLong(p.line());
                        bytes(out, p.message());
                    }
                } else {
                    out.writeInt(0);
                    out.writeInt(o.classes().size());
                    for (Map.Entry<String, byte[]> c : o.classes().entrySet()) {
                        bytes(out, c.getKey());
                        bytes(out, o.sourceOf().getOrDefault(c.getKey(), ""));
                        out.writeInt(c.getValue().length);
                        out.write(c.getValue());
                    }
                }
            } else {
                out.writeInt(2);
                bytes(out, String.valueOf(result[0]));
            }
            out.flush();
        }
    }
}
