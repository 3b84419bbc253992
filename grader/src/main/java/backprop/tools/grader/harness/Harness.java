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
import java.util.LinkedHashMap;
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
 */
public final class Harness {

    /** The grader that started this JVM: when it is gone, nobody reads the results any more. */
    private static final ProcessHandle PARENT = ProcessHandle.current().parent().orElse(null);

    private final String nonce;
    private final FileOutputStream results;
    private final Path tests;
    private final Path student;
    private final long timeoutMillis;
    private final long stackBytes;
    private final Capture capture;
    private final Set<String> failedExercises = ConcurrentHashMap.newKeySet();
    private Launcher launcher;

    private Harness(List<String> config) throws IOException {
        this.nonce = config.get(0);
        this.results = new FileOutputStream(config.get(1), true);
        this.tests = Path.of(config.get(3));
        this.student = Path.of(config.get(4));
        this.timeoutMillis = Long.parseLong(config.get(5));
        this.stackBytes = Long.parseLong(config.get(6));
        this.capture = new Capture(Integer.parseInt(config.get(7)));
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
        List<List<String>> plan = Files.readAllLines(Path.of(config.get(2)), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(Wire::split).toList();
        h.takeOverStreams();
        h.launcher = Runner.newLauncher();
        h.warmUp();
        List<String[]> tests = new ArrayList<>();
        List<String[]> probes = new ArrayList<>();
        for (List<String> item : plan) {
            switch (item.get(0)) {
                case "FAILED" -> h.failedExercises.add(item.get(1));
                case "TEST" -> tests.add(new String[] {item.get(1), item.get(2)});
                case "PROBE" -> probes.add(new String[] {item.get(1), item.get(2)});
                default -> {
                }
            }
        }
        for (List<String[]> group : byClass(tests)) {
            h.runClass(group);
        }
        List<String[]> wanted = probes.stream().filter(p -> h.failedExercises.contains(p[0])).toList();
        for (List<String[]> group : byClass(wanted)) {
            h.runClass(group);
        }
        h.write("DONE");
        Runtime.getRuntime().halt(0);
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

    /** Groups plan items {exercise, method uid} by top-level test class, keeping their order. */
    static List<List<String[]>> byClass(List<String[]> items) {
        Map<String, List<String[]>> groups = new LinkedHashMap<>();
        for (String[] item : items) {
            String uid = item[1];
            int end = uid.indexOf("]/", uid.indexOf("[class:"));
            groups.computeIfAbsent(end < 0 ? uid : uid.substring(0, end + 1), k -> new ArrayList<>()).add(item);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * Runs the given methods of one test class in a fresh loader, one JUnit request, on a worker
     * thread; each method has its own time limit. A method that times out is stopped and the
     * methods that are left run again in a new loader.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void runClass(List<String[]> items) throws InterruptedException {
        Map<String, String> remaining = new LinkedHashMap<>();
        items.forEach(i -> remaining.put(i[1], i[0]));
        while (!remaining.isEmpty()) {
            RoutingLoader loader = new RoutingLoader(tests, student, Harness.class.getClassLoader());
            Map<String, Boolean> finished = new ConcurrentHashMap<>();
            Set<String> failedContainers = ConcurrentHashMap.newKeySet();
            String[] current = {null};
            boolean[] aborted = {false};
            long[] since = {System.nanoTime()};
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (String m : new ArrayList<>(remaining.keySet())) {
                try {
                    selectors.add(Runner.methodSelector(loader, m));
                } catch (Throwable t) {
                    failedExercises.add(remaining.get(m));
                    write("START", m);
                    write("NORESULT", m, "the test class could not be loaded: " + Describe.throwable(t));
                    write("END", m, "0");
                    remaining.remove(m);
                }
            }
            if (selectors.isEmpty()) {
                return;
            }
            Runner.Events events = new Runner.Events() {
                @Override
                public void started(String uid) {
                    synchronized (Harness.this) {
                        if (aborted[0] || !remaining.containsKey(uid)) {
                            return;
                        }
                        synchronized (current) {
                            current[0] = uid;
                            since[0] = System.nanoTime();
                        }
                        takeOverStreams();
                        capture.drain();
                        write("START", uid);
                    }
                }

                @Override
                public void finished(String uid) {
                    synchronized (Harness.this) {
                        if (aborted[0] || !remaining.containsKey(uid)) {
                            return;
                        }
                        long millis;
                        synchronized (current) {
                            millis = (System.nanoTime() - since[0]) / 1_000_000;
                            current[0] = null;
                            since[0] = System.nanoTime();
                        }
                        finished.put(uid, true);
                        write("END", uid, Long.toString(millis));
                    }
                }

                @Override
                public void test(String uid, String displayPath, Set<String> tags, String status, String description) {
                    String output = capture.drain();
                    synchronized (Harness.this) {
                        if (aborted[0]) {
                            return;
                        }
                        if (!status.equals("SUCCESSFUL")) {
                            tags.stream().filter(t -> t.startsWith("ex")).forEach(t -> failedExercises.add(t.substring(2)));
                        }
                        write("LEAF", uid, status, description, output);
                    }
                }

                @Override
                public void container(String uid, String description) {
                    String output = capture.drain();
                    synchronized (Harness.this) {
                        if (aborted[0]) {
                            return;
                        }
                        failedContainers.add(uid);
                        remaining.keySet().stream().filter(m -> m.startsWith(uid)).forEach(m -> failedExercises.add(remaining.get(m)));
                        write("CONTAINER", uid, description, output);
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
            Launcher current0 = launcher;
            Runnable task = () -> {
                try {
                    Runner.run(current0, selectors, Map.of(), events);
                } catch (ThreadDeath d) {
                    throw d;
                } catch (Throwable t) {
                    events.unresolved("the tests could not run: " + Describe.throwable(t));
                }
            };
            Thread worker = new Thread(null, task, "course-test", stackBytes);
            worker.setDaemon(true);
            worker.setContextClassLoader(loader);
            worker.start();
            String timedOut = null;
            int polls = 0;
            while (worker.isAlive()) {
                worker.join(25);
                if (++polls % 40 == 0 && PARENT != null && !PARENT.isAlive()) {
                    Runtime.getRuntime().halt(5);
                }
                long elapsed;
                String running;
                synchronized (current) {
                    elapsed = (System.nanoTime() - since[0]) / 1_000_000;
                    running = current[0];
                }
                if (worker.isAlive() && elapsed > timeoutMillis) {
                    // the method running, or (between methods, e.g. in a static initializer) the next one
                    timedOut = running != null ? running
                            : remaining.keySet().stream().filter(m -> !finished.containsKey(m)).findFirst().orElse(null);
                    if (timedOut != null) {
                        failedExercises.add(remaining.get(timedOut));
                        if (running == null) {
                            write("START", timedOut);
                        }
                    }
                    synchronized (this) {
                        aborted[0] = true;
                        write("TIMEOUT", timedOut == null ? "" : timedOut, Long.toString(elapsed));
                    }
                    Abort.now = true;
                    long deadline = System.currentTimeMillis() + 1500;
                    while (worker.isAlive() && System.currentTimeMillis() < deadline) {
                        worker.stop();
                        worker.join(200);
                    }
                    Abort.now = false;
                    if (worker.isAlive()) {
                        write("STUCK", timedOut == null ? "" : timedOut);
                        Runtime.getRuntime().halt(3);
                    }
                    launcher = Runner.newLauncher();
                    break;
                }
            }
            for (String m : new ArrayList<>(remaining.keySet())) {
                if (finished.containsKey(m) || m.equals(timedOut)) {
                    remaining.remove(m);
                } else if (timedOut == null) {
                    remaining.remove(m);
                    boolean covered = failedContainers.stream().anyMatch(m::startsWith);
                    if (!covered) {
                        failedExercises.add(items.stream().filter(i -> i[1].equals(m)).findFirst().map(i -> i[0]).orElse(""));
                        write("START", m);
                        write("NORESULT", m, "no test of this method reported a result");
                    }
                    write("END", m, "0");
                }
            }
        }
    }
}
