package backprop.tools.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Joins the outputs of {@code grade --shard K/N} runs into one output folder, as one unsharded
 * run would have written it: gradebook.csv, summary.*, feedback/, gradescope/ and the stored
 * results (so that a later {@code grade} into the merged folder resumes). It refuses shards that
 * overlap, that leave a part out, or that were graded with another course bundle, other chapters
 * or another submissions folder, naming them.
 */
public final class Merge {

    private Merge() {
    }

    /** A refusal with a message for the instructor. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = {"Joins the output folders of 'grade --shard K/N' (one per shard, all N of them) into one gradebook.csv, "
                + "summary, feedback/ and gradescope/ in --out.",
                "Refuses overlapping or missing shards, and shards graded with another course bundle, other --chapters or another "
                + "submissions folder."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:merged", "2:the shards do not fit together (overlap, missing, different versions)",
                "3:a shard's output cannot be read or --out cannot be written", "4:the grader is broken"})
    static final class Run implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "SHARD_OUT", description = "the --out folders of the shards' grade runs")
        List<Path> shards;

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "where to write the merged outputs")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Main.writable(out, err)) {
                return Main.IO;
            }
            CourseBundle course = Main.course(out, err);
            if (course == null) {
                return Main.BROKEN;
            }
            try {
                Merged m = merge(shards, out, course);
                spec.commandLine().getOut().println("Merged " + m.shards() + " shards: " + m.submissions() + " submissions into "
                        + out.resolve("gradebook.csv"));
                return Main.OK;
            } catch (Refused e) {
                err.println("backprop-grader: " + e.getMessage());
                return Main.USAGE;
            } catch (IOException e) {
                err.println("backprop-grader: " + Inert.terminal(String.valueOf(e.getMessage()), 2000));
                return Main.IO;
            }
        }
    }

    /** What a merge did. */
    record Merged(int shards, int submissions) {
    }

