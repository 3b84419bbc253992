package backprop.tools.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The grader's command line. */
@Command(name = "backprop-grader", mixinStandardHelpOptions = true, version = "backprop-grader 1.0",
        description = "Grades the course's exercises safely and fast, and builds what students and Gradescope receive.",
        subcommands = {Main.Grade.class, Merge.Run.class, Export.Run.class, Similarity.Run.class, GradescopePackage.Command.class, GradescopePackage.Run.class, StudentKit.Command.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some submissions could not be graded because the grader itself failed (rows with status error)",
            "2:invalid command line", "3:cannot read the input or write the output (a folder is missing or not writable)",
            "4:the grader is broken (no course bundle or no Java compiler)"})
public final class Main implements Callable<Integer> {

    public static final int OK = 0;
    public static final int GRADER_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int IO = 3;
    public static final int BROKEN = 4;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line and returns the exit code (used by main and by tests). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("backprop-grader: " + Inert.terminal(String.valueOf(e.getMessage()), 2000));
            return e instanceof IOException ? IO : BROKEN;
        });
        return cl.execute(args);
    }

    @Command(name = "grade", mixinStandardHelpOptions = true,
            description = {"Grades every submission in SUBMISSIONS (a copy of exercises/ as a folder, or a .zip of one; "
                + "the name is the student's id) and writes gradebook.csv, feedback/, gradescope/ and summary.* to --out.",
                "Re-running resumes: a submission whose content has not changed since it was graded is skipped."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every submission has a row (whatever its score)", "1:the grader failed on some submissions (status error)",
                "2:invalid command line", "3:SUBMISSIONS missing or --out not writable", "4:the grader is broken"})
    static final class Grade implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "the folder with one folder or .zip per student")
        Path submissions;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "where to write the gradebook and feedback")
        Path out;

        @Option(names = {"-j", "--jobs"}, defaultValue = "1", description = "submissions graded at once (default: ${DEFAULT-VALUE})")
        int jobs;

        @Option(names = "--test-timeout", defaultValue = "10s", converter = DurationConverter.class,
                description = "time limit of one test method, e.g. 10s or 1500ms (default: ${DEFAULT-VALUE})")
        Duration testTimeout;

        @Option(names = "--submission-timeout", defaultValue = "300s", converter = DurationConverter.class,
                description = "wall-clock limit of one submission's tests (default: ${DEFAULT-VALUE})")
        Duration submissionTimeout;

        @Option(names = "--heap-mb", defaultValue = "256", description = "heap of the test JVM in MiB (default: ${DEFAULT-VALUE})")
        int heapMb;

        @Option(names = "--stack-kb", defaultValue = "1024", description = "stack of a test thread in KiB (default: ${DEFAULT-VALUE})")
        int stackKb;

        @Option(names = "--compile-timeout", defaultValue = "60", description = "seconds the compiler may take per submission (default: ${DEFAULT-VALUE})")
        long compileTimeout;

        @Option(names = "--chapters", split = ",", paramLabel = "N",
                description = "grade only these chapters, e.g. --chapters 1,2 (default: all); the others count neither points nor maximum")
        java.util.Set<Integer> chapters = new java.util.TreeSet<>();

        @Option(names = "--hidden-detail", defaultValue = "summary", converter = HiddenDetailConverter.class, paramLabel = "LEVEL",
                description = "what the feedback shows of a failed hidden test: none (its name only), summary (its message, with "
                    + "the expected and the actual value, on one line of at most 400 characters) or full (the whole message); "
                    + "default: ${DEFAULT-VALUE}")
        Reports.HiddenDetail hiddenDetail;

        @Option(names = "--force", description = "grade every submission again, even unchanged ones")
        boolean force;

        @Option(names = "--keep-work", description = "keep the compiled classes and child logs under OUT/.grader/work")
        boolean keepWork;

        @Option(names = "--shard", paramLabel = "K/N", converter = Shard.Converter.class,
                description = "grade only the K-th of N parts of the submissions (by a hash of the id; K from 1 to N) and record it in "
                    + "OUT/shard.properties; join the N outputs with 'merge'")
        Shard shard;

        @Option(names = "--regrade", split = ",", paramLabel = "ID",
                description = "grade these submissions again even if unchanged (e.g. after a regrade request); the others only when new or changed")
        java.util.Set<String> regradeIds = new java.util.TreeSet<>();

        @Option(names = "--since", paramLabel = "INSTANT", converter = InstantConverter.class,
                description = "grade again, even if unchanged, every submission with a file modified after INSTANT (e.g. 2026-12-01T18:00:00Z)")
        java.time.Instant since;

        @Option(names = "--no-progress", description = "no progress bar (e.g. in CI logs)")
        boolean noProgress;

        @Option(names = "--no-reuse", description = "run every test method in a test JVM, even where an earlier submission of this run "
                + "had the same code in every class the method loaded (by default its result is reused)")
        boolean noReuse;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.io.PrintWriter err = spec.commandLine().getErr();
            String range = jobs < 1 ? "--jobs must be at least 1, not " + jobs
                    : heapMb < 32 ? "--heap-mb must be at least 32, not " + heapMb
                    : stackKb < 128 ? "--stack-kb must be at least 128, not " + stackKb
                    : testTimeout.isNegative() || testTimeout.isZero() ? "--test-timeout must be longer than 0, not " + testTimeout
                    : null;
            if (range != null) {
                err.println("backprop-grader: " + range);
                return USAGE;
            }
            if (!Files.isDirectory(submissions)) {
                err.println("backprop-grader: the submissions folder " + submissions + " does not exist or is not a folder");
                return IO;
            }
            if (!writable(out, err)) {
                return IO;
            }
            CourseBundle course = course(out, err);
            if (course == null) {
                return BROKEN;
            }
            if (javax.tools.ToolProvider.getSystemJavaCompiler() == null) {
                err.println("backprop-grader: no Java compiler; run the grader with a JDK 17+, not a JRE");
                return BROKEN;
            }
            java.util.Set<Integer> courseChapters = course.chapters();
            if (!courseChapters.containsAll(chapters)) {
                java.util.Set<Integer> unknown = new java.util.TreeSet<>(chapters);
                unknown.removeAll(courseChapters);
                err.println("backprop-grader: --chapters names " + unknown + ", but this course has chapters " + courseChapters);
                return USAGE;
            }
            course = course.onlyChapters(chapters);
            Sandbox.Options box = new Sandbox.Options(testTimeout.toMillis(), submissionTimeout.toMillis(), heapMb, stackKb * 1024L,
                    Sandbox.Options.DEFAULT.outputCap());
            Grader.Settings settings = new Grader.Settings(submissions, out, jobs, box, Ingest.Limits.DEFAULT, compileTimeout, keepWork, force, hiddenDetail);
            Sandbox.Protections protections = Sandbox.Protections.detect();
            Grader grader = new Grader(settings, course, protections);
            if (noReuse) {
                grader.withoutReuse();
            }
            Ids.Listing listing = Grader.list(submissions, out);
            if (shard != null) {
                grader.only(shard::owns);
            }
            java.util.Set<String> known = new java.util.HashSet<>();
            listing.entries().forEach(e -> known.add(e.id()));
            java.util.List<String> unknown = regradeIds.stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                err.println("backprop-grader: --regrade names no submission of " + submissions + ": "
                        + unknown.stream().map(id -> Inert.terminal(id, 64)).collect(java.util.stream.Collectors.joining(", ")));
                return USAGE;
            }
            java.time.Instant after = since;
            grader.regrade((id, path) -> regradeIds.contains(id) || after != null && Grader.modifiedSince(path, after));
            int n = (int) listing.entries().stream().filter(e -> shard == null || shard.owns(e.id())).count();
            Grader.Run run;
            if (noProgress) {
                run = grader.run(id -> { });
            } else {
                try (ProgressBar pb = progressBar(n, System.err)) {
                    run = grader.run(id -> {
                        synchronized (pb) {
                            pb.setExtraMessage(Inert.terminal(id, 20));
                            pb.step();
                        }
                    });
                }
            }
            if (shard != null) {
                Shard.write(out, shard, course, chapters, listing, run, box);
                err.println("Shard " + shard + ": " + n + " of " + listing.entries().size() + " submissions; recorded in "
                        + out.resolve(Shard.FILE));
            }
            err.println(summaryLine(run));
            long[] reuse = grader.reuseCounts();
            if (reuse != null && reuse[0] > 0) {
                err.println(String.format(Locale.ROOT, "Reused the results of %d test method runs on code identical to an earlier "
                        + "submission's; ran %d.", reuse[0], reuse[1]));
            }
            if (!run.hidden().isEmpty()) {
                err.println("Not graded: " + run.hidden().size() + " hidden entries (names starting with a dot), listed in summary.md");
            }
            if (!course.missingChapters().isBlank()) {
                err.println("WARNING: this grader was built without the tests of chapter package(s) " + course.missingChapters());
            }
            return run.errors() > 0 ? GRADER_ERRORS : OK;
        }

        static String summaryLine(Grader.Run run) {
            java.util.Map<String, Long> byStatus = new java.util.TreeMap<>();
            run.results().forEach(g -> byStatus.merge(g.status(), 1L, Long::sum));
            double mean = run.results().stream().mapToDouble(Graded::total).average().orElse(0);
            return String.format(Locale.ROOT, "Graded %d submissions (%d now, %d unchanged) in %.1f s: %s; mean score %.2f. "
                    + "Protections: %s.", run.results().size(), run.graded(), run.skipped(), run.seconds(), byStatus, mean,
                    String.join("; ", run.protections().active()));
        }
    }

    /** Parses 10s, 1500ms, 2m or a plain number of seconds. */
    static final class InstantConverter implements CommandLine.ITypeConverter<java.time.Instant> {
        @Override
        public java.time.Instant convert(String value) {
            try {
                return java.time.Instant.parse(value.trim());
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    return java.time.LocalDate.parse(value.trim()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (java.time.format.DateTimeParseException e2) {
                    throw new CommandLine.TypeConversionException("--since is an instant such as 2026-12-01T18:00:00Z or a date such as "
                            + "2026-12-01 (UTC), not '" + value + "'");
                }
            }
        }
    }

    static final class HiddenDetailConverter implements CommandLine.ITypeConverter<Reports.HiddenDetail> {
        @Override
        public Reports.HiddenDetail convert(String value) {
            try {
                return Reports.HiddenDetail.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--hidden-detail is none, summary or full, not '" + value + "'");
            }
        }
    }

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String v) {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        }
    }

    static boolean writable(Path out) {
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".write-test", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether OUT can be written; if not, says so on {@code err}. */
    static boolean writable(Path out, java.io.PrintWriter err) {
        if (writable(out)) {
            return true;
        }
        err.println("backprop-grader: cannot write to " + out);
        return false;
    }

    /** The course bundle inside the grader's jar, unpacked under OUT/.grader/cache, or null after saying on {@code err} why it cannot be read. */
    static CourseBundle course(Path out, java.io.PrintWriter err) {
        try {
            return CourseBundle.load(out.resolve(".grader/cache"));
        } catch (IOException e) {
            err.println("backprop-grader: " + e.getMessage());
            return null;
        }
    }

    static ProgressBar progressBar(int n, PrintStream err) {
        return new ProgressBarBuilder().setTaskName("Grading").setInitialMax(n).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err, 100)).setUpdateIntervalMillis(250).build();
    }
}
