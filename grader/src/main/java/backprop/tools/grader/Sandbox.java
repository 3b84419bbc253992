package backprop.tools.grader;

import backprop.tools.grader.harness.Harness;
import backprop.tools.grader.harness.Wire;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the precompiled course tests against one submission's classes in child JVMs, and
 * collects the results from a file that only the harness writes, line by line, each line
 * starting with a per-run secret nonce. The child has a heap and a stack limit, an empty
 * environment, its own working folder, and, where the machine allows, no network and limits on
 * file size and open files. If a child dies or hangs, the test it was running is marked (crash
 * or timeout) and a new child runs the tests that are left, until the submission's wall-clock
 * limit; tests never reported count as failed.
 */
public final class Sandbox {

    /** Limits for one submission. */
    public record Options(long testTimeoutMillis, long submissionTimeoutMillis, int heapMb, long stackBytes, int outputCap) {
        public static final Options DEFAULT = new Options(10_000, 300_000, 256, 1 << 20, 16_384);
    }

    /** A test's outcome as the harness reported it. */
    public record Leaf(String status, String description, String output) {
    }

    /** Everything the children reported for one submission. */
    public record Outcome(Map<String, Leaf> leaves, Map<String, String> methodProblems, Map<String, String> containerProblems,
            int children, int forgedLines, String childLog) {
    }

    /** Which OS protections are in use, found once at start. */
    public record Protections(List<String> prefix, List<String> active, List<String> inactive) {
        public static Protections detect() {
            List<String> prefix = new ArrayList<>();
            List<String> active = new ArrayList<>();
            List<String> inactive = new ArrayList<>();
            if (works("unshare", "-n", "true")) {
                prefix.addAll(List.of("unshare", "-n"));
                active.add("no network (unshare -n)");
            } else if (works("unshare", "-rn", "true")) {
                prefix.addAll(List.of("unshare", "-rn"));
                active.add("no network (unshare -rn, user namespace)");
            } else {
                inactive.add("network namespace (unshare not permitted here)");
            }
            if (works("prlimit", "--fsize=67108864", "--core=0", "--nofile=4096", "true")) {
                prefix.addAll(List.of("prlimit", "--fsize=67108864", "--core=0", "--nofile=4096"));
                active.add("file size <= 64 MiB, no core dumps, <= 4096 open files (prlimit)");
                boolean root = "root".equals(System.getProperty("user.name"));
                if (root) {
                    inactive.add("process count limit (prlimit --nproc is ignored for root)");
                } else if (works("prlimit", "--nproc=4096", "true")) {
                    prefix.add("--nproc=4096");
                    active.add("<= 4096 processes and threads for the user (prlimit)");
                }
            } else {
                inactive.add("prlimit (not available)");
            }
            active.add("child JVM per submission with -Xmx, -Xss, empty environment, own working folder");
            active.add("bytecode allowlist (no files, network, reflection, threads, processes, exit, properties)");
            return new Protections(List.copyOf(prefix), List.copyOf(active), List.copyOf(inactive));
        }

        private static boolean works(String... command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Child JVMs still running; killed if the grader itself is stopped (Ctrl-C, SIGTERM). */
    private static final Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-test-jvms"));
    }

    private final CourseBundle course;
    private final Options options;
    private final Protections protections;

    public Sandbox(CourseBundle course, Options options, Protections protections) {
        this.course = course;
        this.options = options;
        this.protections = protections;
    }