    static Merged merge(List<Path> dirs, Path out, CourseBundle course) throws Refused, IOException {
        List<Shard.Record> records = new ArrayList<>();
        for (Path d : dirs) {
            if (d.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new Refused("--out " + out + " is one of the shards' folders; merge into a new folder");
            }
            if (!Files.isDirectory(d)) {
                throw new IOException("the shard output " + d + " does not exist or is not a folder");
            }
            records.add(Shard.read(d));
        }
        check(dirs, records, course);
        // every file first, so that a shard with a missing file leaves --out untouched
        Map<String, Graded> results = new TreeMap<>();
        List<Path[]> copies = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            Path d = dirs.get(i);
            Shard.Record r = records.get(i);
            for (Ids.Entry e : r.graded()) {
                Path stored = d.resolve(".grader/results/" + e.file() + ".tsv");
                List<String> files = List.of("feedback/" + e.file() + ".md", "feedback/" + e.file() + ".html",
                        "gradescope/" + e.file() + "/results.json", ".grader/results/" + e.file() + ".tsv");
                for (String f : files) {
                    if (!Files.isRegularFile(d.resolve(f))) {
                        throw new Refused("shard " + r.shard() + " (" + d + ") lacks " + f + " of submission "
                                + Inert.terminal(e.id(), 80) + ": was its grade run complete? Run it again, then merge");
                    }
                    copies.add(new Path[] {d.resolve(f), out.resolve(f)});
                }
                Graded g = Graded.read(stored);
                if (!g.id().equals(e.id())) {
                    throw new Refused("shard " + r.shard() + " (" + d + "): " + stored + " holds the result of "
                            + Inert.terminal(g.id(), 80) + ", not of " + Inert.terminal(e.id(), 80));
                }
                results.put(e.id(), g);
            }
        }
        for (Path[] c : copies) {
            AtomicFiles.write(c[1], Files.readAllBytes(c[0]));
        }
        List<Graded> all = new ArrayList<>(results.values());
        Reports.writeGradebook(out, course, all);
        Shard.Record first = records.get(0);
        Set<String> active = new LinkedHashSet<>(first.active());
        Set<String> inactive = new LinkedHashSet<>(first.inactive());
        for (Shard.Record r : records) {
            for (String a : first.active()) {
                if (!r.active().contains(a)) {
                    active.remove(a);
                    inactive.add(a + " (not on shard " + r.shard() + ")");
                }
            }
        }
        Sandbox.Protections protections = new Sandbox.Protections(List.of(), List.copyOf(active), List.copyOf(inactive));
        double seconds = records.stream().mapToDouble(Shard.Record::seconds).max().orElse(0);
        Grader.Run run = new Grader.Run(all, records.stream().mapToInt(Shard.Record::gradedNow).sum(),
                records.stream().mapToInt(Shard.Record::skipped).sum(), records.stream().mapToInt(Shard.Record::errors).sum(),
                protections, seconds, first.missingChapters(), first.hidden());
        Grader.Settings settings = new Grader.Settings(out, out, 1, first.sandbox(), Ingest.Limits.DEFAULT, 0, false, false, Reports.HiddenDetail.DEFAULT);
        Reports.writeSummary(out, course, run, settings);
        StringBuilder note = new StringBuilder("# backprop-grader merge\nbundle.version=").append(first.bundle())
                .append("\nchapters=").append(first.chapters()).append("\nshards=").append(first.shard().n())
                .append("\nsubmissions=").append(all.size()).append('\n');
        for (int i = 0; i < dirs.size(); i++) {
            note.append("shard.").append(records.get(i).shard().k()).append('=').append(records.get(i).shard())
                    .append(' ').append(records.get(i).graded().size()).append(" submissions\n");
        }
        AtomicFiles.write(out.resolve("merge.properties"), note.toString());
        return new Merged(dirs.size(), all.size());
    }

    /** Refuses shards that do not make one whole: different N, versions, chapters or folders, overlaps, missing parts. */
    static void check(List<Path> dirs, List<Shard.Record> records, CourseBundle course) throws Refused {
        Shard.Record first = records.get(0);
        Path firstDir = dirs.get(0);
        for (int i = 1; i < records.size(); i++) {
            Shard.Record r = records.get(i);
            String where = "shard " + r.shard() + " (" + dirs.get(i) + ") and shard " + first.shard() + " (" + firstDir + ")";
            if (r.shard().n() != first.shard().n()) {
                throw new Refused(where + " split the class into different numbers of parts (" + r.shard().n() + " and "
                        + first.shard().n() + "); grade every shard with the same N");
            }
            if (!r.bundle().equals(first.bundle())) {
                throw new Refused(where + " were graded with different course bundles (" + r.bundle() + " and " + first.bundle()
                        + "); grade every shard with the same grader");
            }
            if (!r.chapters().equals(first.chapters())) {
                throw new Refused(where + " were graded with different --chapters (" + r.chapters() + " and " + first.chapters() + ")");
            }
            if (!r.folderFingerprint().equals(first.folderFingerprint())) {
                throw new Refused(where + " were graded from different submissions folders (" + r.folderSize() + " and "
                        + first.folderSize() + " submissions, or different names); grade every shard from the same folder");
            }
            if (!r.sandbox().equals(first.sandbox())) {
                throw new Refused(where + " were graded with different limits (" + r.sandbox() + " and " + first.sandbox() + ")");
            }
        }
        if (!first.bundle().equals(course.hash())) {
            throw new Refused("the shards were graded with course bundle " + first.bundle() + ", but this grader has " + course.hash()
                    + "; merge with the grader that graded them");
        }
        Map<Integer, List<Path>> byPart = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            byPart.computeIfAbsent(records.get(i).shard().k(), k -> new ArrayList<>()).add(dirs.get(i));
        }
        int n = first.shard().n();
        String overlapping = byPart.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "shard " + e.getKey() + "/" + n + " is given " + e.getValue().size() + " times ("
                        + e.getValue().stream().map(Path::toString).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "));
        if (!overlapping.isEmpty()) {
            throw new Refused("overlapping shards: " + overlapping + "; give each shard once");
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!byPart.containsKey(k)) {
                missing.add(k + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new Refused("missing shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + ": merge needs all " + n + " shards' output folders");
        }
        Map<String, String> owner = new TreeMap<>();
        int total = 0;
        for (Shard.Record r : records) {
            for (Ids.Entry e : r.graded()) {
                String before = owner.put(e.id(), r.shard().toString());
                if (before != null) {
                    throw new Refused("overlapping shards: submission " + Inert.terminal(e.id(), 80) + " was graded by shard " + before
                            + " and by shard " + r.shard());
                }
                total++;
            }
        }
        if (total != first.folderSize()) {
            throw new Refused("the shards graded " + total + " submissions, but the folder had " + first.folderSize());
        }
    }
}
