package backprop.tools.grader.harness;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;

/**
 * The child JVM's main class. It reads its orders from standard input (a per-run secret nonce,
 * the results file, the plan), opens the results file, takes over {@code System.out/err} and
 * only then loads any student class. Each planned test method runs in a fresh
 * {@link RoutingLoader} on a worker thread with a fixed stack size, watched by this thread:
 * past the time limit the worker is stopped and, if it will not die, the JVM halts (the parent
 * then starts a new child for the tests that are left). Results are written to the results file
 * only, each line starting with the nonce; student code can reach neither the file nor the nonce.
 * After each plan it writes DONE and waits for the name of the same submission's next plan on
 * its original standard input; when the grader closes that pipe, the JVM ends.
 */
public final class Harness {

    /** The grader that started this JVM: when it is gone, nobody reads the results any more. */
    private static final ProcessHandle PARENT = ProcessHandle.current().parent().orElse(null);

    private final String nonce;
    private final FileOutputStream results;
    private final Path tests;
    private final Path student;
    private final long timeoutMillis;
    private final long wallMillis;
    private final long stackBytes;
    private final Capture capture;
    private final Set<String> failedExercises = ConcurrentHashMap.newKeySet();
    private Launcher launcher;
    private Isolation isolation;

    /** A planned test method whose uid starts with this runs plainly: all student code, no isolation. */
    public static final String PLAIN = "plain:";