    public Outcome run(Path work, Path studentClasses) throws IOException, InterruptedException {
        Map<String, String> tests = course.catalog().methods(Catalog.Kind.VISIBLE, Catalog.Kind.HIDDEN);
        Map<String, String> probes = course.catalog().methods(Catalog.Kind.PROBE);
        Map<String, Leaf> leaves = new LinkedHashMap<>();
        Map<String, String> methodProblems = new LinkedHashMap<>();
        Map<String, String> containers = new LinkedHashMap<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> failedExercises = new LinkedHashSet<>();
        long deadline = System.currentTimeMillis() + options.submissionTimeoutMillis();
        int children = 0;
        int forged = 0;
        StringBuilder log = new StringBuilder();
        while (true) {
            List<String> plan = new ArrayList<>();
            failedExercises.forEach(e -> plan.add(Wire.join("FAILED", e)));
            int remaining = 0;
            for (Map.Entry<String, String> t : tests.entrySet()) {
                if (!done.contains(t.getKey())) {
                    plan.add(Wire.join("TEST", t.getValue(), t.getKey()));
                    remaining++;
                }
            }
            for (Map.Entry<String, String> p : probes.entrySet()) {
                if (!done.contains(p.getKey())) {
                    plan.add(Wire.join("PROBE", p.getValue(), p.getKey()));
                    remaining++;
                }
            }
            if (remaining == 0) {
                break;
            }
            if (System.currentTimeMillis() >= deadline) {
                for (String m : tests.keySet()) {
                    if (!done.contains(m)) {
                        methodProblems.putIfAbsent(m, "timeout: the submission used up its time limit of "
                                + options.submissionTimeoutMillis() / 1000 + " s before this test ran");
                    }
                }
                break;
            }
            children++;
            Attempt a = attempt(work, studentClasses, plan, children, deadline);
            forged += a.forged;
            log.append(a.log);
            a.leaves.forEach((k, v) -> {
                Leaf old = leaves.get(k);
                if (old == null || old.status().equals("SKIPPED")) {
                    leaves.put(k, v);
                }
            });
            containers.putAll(a.containers);
            for (Map.Entry<String, Leaf> l : a.leaves.entrySet()) {
                if (!l.getValue().status().equals("SUCCESSFUL")) {
                    String ex = exerciseOfLeaf(l.getKey());
                    if (ex != null) {
                        failedExercises.add(ex);
                    }
                }
            }
            done.addAll(a.finished);
            methodProblems.putAll(a.problems);
            for (String m : a.problems.keySet()) {
                done.add(m);
                String ex = tests.get(m);
                if (ex != null) {
                    failedExercises.add(ex);
                }
            }
            if (a.completed) {
                break;
            }
            if (a.current == null && a.finished.isEmpty() && a.problems.isEmpty()) {
                // the child died before starting any test: give up on the rest rather than loop
                for (String m : tests.keySet()) {
                    if (!done.contains(m)) {
                        methodProblems.putIfAbsent(m, "crash: the test JVM did not start (" + a.exit + ")");
                    }
                }
                break;
            }
        }
        return new Outcome(leaves, methodProblems, containers, children, forged, log.toString());
    }

    private String exerciseOfLeaf(String uid) {
        String m = Catalog.methodOf(uid);
        return course.catalog().methods(Catalog.Kind.VISIBLE, Catalog.Kind.HIDDEN).get(m);
    }

    private static final class Attempt {
        final Map<String, Leaf> leaves = new LinkedHashMap<>();
        final Map<String, String> containers = new LinkedHashMap<>();
        final Map<String, String> problems = new LinkedHashMap<>();
        final Set<String> finished = new LinkedHashSet<>();
        final List<String> unresolved = new ArrayList<>();
        String current;
        long currentSince;
        long lastLine = System.currentTimeMillis();
        boolean completed;
        int forged;
        String exit = "";
        String log = "";
    }

    private Attempt attempt(Path work, Path studentClasses, List<String> plan, int n, long deadline)
            throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("child-" + n));
        Path planFile = dir.resolve("plan.tsv");
        Path resultsFile = dir.resolve("results.tsv");
        Path logFile = dir.resolve("jvm.log");
        Files.write(planFile, plan, StandardCharsets.UTF_8);
        Files.deleteIfExists(resultsFile);
        Files.createFile(resultsFile);
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String nonce = HexFormat.of().formatHex(secret);

