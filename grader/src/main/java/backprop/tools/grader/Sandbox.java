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

    /**
     * Everything the children reported for one submission. The leaves, method and container
     * problems are those of the isolated run (each exercise with the course's bodies of the
     * others, see {@link backprop.tools.grader.harness.Isolation}); the same keys prefixed with
     * {@link Harness#PLAIN} hold the plain run (all student code) of the test methods where it
     * tells something: those that passed while relying on an exercise that failed. {@code used}
     * maps a test method to the exercises whose course bodies it ran.
     */
    public record Outcome(Map<String, Leaf> leaves, Map<String, String> methodProblems, Map<String, String> containerProblems,
            int children, int forgedLines, String childLog, Map<String, Set<String>> used) {

        public Outcome(Map<String, Leaf> leaves, Map<String, String> methodProblems, Map<String, String> containerProblems,
                int children, int forgedLines, String childLog) {
            this(leaves, methodProblems, containerProblems, children, forgedLines, childLog, Map.of());
        }
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
    private Replay replay = new Replay();

    public Sandbox(CourseBundle course, Options options, Protections protections) {
        this.course = course;
        this.options = options;
        this.protections = protections;
    }

    /** Runs every test method in a child JVM, even where the same code ran before ({@code grade --no-reuse}). */
    public Sandbox withoutReuse() {
        replay = null;
        return this;
    }

    /** Test methods replayed from identical code and run in a child JVM so far: {replayed, ran}; null without reuse. */
    public long[] reuseCounts() {
        return replay == null ? null : replay.counts();
    }

    public Outcome run(Path work, Path studentClasses) throws IOException, InterruptedException {
        Map<String, String> tests = course.catalog().methods(Catalog.Kind.VISIBLE, Catalog.Kind.HIDDEN);
        Map<String, String> probes = course.catalog().methods(Catalog.Kind.PROBE);
        Progress run = new Progress(work, studentClasses, new Budget(options.submissionTimeoutMillis()),
                replay == null ? Map.of() : Replay.fingerprints(studentClasses));
        try {
            run.phase(tests, probes, 1);
            // a time limit is never the only judge: what ran out of time runs again, alone (one
            // method at a time, in a fresh child), with a longer limit, before it counts as a timeout
            Set<String> again = new LinkedHashSet<>(run.timedOut);
            if (!again.isEmpty()) {
                Map<String, String> retryTests = new LinkedHashMap<>();
                Map<String, String> retryProbes = new LinkedHashMap<>();
                again.forEach(m -> (tests.containsKey(m) ? retryTests : retryProbes).put(m, tests.containsKey(m) ? tests.get(m) : probes.get(m)));
                run.phase(retryTests, retryProbes, RETRY_FACTOR);
            }
            // the plain run, only where it tells the student something: a test method that passed
            // while it relied on the course's body of an exercise that failed runs again with the
            // student's own code, so the feedback can say "right given a correct A.B; fix A.B first"
            Set<String> failed = failedExercises(run);
            Map<String, String> plain = new LinkedHashMap<>();
            for (Map.Entry<String, String> t : tests.entrySet()) {
                Set<String> used = run.used.getOrDefault(t.getKey(), Set.of());
                if (used.stream().anyMatch(x -> failed.contains(x) && !x.equals(t.getValue())) && passedSome(run, t.getKey())) {
                    plain.put(Harness.PLAIN + t.getKey(), t.getValue());
                }
            }
            if (!plain.isEmpty()) {
                run.phase(plain, Map.of(), 1);
            }
        } finally {
            if (run.waiting != null) {
                run.waiting.close();
            }
        }
        return new Outcome(run.leaves, run.methodProblems, run.containers, run.children, run.forged, run.log.toString(),
                Map.copyOf(run.used));
    }

    /** The exercises with a scored test that did not pass in the isolated run. */
    private Set<String> failedExercises(Progress run) {
        Set<String> failed = new LinkedHashSet<>();
        for (Catalog.Entry e : course.catalog().scored()) {
            Leaf leaf = run.leaves.get(e.uid());
            if (leaf == null || !leaf.status().equals("SUCCESSFUL")) {
                failed.add(e.exercise());
            }
        }
        return failed;
    }

    private static boolean passedSome(Progress run, String method) {
        return !run.methodProblems.containsKey(method) && run.leaves.entrySet().stream()
                .anyMatch(l -> l.getValue().status().equals("SUCCESSFUL") && Catalog.methodOf(l.getKey()).equals(method));
    }

    /** What the children of one submission have reported so far. */
    private final class Progress {
        final Path work;
        final Path studentClasses;
        final Budget budget;
        final Map<String, Leaf> leaves = new LinkedHashMap<>();
        final Map<String, String> methodProblems = new LinkedHashMap<>();
        final Map<String, String> containers = new LinkedHashMap<>();
        final Set<String> failedExercises = new LinkedHashSet<>();
        final Set<String> timedOut = new LinkedHashSet<>();
        final Map<String, Set<String>> used = new LinkedHashMap<>();
        final StringBuilder log = new StringBuilder();
        /** The submission's class files by name ({@link Replay#fingerprints}). */
        final Map<String, String> fingerprints;
        /** A child of this submission that finished its plan and can take the next phase's. */
        Child waiting;
        int children;
        int forged;

        Progress(Path work, Path studentClasses, Budget budget, Map<String, String> fingerprints) {
            this.work = work;
            this.studentClasses = studentClasses;
            this.budget = budget;
            this.fingerprints = fingerprints;
        }

        /**
         * Runs the given methods as {@link #children} does, except those that ran before on the
         * same code ({@link Replay}): their lines are read back as if a child had written them. A
         * probe's lines are read back only if its exercise failed, as the child would run it.
         */
        void phase(Map<String, String> tests, Map<String, String> probes, int factor) throws IOException, InterruptedException {
            if (replay == null || factor > 1) {
                children(tests, probes, factor);
                return;
            }
            Map<String, String> toRun = new LinkedHashMap<>();
            Map<String, List<List<String>>> testsFound = reusable(tests, toRun);
            Attempt replayed = new Attempt();
            testsFound.values().forEach(lines -> lines.forEach(l -> handle(l, replayed)));
            replay.replayed(testsFound.size());
            absorb(replayed, tests, new LinkedHashSet<>(), false, factor);
            Map<String, String> probesToRun = new LinkedHashMap<>();
            Map<String, List<List<String>>> probesFound = reusable(probes, probesToRun);
            if (toRun.isEmpty()) {
                // with no test to run, the child would run a probe only for an exercise known to have failed
                probesToRun.keySet().removeIf(m -> !failedExercises.contains(probes.get(m)));
            }
            children(toRun, probesToRun, factor);
            Attempt probed = new Attempt();
            probesFound.forEach((m, lines) -> {
                if (failedExercises.contains(probes.get(m))) {
                    lines.forEach(l -> handle(l, probed));
                    replay.replayed(1);
                }
            });
            absorb(probed, tests, new LinkedHashSet<>(), false, factor);
        }

        /**
         * The lines of the methods that ran before on the same code as this submission's, by
         * method; the others go to {@code toRun}.
         */
        Map<String, List<List<String>>> reusable(Map<String, String> methods, Map<String, String> toRun) {
            Map<String, List<List<String>>> found = new LinkedHashMap<>();
            methods.forEach((m, exercise) -> replay.find(m, fingerprints)
                    .ifPresentOrElse(lines -> found.put(m, lines), () -> toRun.put(m, exercise)));
            return found;
        }

        /** Takes in what one child (or one replay) reported; {@code done} collects the methods it finished. */
        void absorb(Attempt a, Map<String, String> tests, Set<String> done, boolean retry, int factor) {
            if (retry) {
                Set<String> reported = new LinkedHashSet<>(a.finished);
                reported.addAll(a.problems.keySet());
                leaves.keySet().removeIf(uid -> reported.contains(Catalog.methodOf(uid)));
                reported.forEach(methodProblems::remove);
            }
            a.leaves.forEach((k, v) -> {
                Leaf old = leaves.get(k);
                if (old == null || old.status().equals("SKIPPED")) {
                    leaves.put(k, v);
                }
            });
            containers.putAll(a.containers);
            used.putAll(a.used);
            for (Map.Entry<String, Leaf> l : a.leaves.entrySet()) {
                if (!l.getValue().status().equals("SUCCESSFUL")) {
                    String ex = exerciseOfLeaf(l.getKey());
                    if (ex != null) {
                        failedExercises.add(ex);
                    }
                }
            }
            // as the child counts it: a failed class or nested class fails the exercise of its methods
            for (String c : a.containers.keySet()) {
                tests.forEach((m, ex) -> {
                    if (m.startsWith(c) && (a.finished.contains(m) || a.problems.containsKey(m))) {
                        failedExercises.add(ex);
                    }
                });
            }
            done.addAll(a.finished);
            a.problems.forEach((m, why) -> methodProblems.put(m, retry && a.timedOut.contains(m)
                    ? why + " on its second run, alone, with " + factor + " times the limit" : why));
            if (!retry) {
                timedOut.addAll(a.timedOut);
            }
            for (String m : a.problems.keySet()) {
                done.add(m);
                String ex = tests.get(m);
                if (ex != null) {
                    failedExercises.add(ex);
                }
            }
        }

        /** Keeps, for later submissions, the lines of each method of a first run that ended normally. */
        void keep(Attempt a) {
            String own = work.toAbsolutePath().toString();
            for (String m : a.finished) {
                List<List<String>> lines = a.lines.get(m);
                Set<String> asked = a.loaded.get(m);
                if (asked == null || lines == null || a.unclean.contains(m) || a.problems.containsKey(m)
                        || lines.stream().flatMap(List::stream).anyMatch(f -> f.contains(own))) {
                    continue;
                }
                replay.keep(m, asked, fingerprints, lines);
            }
        }

        /**
         * Runs the given test and probe methods (method uid to exercise) in as many children as it
         * takes: a child that dies costs only the method it had begun, the next one goes on.
         * With {@code factor > 1} it is the second chance of methods that ran out of time: their
         * earlier results are replaced.
         */
        void children(Map<String, String> tests, Map<String, String> probes, int factor) throws IOException, InterruptedException {
            boolean retry = factor > 1;
            Set<String> done = new LinkedHashSet<>();
            int idle = 0;
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
                    return;
                }
                if (budget.spent()) {
                    for (String m : tests.keySet()) {
                        if (!done.contains(m)) {
                            methodProblems.putIfAbsent(m, budget.reason() + " before this test ran");
                        }
                    }
                    return;
                }
                if (retry && waiting != null) {
                    // a second chance runs in a JVM of its own
                    waiting.close();
                    waiting = null;
                }
                if (waiting == null) {
                    children++;
                }
                Attempt a = attempt(work, studentClasses, plan, children, budget, factor, waiting);
                waiting = a.waiting;
                forged += a.forged;
                log.append(a.log);
                if (replay != null && !retry) {
                    replay.ran(a.finished.size());
                    if (a.forged == 0) {
                        keep(a);
                    }
                }
                absorb(a, tests, done, retry, factor);
                if (a.completed) {
                    return;
                }
                if (a.current == null && a.finished.isEmpty() && a.problems.isEmpty() && ++idle >= 2) {
                    // twice a child died before it began any test: the JVM itself cannot start
                    for (String m : tests.keySet()) {
                        if (!done.contains(m)) {
                            methodProblems.putIfAbsent(m, "crash: the test JVM did not start (" + a.exit + ")");
                        }
                    }
                    return;
                }
            }
        }
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
        final Set<String> timedOut = new LinkedHashSet<>();
        final Map<String, Set<String>> used = new LinkedHashMap<>();
        final List<String> residue = new ArrayList<>();
        final List<String> unresolved = new ArrayList<>();
        /** Each method's lines (without the nonce), from its BEGIN on, for {@link Replay}. */
        final Map<String, List<List<String>>> lines = new LinkedHashMap<>();
        /** Each method's LOADED line: the student classes it asked for. */
        final Map<String, Set<String>> loaded = new LinkedHashMap<>();
        /** Methods during which something went wrong that a replay must not repeat blindly. */
        final Set<String> unclean = new LinkedHashSet<>();
        /** The child, still running and waiting for another plan, if it finished this one. */
        Child waiting;
        String recording;
        String current;
        long currentSince;
        long lastLine = System.currentTimeMillis();
        boolean completed;
        int forged;
        String exit = "";
        String log = "";
    }

    /**
     * A child JVM of this submission that finished its plan and waits, on its standard input, for
     * the next one (the plain run after the isolated one): the same submission, so nothing new
     * shares the JVM, and the second phase costs no JVM start. A second chance after a timeout
     * always gets a fresh JVM.
     */
    private static final class Child {
        final Process process;
        final OutputStream stdin;
        final RandomAccessFile results;
        final StringBuilder partial = new StringBuilder();
        final String nonce;
        final Path dir;
        final Path log;
        final int n;
        int plans;

        Child(Process process, OutputStream stdin, RandomAccessFile results, String nonce, Path dir, Path log, int n) {
            this.process = process;
            this.stdin = stdin;
            this.results = results;
            this.nonce = nonce;
            this.dir = dir;
            this.log = log;
            this.n = n;
        }

        /** Ends the JVM: with its input closed the harness halts; one that does not is killed. */
        void close() throws InterruptedException {
            try {
                stdin.close();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            LIVE.remove(process);
            try {
                results.close();
            } catch (IOException e) {
                // nothing left to read
            }
        }
    }

    private Child start(Path work, Path studentClasses, List<String> plan, int n, int factor) throws IOException {
        long cpuLimit = options.testTimeoutMillis() * factor;
        long wallLimit = wallLimit(options.testTimeoutMillis()) * factor;
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
        OutputStream stdin = p.getOutputStream();
        try {
            stdin.write((Wire.join(nonce, resultsFile.toAbsolutePath().toString(), planFile.toAbsolutePath().toString(),
                    course.tests().toAbsolutePath().toString(), studentClasses.toAbsolutePath().toString(),
                    Long.toString(cpuLimit), Long.toString(options.stackBytes()),
                    Integer.toString(options.outputCap()), Long.toString(wallLimit)) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // the child died at once; handled by the caller
        }
        return new Child(p, stdin, new RandomAccessFile(resultsFile.toFile(), "r"), nonce, dir, logFile, n);
    }

    /**
     * Runs a plan in {@code waiting} (a child of this submission that finished its last plan) or
     * else in a new child numbered {@code n}; the returned attempt's {@code waiting} is the child
     * if it finished this plan too and may take another.
     */
    private Attempt attempt(Path work, Path studentClasses, List<String> plan, int n, Budget budget, int factor, Child waiting)
            throws IOException, InterruptedException {
        long wallLimit = wallLimit(options.testTimeoutMillis()) * factor;
        Child c = waiting;
        long logFrom = 0;
        if (c != null) {
            logFrom = Files.size(c.log);
            Path planFile = c.dir.resolve("plan-" + ++c.plans + ".tsv");
            Files.write(planFile, plan, StandardCharsets.UTF_8);
            try {
                c.stdin.write((Wire.join("PLAN", planFile.toAbsolutePath().toString()) + "\n").getBytes(StandardCharsets.UTF_8));
                c.stdin.flush();
            } catch (IOException e) {
                // it died while it waited; handled below
            }
        } else {
            c = start(work, studentClasses, plan, n, factor);
        }
        Process p = c.process;
        Attempt a = new Attempt();
        long startedAt = System.currentTimeMillis();
        String killed = null;
        boolean keep = false;
        try {
            int polls = 0;
            while (true) {
                boolean exited = p.waitFor(50, TimeUnit.MILLISECONDS);
                read(c.results, c.partial, c.nonce, a);
                if (++polls % 10 == 0) {
                    budget.charge(p);
                }
                if (exited || a.completed) {
                    break;
                }
                // the harness judges the time of each test itself; these only stop a JVM that
                // no longer does so, and are generous enough that a loaded machine never reaches them
                long now = System.currentTimeMillis();
                if (a.current != null && now - a.currentSince > wallLimit + 15_000) {
                    killed = "timeout: the test did not finish within " + (wallLimit + 15_000) / 1000
                            + " s and its JVM had to be killed";
                } else if (now - a.lastLine > wallLimit + 30_000) {
                    killed = "timeout: the test JVM stopped reporting for " + (now - a.lastLine) / 1000 + " s and had to be killed";
                } else if (a.current == null && now - startedAt > wallLimit + 120_000) {
                    killed = "crash: the test JVM did not start a test within " + (wallLimit + 120_000) / 1000 + " s";
                } else if (budget.spent()) {
                    killed = budget.reason();
                }
                if (killed != null) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                    read(c.results, c.partial, c.nonce, a);
                    break;
                }
            }
            keep = a.completed && killed == null && factor == 1 && p.isAlive();
        } finally {
            if (!keep) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                }
                c.close();
            }
        }
        String tail = tail(c.log, logFrom, 4000);
        a.exit = p.isAlive() ? "still running" : "exit code " + p.exitValue();
        a.log = tail.isBlank() ? "" : "[child " + c.n + "] " + tail + "\n";
        if (!a.completed && a.current != null && !a.problems.containsKey(a.current)) {
            String why = killed != null ? killed : crashReason(tail, a.exit);
            a.problems.put(a.current, why);
            if (killed != null && killed.startsWith("timeout: the test")) {
                a.timedOut.add(a.current);
            }
        }
        if (!a.residue.isEmpty()) {
            a.log += "[child " + c.n + "] left behind and cleaned up: " + String.join("; ", a.residue) + "\n";
        }
        a.waiting = keep ? c : null;
        return a;
    }

    /** How many times longer a test that ran out of time may take when it runs again alone. */
    static final int RETRY_FACTOR = 2;

    /** The wall-clock stop of one test method: only for code that burns no CPU of its own thread. */
    static long wallLimit(long cpuLimitMillis) {
        return 4 * cpuLimitMillis + 20_000;
    }

    /**
     * The submission's limit, counted in CPU time of its test JVMs (so that a loaded machine does
     * not use it up), with a wall-clock stop at four times the limit for what burns no CPU.
     */
    static final class Budget {
        private final long limitMillis;
        private final long wallDeadline;
        private long spentMillis;
        private long currentMillis;
        private ProcessHandle current;

        Budget(long limitMillis) {
            this.limitMillis = limitMillis;
            this.wallDeadline = System.currentTimeMillis() + 4 * limitMillis;
        }

        /** Records the CPU time the child has used so far. */
        void charge(Process p) {
            ProcessHandle h = p.toHandle();
            if (current != null && !current.equals(h)) {
                spentMillis += currentMillis;
                currentMillis = 0;
            }
            current = h;
            h.info().totalCpuDuration().ifPresent(d -> currentMillis = Math.max(currentMillis, d.toMillis()));
        }

        boolean spent() {
            return spentMillis + currentMillis >= limitMillis || System.currentTimeMillis() >= wallDeadline;
        }

        String reason() {
            return "timeout: the submission used up its time limit of " + limitMillis / 1000 + " s";
        }
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
            handle(f, a);
        }
    }

    /** Kinds of line after which a method's lines are not kept for {@link Replay}. */
    private static final Set<String> UNCLEAN = Set.of("NORESULT", "TIMEOUT", "STUCK", "RESIDUE", "UNRESOLVED");

    /**
     * One line of the results channel, {nonce, kind, fields...}; the lines a replay reads back
     * were kept with an empty nonce, which only {@link #read} checks.
     */
    private static void handle(List<String> f, Attempt a) {
        String kind = f.get(1);
        if (kind.equals("BEGIN")) {
            a.recording = f.get(2);
        }
        if (a.recording != null && !kind.equals("DONE")) {
            List<String> kept = new ArrayList<>(f);
            kept.set(0, "");
            a.lines.computeIfAbsent(a.recording, m -> new ArrayList<>()).add(List.copyOf(kept));
            if (UNCLEAN.contains(kind)) {
                a.unclean.add(a.recording);
            }
        }
        switch (kind) {
            case "BEGIN" -> {
                a.current = f.get(2);
                a.currentSince = System.currentTimeMillis();
            }
            case "START" -> {
                a.current = f.get(2);
                a.currentSince = System.currentTimeMillis();
            }
            case "LEAF" -> {
                String status = f.get(3);
                String description = f.size() > 4 ? f.get(4) : "";
                if (description.contains("java.lang.ThreadDeath")) {
                    status = "TIMEOUT";
                    if (a.recording != null) {
                        a.unclean.add(a.recording);
                    }
                }
                Leaf old = a.leaves.get(f.get(2));
                if (old == null || old.status().equals("SKIPPED")) {
                    a.leaves.put(f.get(2), new Leaf(status, description, f.size() > 5 ? f.get(5) : ""));
                }
            }
            case "CONTAINER" -> a.containers.putIfAbsent(f.get(2), f.size() > 3 ? f.get(3) : "");
            case "NORESULT" -> a.problems.putIfAbsent(f.get(2), "did not run: " + (f.size() > 3 ? f.get(3) : ""));
            case "TIMEOUT" -> {
                boolean cpu = f.size() > 4 && f.get(4).equals("cpu");
                a.problems.put(f.get(2), "timeout: did not finish within " + seconds(Long.parseLong(f.get(3)))
                        + (cpu ? " of CPU time" : "") + " (an endless loop?)");
                if (!f.get(2).isEmpty()) {
                    a.timedOut.add(f.get(2));
                }
            }
            case "USED" -> a.used.put(f.get(2), f.size() > 3 ? Set.of(f.get(3).split(",")) : Set.of());
            case "RESIDUE" -> a.residue.add(f.get(2) + ": " + (f.size() > 3 ? f.get(3) : ""));
            case "END" -> {
                a.finished.add(f.get(2));
                a.current = null;
            }
            case "STUCK" -> a.problems.putIfAbsent(f.get(2), "timeout: did not finish and could not be stopped");
            case "DONE" -> a.completed = true;
            case "LOADED" -> a.loaded.put(f.get(2), f.size() > 3 && !f.get(3).isEmpty() ? Set.of(f.get(3).split(",")) : Set.of());
            case "UNRESOLVED" -> a.unresolved.add(f.size() > 2 ? f.get(2) : "");
            default -> a.forged++;
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 || millis >= 10_000 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** At most the last {@code max} bytes of what the file has past {@code from}. */
    private static String tail(Path file, long from, int max) {
        try {
            long size = Files.size(file);
            try (RandomAccessFile r = new RandomAccessFile(file.toFile(), "r")) {
                long start = Math.max(from, size - max);
                if (start >= size) {
                    return "";
                }
                r.seek(start);
                byte[] b = new byte[(int) (size - start)];
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
            // what the jar holds: not the grader's own test engine (jqwik), which the child's
            // launcher would otherwise start, and which writes a file and a dated log line there
            if (!e.isEmpty() && !e.replace('\\', '/').contains("/net/jqwik/")) {
                cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(e).toAbsolutePath());
            }
        }
        return cp.toString();
    }
}
