package backprop.tools.grader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code similarity} command. Reading the submissions (through {@link Ingest}, with its limits, so a zip is
 * unpacked as safely as for grading) and writing the stubs as the base code happen here, on Java 17; the comparison
 * itself is JPlag 5.1.0, which needs Java 21 or newer, in the separate module {@code similarity/}
 * ({@code backprop.tools.similarity.SimilarityReport}), built only by the Maven profile that activates on JDK 21+.
 * It is called through reflection so that this module still compiles for Java 17.
 */
public final class Similarity {

    static final String ENGINE = "backprop.tools.similarity.SimilarityReport";
    static final int NEEDS_JAVA = 21;

    private Similarity() {
    }

    /** What to tell the user when this JVM cannot run the comparison, or null when it can. */
    static String requirement(int javaFeature, boolean enginePresent, String javaHome) {
        if (javaFeature < NEEDS_JAVA) {
            return "similarity needs Java " + NEEDS_JAVA + " or newer (it uses JPlag 5.1.0, built for Java 21); this grader runs on Java "
                    + javaFeature + " (" + javaHome + "). Run it with a JDK 21+ and the similarity jar on the class path, e.g.\n"
                    + "  /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp grader/target/backprop-grader.jar:similarity/target/backprop-similarity.jar "
                    + "backprop.tools.grader.Main similarity SUBMISSIONS --out OUT\n"
                    + "(build the jar with a JDK 21+: JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -pl similarity package)";
        }
        if (!enginePresent) {
            return "similarity needs the JPlag part, which is not on the class path: build it with a JDK 21+ "
                    + "(JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -pl similarity package) and run\n"
                    + "  java -cp grader/target/backprop-grader.jar:similarity/target/backprop-similarity.jar "
                    + "backprop.tools.grader.Main similarity SUBMISSIONS --out OUT";
        }
        return null;
    }

    static boolean enginePresent() {
        try {
            Class.forName(ENGINE, false, Similarity.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Command(name = "similarity", mixinStandardHelpOptions = true,
            description = {"Compares every pair of submissions in SUBMISSIONS with JPlag (the stubs are the base code, so what every "
                + "student was given does not count) and writes OUT/similarity.html (pairs above --threshold with their matching "
                + "regions, offline), OUT/histogram.svg and OUT/pairs.csv.",
                "Needs Java 21+ and the similarity jar (built by the jdk21 Maven profile) on the class path; says so otherwise."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:report written", "2:invalid command line", "3:SUBMISSIONS missing or OUT not writable",
                "4:this JVM cannot run the comparison (Java older than 21, or the similarity jar missing)"})
    static final class Run implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "SUBMISSIONS", description = "the folder with one folder or .zip per student")
        Path submissions;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "where to write the report")
        Path out;

        @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "S",
                description = "report pairs whose similarity (0 to 1, JPlag's average) is at least S (default: ${DEFAULT-VALUE})")
        double threshold;

        @Option(names = "--min-tokens", defaultValue = "9", paramLabel = "N",
                description = "the shortest match, in tokens, that counts (default: ${DEFAULT-VALUE}, JPlag's for Java)")
        int minTokens;

        @Option(names = "--details", defaultValue = "50", paramLabel = "N",
                description = "show the matching code of the N most similar flagged pairs; the others are listed (default: ${DEFAULT-VALUE})")
        int details;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (!(threshold >= 0 && threshold <= 1) || minTokens < 1 || details < 0) {
                err.println("backprop-grader: --threshold must be between 0 and 1, --min-tokens at least 1 and --details at least 0");
                return Main.USAGE;
            }
            String need = requirement(Runtime.version().feature(), enginePresent(), System.getProperty("java.home"));
            if (need != null) {
                err.println("backprop-grader: " + need);
                return Main.BROKEN;
            }
            if (!Files.isDirectory(submissions)) {
                err.println("backprop-grader: the submissions folder " + submissions + " does not exist or is not a folder");
                return Main.IO;
            }
            if (!Main.writable(out, err)) {
                return Main.IO;
            }
            CourseBundle course = Main.course(out, err);
            if (course == null) {
                return Main.BROKEN;
            }
            Path work = out.resolve(".similarity");
            Grader.deleteTree(work);
            Path base = writeSources(work.resolve("base"), course.stubs());
            Path subs = Files.createDirectories(work.resolve("submissions"));
            Map<String, String> names = new LinkedHashMap<>();
            Ids.Listing listing = Ids.list(submissions, out);
            for (Ids.Entry e : listing.entries()) {
                Ingest.Submission s = Ingest.read(e.id(), e.path(), Ingest.Limits.DEFAULT);
                if (s.isRejected() || s.sources().isEmpty()) {
                    err.println("similarity: left out " + Inert.terminal(e.id(), 80) + ": "
                            + (s.isRejected() ? Inert.terminal(s.rejected(), 200) : "no Java sources"));
                    continue;
                }
                writeSources(subs.resolve(e.file()), s.sources());
                names.put(e.file(), e.id());
            }
            if (names.size() < 2) {
                err.println("backprop-grader: similarity needs at least two submissions with Java sources; found " + names.size());
                return Main.USAGE;
            }
            Method report = Class.forName(ENGINE).getMethod("report", Path.class, Path.class, Path.class, double.class, int.class,
                    int.class, Map.class, PrintStream.class);
            PrintStream log = new PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    err.write(b);
                }

                @Override
                public void flush() {
                    err.flush();
                }
            }, true, StandardCharsets.UTF_8);
            try {
                int flagged = (Integer) report.invoke(null, subs, base, out, threshold, minTokens, details, names, log);
                log.flush();
                Grader.deleteTree(work);
                spec.commandLine().getOut().println(String.format(Locale.ROOT, "Compared %d submissions: %d pairs at or above %.2f; "
                        + "report in %s", names.size(), flagged, threshold, out.resolve("similarity.html")));
                return Main.OK;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                err.println("backprop-grader: the comparison failed: " + Inert.terminal(String.valueOf(cause), 1000));
                return cause instanceof IOException ? Main.IO : Main.BROKEN;
            }
        }
    }

    private static Path writeSources(Path dir, Map<String, String> sources) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : sources.entrySet()) {
            Path p = dir.resolve(f.getKey()).normalize();
            if (!p.startsWith(dir)) {
                continue;
            }
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