    private Harness(List<String> config) throws IOException {
        this.nonce = config.get(0);
        this.results = new FileOutputStream(config.get(1), true);
        this.tests = Path.of(config.get(3));
        this.student = Path.of(config.get(4));
        this.timeoutMillis = Long.parseLong(config.get(5));
        this.stackBytes = Long.parseLong(config.get(6));
        this.capture = new Capture(Integer.parseInt(config.get(7)));
        this.wallMillis = config.size() > 8 ? Long.parseLong(config.get(8)) : 4 * timeoutMillis + 20_000;
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null) {
            Runtime.getRuntime().halt(2);
        }
        List<String> config = Wire.split(line);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        Harness h = new Harness(config);
        h.isolation = Isolation.load(h.tests);
        h.takeOverStreams();
        h.launcher = Runner.newLauncher();
        h.warmUp();
        h.runPlan(Path.of(config.get(2)));
        // later plans of the same submission (its plain run) come on the grader's pipe, which
        // student code cannot reach: System.in is empty for it. The pipe closed: nothing more to do
        for (String next = in.readLine(); next != null; next = in.readLine()) {
            List<String> order = Wire.split(next);
            if (order.size() != 2 || !order.get(0).equals("PLAN")) {
                break;
            }
            h.runPlan(Path.of(order.get(1)));
        }
        Runtime.getRuntime().halt(0);
    }

    /** Runs one plan file (its tests, then the probes of the exercises that failed), then writes DONE. */
    private void runPlan(Path file) throws IOException, InterruptedException {
        List<List<String>> plan = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(Wire::split).toList();
        List<String[]> tests = new ArrayList<>();
        List<String[]> probes = new ArrayList<>();
        for (List<String> item : plan) {
            switch (item.get(0)) {
                case "FAILED" -> failedExercises.add(item.get(1));
                case "TEST" -> tests.add(new String[] {item.get(1), item.get(2)});
                case "PROBE" -> probes.add(new String[] {item.get(1), item.get(2)});
                default -> {
                }
            }
        }
        for (String[] test : tests) {
            runMethod(test);
        }
        for (String[] probe : probes) {
            if (failedExercises.contains(probe[0])) {
                runMethod(probe);
            }
        }
        write("DONE");
    }

    /** Loads JUnit and AssertJ before any student code and before any timer runs. */
    private void warmUp() {
        try {
            Runner.run(launcher, List.of(), Map.of(), new Runner.Events() {
                @Override
                public void test(String uid, String displayPath, Set<String> tags, String status, String description) {
                }

                @Override
                public void container(String uid, String description) {
                }

                @Override
                public void unresolved(String description) {
                }
            });
            Class.forName("org.assertj.core.api.Assertions", true, Harness.class.getClassLoader());
        } catch (Throwable t) {
            // a cold start is slower, not wrong
        }
        capture.drain();
    }

    private void takeOverStreams() {
        PrintStream ps = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(ps);
        System.setErr(ps);
    }

    private synchronized void write(String... fields) {
        String[] all = new String[fields.length + 1];
        all[0] = nonce;
        System.arraycopy(fields, 0, all, 1, fields.length);
        try {
            results.write((Wire.join(all) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            Runtime.getRuntime().halt(4);
        }
    }

    /**
     * Runs one test method (all its cases, if it is parameterized) in a fresh loader, so that no
     * static state of the student's classes or of the test class carries over from the tests
     * before it, as one JUnit request on a worker thread with the method's time limit.
     * A method that times out is stopped.
     *
     * @param item {exercise, method uid}
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void runMethod(String[] item) throws InterruptedException {
        String exercise = item[0];
        boolean plain = item[1].startsWith(PLAIN);
        String tag = plain ? PLAIN : "";
        String method = plain ? item[1].substring(PLAIN.length()) : item[1];
        // before anything of the method loads: a crash from here on (a static initializer, the
        // test instance, a halt) is charged to this method alone, and the next child goes on
        write("BEGIN", tag + method);
        Residue.Snapshot before = Residue.snapshot();
        Isolation.drainUsed();
        // each exercise is graded as if the other exercises were right; the plain run is the student's code alone
        RoutingLoader loader = new RoutingLoader(tests, student, Harness.class.getClassLoader(), plain ? null : isolation, exercise);
        DiscoverySelector selector;
        try {
            selector = Runner.methodSelector(loader, method);
        } catch (Throwable t) {
            if (!plain) {
                failedExercises.add(exercise);
            }
            write("START", tag + method);
            write("NORESULT", tag + method, "the test class could not be loaded: " + Describe.throwable(t));
            write("END", tag + method, "0");
            afterMethod(tag + method, before, null, loader);
            return;
        }
        boolean[] started = {false};
        boolean[] finished = {false};
        boolean[] containerFailed = {false};
        boolean[] aborted = {false};
        Runner.Events events = new Runner.Events() {
            @Override
            public void started(String uid) {
                synchronized (Harness.this) {
                    if (aborted[0] || !uid.equals(method)) {
                        return;
                    }
                    started[0] = true;
                    takeOverStreams();
                    capture.drain();
                    write("START", tag + uid);
                }
            }

            @Override
            public void finished(String uid) {
                synchronized (Harness.this) {
                    if (aborted[0] || !uid.equals(method)) {
                        return;
                    }
                    started[0] = false;
                    finished[0] = true;
                    write("END", tag + uid, Long.toString(Math.max(0, CpuClock.of(Thread.currentThread()))));
                }
            }

            @Override
            public void test(String uid, String displayPath, Set<String> tags, String status, String description) {
                String output = capture.drain();
                synchronized (Harness.this) {
                    if (aborted[0]) {
                        return;
                    }
                    if (!status.equals("SUCCESSFUL") && !plain) {
                        tags.stream().filter(t -> t.startsWith("ex")).forEach(t -> failedExercises.add(t.substring(2)));
                    }
                    write("LEAF", tag + uid, status, description, output);
                }
            }

            @Override
            public void container(String uid, String description) {
                String output = capture.drain();
                synchronized (Harness.this) {
                    if (aborted[0]) {
                        return;
                    }
                    if (method.startsWith(uid)) {
                        containerFailed[0] = true;
                        if (!plain) {
                            failedExercises.add(exercise);
                        }
                    }
                    write("CONTAINER", tag + uid, description, output);
                }
            }

            @Override
            public void unresolved(String description) {
                synchronized (Harness.this) {
                    if (!aborted[0]) {
                        write("UNRESOLVED", description);
                    }
                }
            }
        };
        Launcher current = launcher;
        Runnable task = () -> {
            try {
                Runner.run(current, List.of(selector), Map.of(), events);
            } catch (ThreadDeath d) {
                throw d;
            } catch (Throwable t) {
                events.unresolved("the tests could not run: " + Describe.throwable(t));
            }
        };
        Thread worker = new Thread(null, task, "course-test", stackBytes);
        worker.setDaemon(true);
        worker.setContextClassLoader(loader);
        long wallStart = System.nanoTime();
        worker.start();
        int polls = 0;
        while (worker.isAlive()) {
            worker.join(25);
            if (++polls % 40 == 0 && PARENT != null && !PARENT.isAlive()) {
                Runtime.getRuntime().halt(5);
            }
            // the judge is the CPU time of the test's own thread, which does not grow when other
            // processes share the machine; wall time only stops code that burns no CPU of its own
            long cpu = CpuClock.of(worker);
            long wall = (System.nanoTime() - wallStart) / 1_000_000;
            String over = cpu >= 0 ? (cpu > timeoutMillis ? "cpu" : wall > wallMillis ? "wall" : null)
                    : wall > timeoutMillis ? "wall" : null;
            if (worker.isAlive() && over != null) {
                // the method itself, or what runs before it (a static initializer) or after it
                boolean methodTimedOut = !finished[0];
                synchronized (this) {
                    aborted[0] = true;
                    if (methodTimedOut) {
                        if (!plain) {
                            failedExercises.add(exercise);
                        }
                        if (!started[0]) {
                            write("START", tag + method);
                        }
                    }
                    write("TIMEOUT", methodTimedOut ? tag + method : "", Long.toString(over.equals("cpu") ? cpu : wall), over);
                }
                Abort.now = true;
                long deadline = System.currentTimeMillis() + 1500;
                while (worker.isAlive() && System.currentTimeMillis() < deadline) {
                    worker.stop();
                    worker.join(200);
                }
                Abort.now = false;
                if (worker.isAlive()) {
                    write("STUCK", methodTimedOut ? tag + method : "");
                    Runtime.getRuntime().halt(3);
                }
                launcher = Runner.newLauncher();
                afterMethod(tag + method, before, worker, loader);
                return;
            }
        }
        if (!finished[0]) {
            if (!containerFailed[0]) {
                if (!plain) {
                    failedExercises.add(exercise);
                }
                write("START", tag + method);
                write("NORESULT", tag + method, "no test of this method reported a result");
            }
            write("END", tag + method, "0");
        }
        afterMethod(tag + method, before, worker, loader);
    }

    /**
     * Nothing a test did may outlive it: JVM-wide defaults and system properties are put back as
     * they were, and a thread left behind (which the allowlist should make impossible) ends this
     * JVM, so that the tests that are left run in a fresh one.
     */
    private void afterMethod(String method, Residue.Snapshot before, Thread worker, RoutingLoader loader) {
        // the student classes the method could have run, so that the grader can tell when another
        // submission would run the same code (its Replay)
        write("LOADED", method, String.join(",", loader.asked()));
        Set<String> used = Isolation.drainUsed();
        if (!used.isEmpty() && !method.startsWith(PLAIN)) {
            write("USED", method, String.join(",", used));
        }
        List<String> left = before.restore();
        if (!left.isEmpty()) {
            write("RESIDUE", method, String.join("; ", left));
        }
        if (before.threadsLeft(worker)) {
            write("RESIDUE", method, "a thread it started was still running");
            Runtime.getRuntime().halt(6);
        }
    }
}