        List<String> command = new ArrayList<>(protections.prefix());
        command.add(javaBinary());
        command.addAll(List.of("-Xmx" + options.heapMb() + "m", "-Xss" + options.stackBytes() / 1024 + "k",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
                "-XX:MaxMetaspaceSize=256m", "-Xshare:auto", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + dir.toAbsolutePath(), "-Duser.home=" + dir.toAbsolutePath(),
                "-Duser.language=en", "-Duser.country=US", "-Dfile.encoding=UTF-8",
                "-cp", childClassPath(), Harness.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        Process p = pb.start();
        LIVE.add(p);
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((Wire.join(nonce, resultsFile.toAbsolutePath().toString(), planFile.toAbsolutePath().toString(),
                    course.tests().toAbsolutePath().toString(), studentClasses.toAbsolutePath().toString(),
                    Long.toString(options.testTimeoutMillis()), Long.toString(options.stackBytes()),
                    Integer.toString(options.outputCap())) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the child died at once; handled below
        }
        Attempt a = new Attempt();
        long startedAt = System.currentTimeMillis();
        String killed = null;
        try (RandomAccessFile in = new RandomAccessFile(resultsFile.toFile(), "r")) {
            StringBuilder partial = new StringBuilder();
            while (true) {
                boolean exited = p.waitFor(50, TimeUnit.MILLISECONDS);
                read(in, partial, nonce, a);
                if (exited || a.completed) {
                    break;
                }
                long now = System.currentTimeMillis();
                if (a.current != null && now - a.currentSince > options.testTimeoutMillis() + 5000) {
                    killed = "timeout: the test did not finish within " + options.testTimeoutMillis() / 1000
                            + " s and its JVM had to be killed";
                } else if (now - a.lastLine > options.testTimeoutMillis() + 15_000) {
                    killed = "timeout: the test JVM stopped reporting for " + (now - a.lastLine) / 1000 + " s and had to be killed";
                } else if (a.current == null && now - startedAt > 60_000) {
                    killed = "crash: the test JVM did not start a test within 60 s";
                } else if (now > deadline) {
                    killed = "timeout: the submission used up its time limit of " + options.submissionTimeoutMillis() / 1000 + " s";
                }
                if (killed != null) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                    read(in, partial, nonce, a);
                    break;
                }
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        LIVE.remove(p);
        String tail = tail(logFile, 4000);
        a.exit = p.isAlive() ? "still running" : "exit code " + p.exitValue();
        a.log = tail.isBlank() ? "" : "[child " + n + "] " + tail + "\n";
        if (!a.completed && a.current != null && !a.problems.containsKey(a.current)) {
            String why = killed != null ? killed : crashReason(tail, a.exit);
            a.problems.put(a.current, why);
        }
        return a;
    }

    static String crashReason(String log, String exit) {
        if (log.contains("OutOfMemoryError")) {
            return "crash: out of memory (the test JVM has " + "a heap limit" + ")";
        }
        if (log.contains("StackOverflowError")) {
            return "crash: stack overflow";
        }
        return "crash: the test JVM ended unexpectedly (" + exit + ")";
    }

    private static void read(RandomAccessFile in, StringBuilder partial, String nonce, Attempt a) throws IOException {
        long len = in.length();
        long pos = in.getFilePointer();
        if (len <= pos) {
            return;
        }
        byte[] buf = new byte[(int) Math.min(len - pos, 1 << 24)];
        in.readFully(buf);
        partial.append(new String(buf, StandardCharsets.UTF_8));
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            List<String> f = Wire.split(line);
            if (f.size() < 2 || !f.get(0).equals(nonce)) {
                a.forged++;
                continue;
            }
            a.lastLine = System.currentTimeMillis();
            switch (f.get(1)) {
                case "START" -> {
                    a.current = f.get(2);
                    a.currentSince = System.currentTimeMillis();
                }
                case "LEAF" -> {
                    String status = f.get(3);
                    String description = f.size() > 4 ? f.get(4) : "";
                    if (description.contains("java.lang.ThreadDeath")) {
                        status = "TIMEOUT";
                    }
                    Leaf old = a.leaves.get(f.get(2));
                    if (old == null || old.status().equals("SKIPPED")) {
                        a.leaves.put(f.get(2), new Leaf(status, description, f.size() > 5 ? f.get(5) : ""));
                    }
                }
                case "CONTAINER" -> a.containers.putIfAbsent(f.get(2), f.size() > 3 ? f.get(3) : "");
                case "NORESULT" -> a.problems.putIfAbsent(f.get(2), "did not run: " + (f.size() > 3 ? f.get(3) : ""));
                case "TIMEOUT" -> a.problems.put(f.get(2), "timeout: did not finish within "
                        + Long.parseLong(f.get(3)) / 1000 + " s (an endless loop?)");
                case "END" -> {
                    a.finished.add(f.get(2));
                    a.current = null;
                }
                case "STUCK" -> a.problems.putIfAbsent(f.get(2), "timeout: did not finish and could not be stopped");
                case "DONE" -> a.completed = true;
                case "UNRESOLVED" -> a.unresolved.add(f.size() > 2 ? f.get(2) : "");
                default -> a.forged++;
            }
        }
    }

    private static String tail(Path file, int max) {
        try {
            long size = Files.size(file);
            try (RandomAccessFile r = new RandomAccessFile(file.toFile(), "r")) {
                long from = Math.max(0, size - max);
                r.seek(from);
                byte[] b = new byte[(int) (size - from)];
                r.readFully(b);
                return new String(b, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The grader's jar, or (in development and in the grader's own tests) its class path. */
    static String childClassPath() {
        try {
            Path self = Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self)) {
                return self.toString();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through
        }
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(e).toAbsolutePath());
            }
        }
        return cp.toString();
    }
}
