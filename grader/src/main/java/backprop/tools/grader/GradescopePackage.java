package backprop.tools.grader;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Gradescope: {@code package-gradescope} writes the autograder zip (setup.sh, run_autograder and
 * this very jar), and {@code gradescope-run} is what run_autograder calls inside Gradescope: it
 * grades {@code /autograder/submission} with the same code as {@code grade} and writes
 * {@code /autograder/results/results.json}.
 */
public final class GradescopePackage {

    private GradescopePackage() {
    }

    static final String SETUP = """
            #!/usr/bin/env bash
            # Gradescope autograder set-up: a JDK 17 (the grader compiles submissions with javax.tools).
            set -euo pipefail
            apt-get update
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jdk-headless
            # zip entries carry no Unix modes: make the entry point executable wherever Gradescope looks for it
            chmod +x /autograder/source/run_autograder
            if [ -f /autograder/run_autograder ]; then chmod +x /autograder/run_autograder; fi
            """;

    static final String RUN = """
            #!/usr/bin/env bash
            # Gradescope calls this for every submission; results go to /autograder/results/results.json.
            set -uo pipefail
            cd /autograder/source
            java -jar /autograder/source/backprop-grader.jar gradescope-run \\
                --submission /autograder/submission --results /autograder/results/results.json
            """;

    @CommandLine.Command(name = "package-gradescope", mixinStandardHelpOptions = true,
            description = "Writes the Gradescope autograder zip: setup.sh, run_autograder and the grader jar.")
    static final class Command implements Callable<Integer> {
        @CommandLine.Option(names = "--out", required = true, description = "the zip to write, e.g. autograder.zip")
        Path out;

        @Override
        public Integer call() throws IOException {
            Path jar = ownJar();
            if (jar == null) {
                System.err.println("backprop-grader: run package-gradescope from the built jar (grader/target/backprop-grader.jar)");
                return Main.BROKEN;
            }
            AtomicFiles.write(out, build(jar));
            System.err.println("Wrote " + out + ": upload it as the autograder of the Gradescope assignment.");
            return Main.OK;
        }
    }

    /** The zip's content. */
    static byte[] build(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("setup.sh", SETUP.getBytes(StandardCharsets.UTF_8));
        files.put("run_autograder", RUN.getBytes(StandardCharsets.UTF_8));
        files.put("backprop-grader.jar", Files.readAllBytes(jar));
        return StudentKit.zip(files);
    }

    static Path ownJar() {
        try {
            Path p = Path.of(GradescopePackage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    @CommandLine.Command(name = "gradescope-run", mixinStandardHelpOptions = true,
            description = "Inside Gradescope: grades one submission folder and writes results.json.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Option(names = "--submission", defaultValue = "/autograder/submission", description = "the student's upload")
        Path submission;

        @CommandLine.Option(names = "--results", defaultValue = "/autograder/results/results.json", description = "where results.json goes")
        Path results;

        @CommandLine.Option(names = "--test-timeout-ms", defaultValue = "10000")
        long testTimeout;

        @Override
        public Integer call() throws Exception {
            Path work = Files.createTempDirectory("grader");
            try {
                return grade(work);
            } finally {
                Grader.deleteTree(work);
            }
        }

        private Integer grade(Path work) throws Exception {
            CourseBundle course = CourseBundle.load(work.resolve("cache"));
            Path upload = singleZip(submission);
            Grader.Settings settings = new Grader.Settings(upload.getParent(), work.resolve("out"), 1,
                    new Sandbox.Options(testTimeout, 300_000, 256, 1 << 20, 16_384), Ingest.Limits.DEFAULT, 60, false, true, Reports.HiddenDetail.DEFAULT);
            Grader grader = new Grader(settings, course, Sandbox.Protections.detect());
            Graded g = grader.gradeOne("submission", upload);
            AtomicFiles.write(results, Reports.gradescope(g));
            return Main.OK;
        }

        /** Gradescope unpacks zips; if the upload is one zip that was not unpacked, grade the zip. */
        private static Path singleZip(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) {
                return dir;
            }
            try (Stream<Path> s = Files.list(dir)) {
                var entries = s.toList();
                if (entries.size() == 1 && entries.get(0).toString().endsWith(".zip")
                        && Files.isRegularFile(entries.get(0), LinkOption.NOFOLLOW_LINKS)) {
                    return entries.get(0);
                }
            }
            return dir;
        }
    }
}
