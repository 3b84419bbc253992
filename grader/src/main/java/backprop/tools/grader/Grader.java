package backprop.tools.grader;

import backprop.testing.course.CourseMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grades every submission of a folder: ingest, compile, allowlist, run the tests in a child JVM,
 * score, diagnose, and write the outputs (each atomically). A submission whose stored result has
 * the same content hash is not graded again.
 */
public final class Grader {

    /** How to grade. */
    public record Settings(Path submissions, Path out, int jobs, Sandbox.Options sandbox, Ingest.Limits limits,
            long compileTimeoutSeconds, boolean keepWork, boolean force, Reports.HiddenDetail hiddenDetail) {
    }

    /** What a run did. */
    public record Run(List<Graded> results, int graded, int skipped, int errors, Sandbox.Protections protections,
            double seconds, String missingChapters, List<String> hidden) {
    }

    /**
     * A diagnosis: the first line of a probe's failure, thrown as the probes' own class (its name
     * comes first, written by the harness from the class itself, so student text cannot produce it).
     */
    private static final Pattern MISTAKE = Pattern.compile("backprop\\.tools\\.grader\\.probes\\.MistakeFound: MISTAKE\\[([a-z0-9-]+)\\] ([^\\n]*)");

    private final Settings settings;
    private final CourseBundle course;
    private final Sandbox.Protections protections;
    private final Sandbox sandbox;
    private java.util.function.Predicate<String> only = id -> true;

    public Grader(Settings settings, CourseBundle course, Sandbox.Protections protections) {
        this.settings = settings;
        this.course = course;
        this.protections = protections;
        this.sandbox = new Sandbox(course, settings.sandbox(), protections);
    }

    /** Runs every test method in a test JVM ({@code grade --no-reuse}); see {@link Replay}. */
    public Grader withoutReuse() {
        sandbox.withoutReuse();
        return this;
    }

    /** Test method runs reused and run so far, or null without reuse. */
    public long[] reuseCounts() {
        return sandbox.reuseCounts();
    }

    /**
     * Grades again, even when unchanged, the submissions for which {@code test} holds (given the
     * id and the entry's path): {@code grade --regrade} and {@code --since}. The others are graded
     * only when new or changed, as always.
     */
    public Grader regrade(java.util.function.BiPredicate<String, Path> test) {
        this.regrade = test;
        return this;
    }

    private java.util.function.BiPredicate<String, Path> regrade = (id, path) -> false;

    /** Whether any file of an entry (a zip, or a folder's files) was modified after {@code instant}; symbolic links are not followed. */
    public static boolean modifiedSince(Path entry, java.time.Instant instant) {
        try (java.util.stream.Stream<Path> walk = Files.walk(entry)) {
            return walk.limit(Ingest.MAX_WALK).anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(instant);
                } catch (IOException e) {
                    return true; // cannot tell: grade it again
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return true;
        }
    }

    /** Grades only the submissions whose id passes {@code filter} (a shard, see {@link Shard}); the others are left out of every output. */
    public Grader only(java.util.function.Predicate<String> filter) {
        this.only = filter;
        return this;
    }

    /** The submissions in a folder, with their ids and file names (see {@link Ids}); hidden entries are listed apart. */
    public static Ids.Listing list(Path folder, Path out) throws IOException {
        return Ids.list(folder, out);
    }

