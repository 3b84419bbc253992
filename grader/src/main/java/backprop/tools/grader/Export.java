package backprop.tools.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Turns gradebook.csv into a file an LMS gradebook imports:
 *
 * <ul>
 * <li>canvas: Canvas's gradebook CSV, {@code Student,ID,SIS User ID,SIS Login ID,Section,<assignment>}, with the
 * {@code Points Possible} row under the header (the assignment column is {@code Name (ASSIGNMENT_ID)} when the
 * Canvas assignment id is known, so that Canvas updates that assignment instead of creating one);</li>
 * <li>moodle: Moodle's CSV grade import, one column identifying the user (email, idnumber or username, which the
 * import page maps in "Identify user by") and one grade column (mapped to the grade item);</li>
 * <li>csv: plain {@code id,score,max} by submission id.</li>
 * </ul>
 *
 * The roster (a CSV with a header) maps each submission id to the LMS's identifiers; a Canvas gradebook export works as
 * a roster as it is. Submissions with no roster row, and roster rows with no submission, are listed on standard error
 * and in {@code unmatched.csv} beside the output. Every text cell goes through {@link Inert#csv}, so a cell that starts
 * with {@code = + - @} is never read as a spreadsheet formula.
 */
public final class Export {

    private Export() {
    }

    enum Format {
        canvas, moodle, csv
    }

    /** A problem with the input, reported as one line. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes GRADEBOOK (the grader's gradebook.csv) as a file the LMS gradebook imports: "
                + "--format canvas (Canvas gradebook import CSV), moodle (Moodle CSV grade import) or csv (id,score,max).",
                "The roster maps submission ids to LMS identifiers: a CSV with a header holding the submission id column "
                + "(--match, default 'submission') and the LMS's columns (Canvas: Student, ID, SIS User ID, SIS Login ID, Section, "
                + "as in a Canvas gradebook export; Moodle: email, idnumber or username). Ids without a roster row and roster "
                + "rows without a submission go to standard error and unmatched.csv."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written (unmatched ids are listed but are not an error)", "2:invalid command line or roster",
                "3:the gradebook or roster cannot be read, or the output cannot be written"})
    static final class Run implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "GRADEBOOK", description = "gradebook.csv written by grade or merge")
        Path gradebook;

        @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "canvas, moodle or csv")
        Format format;

        @Option(names = "--roster", paramLabel = "ROSTER.csv", description = "the roster (required for canvas and moodle)")
        Path roster;

        @Option(names = "--match", defaultValue = "submission", paramLabel = "COLUMN",
                description = "the roster column holding the submission id, e.g. 'SIS Login ID' (default: ${DEFAULT-VALUE})")
        String match;

        @Option(names = "--assignment", defaultValue = "Backpropagation", paramLabel = "NAME",
                description = "the assignment's (grade item's) name in the LMS (default: ${DEFAULT-VALUE})")
        String assignment;

        @Option(names = "--assignment-id", paramLabel = "N", description = "Canvas: the assignment's id, written as 'NAME (N)'")
        String assignmentId;

        @Option(names = "--moodle-id", defaultValue = "email", paramLabel = "COLUMN",
                description = "Moodle: the roster column that identifies the user: email, idnumber or username (default: ${DEFAULT-VALUE})")
        String moodleId;

        @Option(names = "--out", paramLabel = "FILE", description = "the file to write (default: canvas.csv, moodle.csv or scores.csv "
                + "beside GRADEBOOK); unmatched.csv goes beside it")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                Path target = out != null ? out
                        : gradebook.toAbsolutePath().resolveSibling(format == Format.csv ? "scores.csv" : format + ".csv");
                Result r = export(gradebook, roster, format, match, assignment, assignmentId, moodleId, target);
                for (String id : r.noRoster()) {
                    err.println("export: submission " + Inert.terminal(id, 80) + " has no row in the roster (not exported)");
                }
                for (String who : r.noSubmission()) {
                    err.println("export: roster row " + Inert.terminal(who, 80) + " has no submission in the gradebook");
                }
                for (String id : r.notScored()) {
                    err.println("export: submission " + Inert.terminal(id, 80)
                            + " has status error (the grader failed on it): its cell is left empty; grade it again");
                }
                spec.commandLine().getOut().println("Wrote " + r.rows() + " rows to " + target
                        + (r.noRoster().isEmpty() && r.noSubmission().isEmpty() ? "" : "; unmatched: " + r.noRoster().size()
                                + " submissions without a roster row, " + r.noSubmission().size() + " roster rows without a submission, in "
                                + target.resolveSibling("unmatched.csv")));
                return Main.OK;
            } catch (Invalid e) {
                err.println("backprop-grader: " + e.getMessage());
                return Main.USAGE;
            } catch (IOException e) {
                err.println("backprop-grader: cannot read or write: " + Inert.terminal(String.valueOf(e.getMessage()), 500));
                return Main.IO;
            }
        }
    }

    /** What an export wrote and what it could not match. */
    record Result(int rows, List<String> noRoster, List<String> noSubmission, List<String> notScored) {
    }

    /** One gradebook row. */
    record Score(String id, String status, String total, String max) {
    }

    static Result export(Path gradebook, Path roster, Format format, String match, String assignment, String assignmentId,
            String moodleId, Path target) throws Invalid, IOException {
        if (!Files.isRegularFile(gradebook)) {
            throw new IOException("the gradebook " + gradebook + " does not exist");
        }
        List<Score> scores = readGradebook(gradebook);
        if (format != Format.csv && roster == null) {
            throw new Invalid("--format " + format + " needs --roster ROSTER.csv to map submission ids to " + format + "'s students");
        }
        if (assignmentId != null && !assignmentId.matches("[0-9]{1,20}")) {
            throw new Invalid("--assignment-id must be Canvas's numeric assignment id, e.g. 12345; got '" + Inert.terminal(assignmentId, 40) + "'");
        }
        if (format == Format.moodle && !List.of("email", "idnumber", "username").contains(moodleId.toLowerCase(Locale.ROOT))) {
            throw new Invalid("--moodle-id must be email, idnumber or username (the fields Moodle's import can identify users by)");
        }
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        List<Map<String, String>> rosterRows = List.of();
        if (roster != null) {
            if (!Files.isRegularFile(roster)) {
                throw new IOException("the roster " + roster + " does not exist");
            }
            rosterRows = readRoster(roster, match, format, moodleId);
            for (Map<String, String> r : rosterRows) {
                String id = r.get(key(match));
                if (id.isBlank()) {
                    continue;
                }
                if (byId.put(id, r) != null) {
                    throw new Invalid("the roster " + roster + " has two rows for submission " + Inert.terminal(id, 80)
                            + " (column '" + match + "'); each submission must map to one student");
                }
            }
        }
        String max = mostCommonMax(scores);
        List<String> noRoster = new ArrayList<>();
        List<String> notScored = new ArrayList<>();
        Map<String, Score> graded = new LinkedHashMap<>();
        for (Score s : scores) {
            graded.put(s.id(), s);
            if (s.status().equals("error")) {
                notScored.add(s.id());
            }
            if (roster != null && !byId.containsKey(s.id())) {
                noRoster.add(s.id());
            }
        }
        List<String> noSubmission = new ArrayList<>();
        for (Map<String, String> r : rosterRows) {
            if (!graded.containsKey(r.get(key(match)))) {
                noSubmission.add(describe(r, match));
            }
        }
        StringBuilder b = new StringBuilder();
        int rows = 0;
        switch (format) {
            case canvas -> {
                String column = assignment + (assignmentId == null ? "" : " (" + assignmentId + ")");
                b.append("Student,ID,SIS User ID,SIS Login ID,Section,").append(Inert.csv(column)).append('\n');
                b.append("Points Possible,,,,,").append(max).append('\n');
                for (Map.Entry<String, Map<String, String>> e : byId.entrySet()) {
                    Score s = graded.get(e.getKey());
                    if (s == null) {
                        continue;
                    }
                    Map<String, String> r = e.getValue();
                    b.append(Inert.csv(r.getOrDefault("student", ""))).append(',').append(Inert.csv(r.getOrDefault("id", ""))).append(',')
                            .append(Inert.csv(r.getOrDefault("sis user id", ""))).append(',').append(Inert.csv(r.getOrDefault("sis login id", "")))
                            .append(',').append(Inert.csv(r.getOrDefault("section", ""))).append(',').append(cell(s)).append('\n');
                    rows++;
                }
            }
            case moodle -> {
                String idColumn = moodleId.toLowerCase(Locale.ROOT);
                b.append(idColumn).append(',').append(Inert.csv(assignment)).append('\n');
                for (Map.Entry<String, Map<String, String>> e : byId.entrySet()) {
                    Score s = graded.get(e.getKey());
                    if (s == null) {
                        continue;
                    }
                    b.append(Inert.csv(e.getValue().getOrDefault(idColumn, ""))).append(',').append(cell(s)).append('\n');
                    rows++;
                }
            }
            case csv -> {
                b.append("id,score,max\n");
                for (Score s : scores) {
                    b.append(Inert.csv(s.id())).append(',').append(cell(s)).append(',').append(s.max()).append('\n');
                    rows++;
                }
            }
            default -> throw new IllegalStateException();
        }
        AtomicFiles.write(target, b.toString());
        Path unmatched = target.toAbsolutePath().resolveSibling("unmatched.csv");
        if (!noRoster.isEmpty() || !noSubmission.isEmpty()) {
            StringBuilder u = new StringBuilder("kind,who\n");
            noRoster.forEach(id -> u.append("submission without roster row,").append(Inert.csv(id)).append('\n'));
            noSubmission.forEach(w -> u.append("roster row without submission,").append(Inert.csv(w)).append('\n'));
            AtomicFiles.write(unmatched, u.toString());
        } else {
            Files.deleteIfExists(unmatched);
        }
        return new Result(rows, noRoster, noSubmission, notScored);
    }

    /** The score cell: empty for a submission the grader failed on (an LMS leaves an empty cell as it was). */
    private static String cell(Score s) {
        return s.status().equals("error") ? "" : s.total();
    }

    private static String describe(Map<String, String> r, String match) {
        String who = r.getOrDefault("student", r.getOrDefault("email", r.getOrDefault("username", "")));
        String id = r.get(key(match));
        return id.isBlank() ? who + " (no submission id in column '" + match + "')" : id + (who.isBlank() ? "" : " (" + who + ")");
    }

    private static String mostCommonMax(List<Score> scores) {
        Map<String, Integer> count = new TreeMap<>();
        scores.stream().filter(s -> !s.status().equals("error")).forEach(s -> count.merge(s.max(), 1, Integer::sum));
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("0");
    }

    static String key(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }

    static List<Score> readGradebook(Path file) throws IOException, Invalid {
        List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8), file);
        if (rows.isEmpty()) {
            throw new Invalid(file + " is empty; expected the grader's gradebook.csv");
        }
        List<String> header = rows.get(0);
        int student = header.indexOf("student");
        int status = header.indexOf("status");
        int total = header.indexOf("total");
        int max = header.indexOf("max");
        if (student < 0 || status < 0 || total < 0 || max < 0) {
            throw new Invalid(file + " is not the grader's gradebook.csv (its header lacks student, status, total or max)");
        }
        List<Score> scores = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue;
            }
            if (r.size() != header.size()) {
                throw new Invalid(file + " line " + (i + 1) + " has " + r.size() + " cells, the header " + header.size());
            }
            for (int c : new int[] {total, max}) {
                if (!r.get(c).matches("[0-9]+(\\.[0-9]+)?")) {
                    throw new Invalid(file + " line " + (i + 1) + ": '" + Inert.terminal(r.get(c), 30) + "' is not a score");
                }
            }
            scores.add(new Score(uninert(r.get(student)), r.get(status), r.get(total), r.get(max)));
        }
        return scores;
    }

    /** The id as the grader saw it: the gradebook quotes an id that starts with a formula character with a leading '. */
    static String uninert(String cell) {
        String t = cell.stripLeading();
        if (t.length() > 1 && t.charAt(0) == '\'' && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(t.charAt(1)) >= 0) {
            return t.substring(1);
        }
        return cell;
    }

    /** Reads the roster with lower-case header names as keys; a Canvas export's "Points Possible" row is skipped. */
    static List<Map<String, String>> readRoster(Path file, String match, Format format, String moodleId) throws IOException, Invalid {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = parse(text, file);
        if (rows.isEmpty()) {
            throw new Invalid("the roster " + file + " is empty; it needs a header row");
        }
        List<String> header = rows.get(0).stream().map(Export::key).toList();
        if (!header.contains(key(match))) {
            throw new Invalid("the roster " + file + " has no column '" + match + "' with the submission ids (its columns: "
                    + String.join(", ", rows.get(0)) + "); name it with --match COLUMN");
        }
        if (format == Format.canvas && !header.contains("id") && !header.contains("sis user id") && !header.contains("sis login id")) {
            throw new Invalid("the roster " + file + " has none of Canvas's student identifiers (ID, SIS User ID, SIS Login ID); "
                    + "a Canvas gradebook export has them");
        }
        if (format == Format.moodle && !header.contains(key(moodleId))) {
            throw new Invalid("the roster " + file + " has no column '" + moodleId + "' to identify Moodle users by (--moodle-id)");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.stream().allMatch(String::isBlank) || (!r.isEmpty() && r.get(0).trim().equalsIgnoreCase("Points Possible"))) {
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.putIfAbsent(header.get(c), c < r.size() ? r.get(c).trim() : "");
            }
            out.add(m);
        }
        return out;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String text, Path file) throws Invalid {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cur.toString());
                cur.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cur.toString());
                rows.add(row);
                row = new ArrayList<>();
                cur.setLength(0);
                any = false;
                line++;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new Invalid(file + ": a quoted cell opened before line " + line + " is never closed");
        }
        if (any || cur.length() > 0) {
            row.add(cur.toString());
            rows.add(row);
        }
        return rows;
    }
}