    public Run run(Consumer<String> progress) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Ids.Listing listing = list(settings.submissions(), settings.out());
        Files.createDirectories(settings.out().resolve(".grader/results"));
        removeLeftovers(settings.out());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.jobs()), r -> {
            Thread t = new Thread(r, "grade");
            t.setDaemon(true);
            return t;
        });
        Map<String, Graded> done = new java.util.TreeMap<>();
        int[] counts = new int[3];
        List<Future<?>> futures = new ArrayList<>();
        for (Ids.Entry s : listing.entries()) {
            if (!only.test(s.id())) {
                continue;
            }
            futures.add(pool.submit(() -> {
                Outcome o = gradeAndWrite(s.id(), s.file(), s.path());
                synchronized (done) {
                    done.put(s.id(), o.graded);
                    counts[o.skipped ? 1 : 0]++;
                    if (o.graded.status().equals("error")) {
                        counts[2]++;
                    }
                    try {
                        Reports.writeGradebook(settings.out(), course, new ArrayList<>(done.values()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                progress.accept(s.id());
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("writing the outputs failed: " + Inert.terminal(e.getCause().getMessage(), 300), e.getCause());
            }
        }
        List<Graded> all = new ArrayList<>(done.values());
        double seconds = (System.nanoTime() - start) / 1e9;
        Run run = new Run(all, counts[0], counts[1], counts[2], protections, seconds, course.missingChapters(), listing.hidden());
        Reports.writeGradebook(settings.out(), course, all);
        Reports.writeSummary(settings.out(), course, run, settings);
        return run;
    }

    private record Outcome(Graded graded, boolean skipped) {
    }

    /** Grades one submission without writing any file (Gradescope). */
    public Graded gradeOne(String id, Path path) {
        try {
            Ingest.Submission sub = Ingest.read(id, path, settings.limits());
            return grade(sub, hash(sub), Ids.fileOf(id));
        } catch (Throwable t) {
            return new Graded(id, "-", "error", "the grader failed on this submission: " + t, 0, 0, 0, List.of(), List.of(),
                    List.of(String.valueOf(t)), List.of());
        }
    }

    private Outcome gradeAndWrite(String id, String safe, Path path) {
        Path stored = settings.out().resolve(".grader/results/" + safe + ".tsv");
        Graded g;
        try {
            Ingest.Submission sub = Ingest.read(id, path, settings.limits());
            String hash = hash(sub);
            if (!settings.force() && !regrade.test(id, path) && Files.isRegularFile(stored)) {
                try {
                    Graded old = Graded.read(stored);
                    if (old.id().equals(id) && old.hash().equals(hash) && !old.status().equals("error") && Reports.outputsExist(settings.out(), safe)) {
                        return new Outcome(old, true);
                    }
                } catch (IOException | RuntimeException e) {
                    // a damaged record: grade again
                }
            }
            g = grade(sub, hash, safe);
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            g = new Graded(id, "-", "error", "the grader failed on this submission: " + t, 0, course.map().exercises().stream()
                    .mapToInt(CourseMap.Exercise::points).sum(), 0, List.of(), List.of(), List.of(String.valueOf(t)), List.of());
        }
        try {
            Reports.writeStudent(settings.out(), course, g, safe, settings.hiddenDetail());
            AtomicFiles.write(stored, g.serialize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(g, false);
    }

    private String hash(Ingest.Submission sub) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add = s -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(b);
            };
            add.accept(course.hash());
            add.accept(Integer.toString(course.catalog().entries().size()));
            add.accept(settings.sandbox().toString());
            add.accept(settings.hiddenDetail().name());
            add.accept(String.valueOf(sub.rejected()));
            sub.notes().forEach(add);
            sub.sources().forEach((k, v) -> {
                add.accept(k);
                add.accept(v);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Graded grade(Ingest.Submission sub, String hash, String safe) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>(sub.notes());
        if (sub.isRejected()) {
            notes.add("rejected: " + sub.rejected());
            return score(sub.id(), hash, "rejected", sub.rejected(), Map.of(), null, notes, List.of(), t0);
        }
        StudentBuild.Result build = StudentBuild.build(sub.sources(), course.stubs(), settings.compileTimeoutSeconds());
        notes.addAll(build.notes());
        if (!build.ok()) {
            return score(sub.id(), hash, "compile-error", build.fatal(), Map.of(), null, notes, build.refusals(), t0);
        }
        Path work = settings.out().resolve(".grader/work/" + safe);
        deleteTree(work);
        Path classes = Files.createDirectories(work.resolve("classes"));
        for (Map.Entry<String, byte[]> c : build.classes().entrySet()) {
            Path f = classes.resolve(c.getKey().replace('.', '/') + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, c.getValue());
        }
        Sandbox.Outcome outcome = sandbox.run(work, classes);
        if (!settings.keepWork()) {
            deleteTree(work);
        }
        String status = build.replaced().isEmpty() && build.refusals().isEmpty() ? "graded" : "partial";
        return score(sub.id(), hash, status, "", build.classes(), outcome, notes, build.refusals(), t0);
    }

    private Graded score(String id, String hash, String status, String reason, Map<String, byte[]> classes,
            Sandbox.Outcome outcome, List<String> notes, List<String> refusals, long t0) {
        List<Graded.Test> tests = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        Set<String> passed = new HashSet<>();
        int timeouts = 0;
        int crashes = 0;
        for (Catalog.Entry e : course.catalog().scored()) {
            String st;
            String msg;
            String output = "";
            if (outcome == null) {
                st = "failed";
                msg = status.equals("rejected") ? "the submission was rejected" : "the submission did not compile";
            } else {
                Sandbox.Leaf leaf = outcome.leaves().get(e.uid());
                if (leaf != null) {
                    st = switch (leaf.status()) {
                        case "SUCCESSFUL" -> "passed";
                        case "TIMEOUT" -> "timeout";
                        default -> "failed";
                    };
                    msg = st.equals("timeout") ? "timeout: stopped after the time limit (an endless loop?)" : friendly(leaf.description());
                    output = leaf.output();
                } else {
                    String problem = outcome.methodProblems().get(e.methodUid());
                    if (problem == null) {
                        problem = outcome.containerProblems().entrySet().stream()
                                .filter(c -> e.uid().startsWith(c.getKey())).map(c -> friendly(c.getValue())).findFirst()
                                .orElse("did not run: no result was reported for this test");
                    }
                    st = problem.startsWith("timeout") ? "timeout" : problem.startsWith("crash") ? "crash" : "failed";
                    msg = problem;
                }
            }
            if (st.equals("timeout")) {
                timeouts++;
            } else if (st.equals("crash")) {
                crashes++;
            }
            tests.add(new Graded.Test(e.exercise(), e.kind().name().toLowerCase(Locale.ROOT), e.name(), st, msg, output));
            int[] c = counts.computeIfAbsent(e.exercise(), k -> new int[2]);
            c[0]++;
            if (st.equals("passed")) {
                c[1]++;
                passed.add(e.uid());
            }
        }
        List<Graded.Exercise> exercises = new ArrayList<>();
        double total = 0;
        double max = 0;
        for (CourseMap.Exercise x : course.map().exercises()) {
            int[] c = counts.getOrDefault(x.id(), new int[2]);
            // each test's weight from weights.tsv: the headline carries the points, given validation none
            double s = c[0] == 0 ? 0 : course.catalog().score(x.id(), x.points(), t -> passed.contains(t.uid()));
            exercises.add(new Graded.Exercise(x.id(), x.title(), x.points(), c[0], c[1], s));
            total += s;
            if (c[0] > 0) {
                max += x.points();
            }
        }
        List<Graded.Diagnosis> diagnoses = new ArrayList<>();
        if (outcome != null) {
            for (Catalog.Entry p : course.catalog().probes()) {
                Sandbox.Leaf leaf = outcome.leaves().get(p.uid());
                if (leaf != null && leaf.status().equals("FAILED")) {
                    String[] found = diagnosis(leaf.description());
                    if (found != null && counts.containsKey(p.exercise())
                            && counts.get(p.exercise())[1] < counts.get(p.exercise())[0]) {
                        Graded.Diagnosis d = new Graded.Diagnosis(p.exercise(), found[0], found[1]);
                        if (!diagnoses.contains(d)) {
                            diagnoses.add(d);
                        }
                    }
                }
            }
        }
        if (outcome != null) {
            notes = new ArrayList<>(notes);
            notes.addAll(cascades(course, outcome));
        }
        List<String> why = new ArrayList<>();
        if (!reason.isEmpty()) {
            why.add(reason);
        }
        refusals.stream().limit(2).forEach(r -> why.add("refused " + r));
        notes.stream().filter(n -> n.contains("does not compile") || n.contains("missing") || n.contains("declares the package")
                || n.contains("refused the zip entry") || n.contains("symbolic link")).limit(3).forEach(why::add);
        if (timeouts > 0) {
            why.add(timeouts + (timeouts == 1 ? " test" : " tests") + " timed out");
        }
        if (crashes > 0) {
            why.add(crashes + (crashes == 1 ? " test" : " tests") + " crashed the test JVM"
                    + tests.stream().filter(t -> t.status().equals("crash")).findFirst().map(t -> " (" + t.message() + ")").orElse(""));
        }
        long overflows = tests.stream().filter(t -> t.message().startsWith("stack overflow")).count();
        if (overflows > 0) {
            why.add(overflows + (overflows == 1 ? " test" : " tests") + " ended in a stack overflow (an endless recursion?)");
        }
        if (outcome != null && outcome.forgedLines() > 0) {
            why.add(outcome.forgedLines() + " lines on the results channel were not the harness's and were ignored");
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Graded(id, hash, status, String.join("; ", why), Math.round(total * 1e4) / 1e4, max, millis,
                exercises, tests, notes, diagnoses);
    }

    /**
     * The sentences that tell a student which exercise to fix first: an exercise whose tests pass
     * when the others are the course's (the isolated run, which scores) but fail with the
     * student's own code (the plain run) is right given a correct one of the exercises that
     * failed and that those tests ran. In course order, one sentence per exercise.
     */
    static List<String> cascades(CourseBundle course, Sandbox.Outcome outcome) {
        Set<String> failed = new HashSet<>();
        for (Catalog.Entry e : course.catalog().scored()) {
            Sandbox.Leaf leaf = outcome.leaves().get(e.uid());
            if (leaf == null || !leaf.status().equals("SUCCESSFUL")) {
                failed.add(e.exercise());
            }
        }
        Map<String, Set<String>> culprits = new LinkedHashMap<>();
        Map<String, Integer> affected = new LinkedHashMap<>();
        for (Catalog.Entry e : course.catalog().scored()) {
            Sandbox.Leaf isolated = outcome.leaves().get(e.uid());
            if (isolated == null || !isolated.status().equals("SUCCESSFUL")) {
                continue;
            }
            Sandbox.Leaf plain = outcome.leaves().get(backprop.tools.grader.harness.Harness.PLAIN + e.uid());
            String problem = outcome.methodProblems().get(backprop.tools.grader.harness.Harness.PLAIN + e.methodUid());
            boolean plainFailed = plain != null ? !plain.status().equals("SUCCESSFUL") : problem != null;
            if (!plainFailed) {
                continue;
            }
            List<String> blame = outcome.used().getOrDefault(e.methodUid(), Set.of()).stream()
                    .filter(x -> failed.contains(x) && !x.equals(e.exercise())).toList();
            if (!blame.isEmpty()) {
                culprits.computeIfAbsent(e.exercise(), k -> new java.util.TreeSet<>(Grader::byCourseOrder)).addAll(blame);
                affected.merge(e.exercise(), 1, Integer::sum);
            }
        }
        List<String> sentences = new ArrayList<>();
        for (CourseMap.Exercise x : course.map().exercises()) {
            Set<String> c = culprits.get(x.id());
            if (c == null) {
                continue;
            }
            String names = String.join(" and ", c);
            int n = affected.get(x.id());
            String tests = n == 1 ? "1 of its tests fails" : n + " of its tests fail";
            sentences.add(failed.contains(x.id())
                    ? "Part of your " + x.id() + " is right given a correct " + names + "; fix " + names + " first (with your "
                            + names + ", " + tests + " more; they count as passed)."
                    : "Your " + x.id() + " is right given a correct " + names + "; fix " + names + " first (with your "
                            + names + ", " + tests + "; " + x.id() + " keeps its points).");
        }
        return sentences;
    }

    /** Exercise ids in course order: 1.2 before 1.10. */
    static int byCourseOrder(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** {mistake id, evidence} when a probe's failure is one of the probes' own diagnoses of a known mistake, else null. */
    static String[] diagnosis(String description) {
        Matcher m = MISTAKE.matcher(description == null ? "" : description.lines().findFirst().orElse(""));
        return m.matches() && Mistakes.ALL.containsKey(m.group(1)) ? new String[] {m.group(1), m.group(2)} : null;
    }

    /** A failure message a student can act on. */
    static String friendly(String description) {
        if (description == null || description.isBlank()) {
            return "failed";
        }
        String first = description.lines().findFirst().orElse("");
        if (first.startsWith("java.lang.UnsupportedOperationException: Chapter")) {
            return "not implemented yet: " + first.substring("java.lang.UnsupportedOperationException: ".length());
        }
        for (String api : List.of("NoSuchMethodError", "NoSuchFieldError", "NoClassDefFoundError", "AbstractMethodError",
                "IncompatibleClassChangeError", "ClassNotFoundException")) {
            if (description.contains("java.lang." + api)) {
                return "your code does not have the API the tests expect (" + api + ": "
                        + first.substring(first.indexOf(':') + 1).trim() + "); keep the given classes and signatures";
            }
        }
        if (first.startsWith("java.lang.StackOverflowError")) {
            return "stack overflow: an endless recursion?" + rest(description);
        }
        if (first.startsWith("java.lang.ExceptionInInitializerError")) {
            return "a static initializer failed: " + description.replace('\n', ' ');
        }
        String shortened = description.replaceFirst("^org\\.opentest4j\\.AssertionFailedError: ", "")
                .replaceFirst("^java\\.lang\\.AssertionError: ", "");
        return shortened.length() > 1500 ? shortened.substring(0, 1500) + " [...]" : shortened;
    }

    private static String rest(String d) {
        int nl = d.indexOf('\n');
        return nl < 0 ? "" : d.substring(nl);
    }

    /** Temporary files of an earlier run that was killed while writing; the real files were never touched. */
    private static void removeLeftovers(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(f -> f.getFileName().toString().startsWith(".") && f.getFileName().toString().endsWith(".tmp")
                    && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.deleteIfExists(p);
            }
        }
        deleteTree(out.resolve(".grader/work"));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
