package backprop.tools.grader;

import backprop.testing.course.CourseMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Everything the grader writes: the gradebook, each student's feedback (Markdown, HTML) and
 * Gradescope results.json, and the class summary with its chart. Every file is written
 * atomically.
 */
public final class Reports {

    private Reports() {
    }

    /** The file-name form of a single student id (see {@link Ids}; a whole folder is named by {@link Ids#list}). */
    public static String safeName(String id) {
        return Ids.fileOf(id);
    }

    static boolean outputsExist(Path out, String safe) {
        return Files.isRegularFile(out.resolve("feedback/" + safe + ".md")) && Files.isRegularFile(out.resolve("feedback/" + safe + ".html"))
                && Files.isRegularFile(out.resolve("gradescope/" + safe + "/results.json"));
    }

    static String fmt(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
    }

    // ---------------------------------------------------------------- gradebook

    public static void writeGradebook(Path out, CourseBundle course, List<Graded> results) throws IOException {
        StringBuilder b = new StringBuilder("student,status");
        for (CourseMap.Exercise e : course.map().exercises()) {
            b.append(",ex").append(e.id());
        }
        b.append(",total,max,reason,content_hash,bundle\n");
        List<Graded> sorted = new ArrayList<>(results);
        sorted.sort((x, y) -> x.id().compareTo(y.id()));
        for (Graded g : sorted) {
            b.append(csv(g.id())).append(',').append(csv(g.status()));
            for (CourseMap.Exercise e : course.map().exercises()) {
                double s = g.exercises().stream().filter(x -> x.id().equals(e.id())).mapToDouble(Graded.Exercise::score).findFirst().orElse(0);
                b.append(',').append(fmt(s));
            }
            b.append(',').append(fmt(g.total())).append(',').append(fmt(g.max())).append(',').append(csv(g.reason()))
                    .append(',').append(csv(g.hash())).append(',').append(csv(bundleVersion(course))).append('\n');
        }
        AtomicFiles.write(out.resolve("gradebook.csv"), b.toString());
    }

    /**
     * The course bundle's version, as the gradebook's column {@code bundle} gives it for each row.
     * A row is always graded with the bundle of the run that wrote it: the bundle is part of the
     * content hash that decides whether a submission is unchanged, so a new bundle grades every
     * row again.
     */
    static String bundleVersion(CourseBundle course) {
        String h = course.hash();
        return h.length() > 12 ? h.substring(0, 12) : h;
    }

    static String csv(String s) {
        return Inert.csv(s);
    }

    // ---------------------------------------------------------------- per student

    /** Writes a student's feedback and results.json under the file name {@code safe} (from {@link Ids}). */
    public static void writeStudent(Path out, CourseBundle course, Graded g, String safe, HiddenDetail detail) throws IOException {
        AtomicFiles.write(out.resolve("feedback/" + safe + ".md"), markdown(g, detail));
        AtomicFiles.write(out.resolve("feedback/" + safe + ".html"), html(g, detail));
        AtomicFiles.write(out.resolve("gradescope/" + safe + "/results.json"), gradescope(g, detail));
    }

    /** How much of a failed hidden test's message the student sees. */
    public enum HiddenDetail {
        /** Only the test's name. */
        NONE,
        /** The name, and the message (its description, the expected and the actual value) on one line of at most 400 characters. */
        SUMMARY,
        /** The whole message, as a visible test's. */
        FULL;

        /** The default of {@code grade --hidden-detail}. */
        public static final HiddenDetail DEFAULT = SUMMARY;
    }

    /** The feedback of one exercise: what the probes found and the tests that did not pass, stubs' messages gathered. */
    private record Section(Graded.Exercise exercise, List<Graded.Diagnosis> diagnoses, List<Graded.Test> failures,
            int atStub, List<String> stubMessages) {

        static List<Section> of(Graded g) {
            boolean listTests = !g.status().equals("rejected") && !g.status().equals("compile-error");
            List<Section> out = new ArrayList<>();
            for (Graded.Exercise e : g.exercises()) {
                List<Graded.Diagnosis> d = g.diagnoses().stream().filter(x -> x.exercise().equals(e.id())).toList();
                List<Graded.Test> failed = listTests ? g.tests().stream().filter(t -> t.exercise().equals(e.id()) && !t.passed()).toList() : List.of();
                List<Graded.Test> stub = failed.stream().filter(Section::atStub).toList();
                List<String> messages = stub.stream().map(t -> t.message().strip()).distinct().toList();
                List<Graded.Test> rest = failed.stream().filter(t -> !atStub(t)).toList();
                if (!d.isEmpty() || !failed.isEmpty()) {
                    out.add(new Section(e, d, rest, stub.size(), messages));
                }
            }
            // a diagnosis of an exercise the run does not list (it should not happen) is still shown
            g.diagnoses().stream().filter(x -> g.exercises().stream().noneMatch(e -> e.id().equals(x.exercise())))
                    .forEach(x -> out.add(new Section(new Graded.Exercise(x.exercise(), "", 0, 0, 0, 0), List.of(x), List.of(), 0, List.of())));
            return out;
        }

        /** A test that stopped at the stub's UnsupportedOperationException (the exercise is not written, or graded as the stub). */
        static boolean atStub(Graded.Test t) {
            return t.message() != null && t.message().startsWith(NOT_IMPLEMENTED);
        }

        String heading() {
            return "Exercise " + exercise.id() + (exercise.title().isEmpty() ? "" : ": " + exercise.title())
                    + " (" + fmt(exercise.score()) + " of " + exercise.points() + (exercise.points() == 1 ? " point)" : " points)");
        }

        String stubSentence() {
            return plural(atStub, "test") + (atStub == 1 ? " stops" : " stop") + " at the stub: the method is not written yet, or it was"
                    + " graded as the untouched stub (see the notes).";
        }

        /** "2 tests did not pass:", or "2 other tests" after the tests gathered at the stub. */
        String failureCount() {
            return plural(failures.size(), atStub > 0 ? "other test" : "test") + " did not pass:";
        }
    }

    /** The start of a failure's message when the test reached a stub's UnsupportedOperationException. */
    static final String NOT_IMPLEMENTED = "not implemented yet:";

    /** "1 test", "2 tests". */
    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String statusLine(Graded g) {
        return switch (g.status()) {
            case "graded" -> "graded";
            case "partial" -> "graded, but some files could not be used as submitted (see the notes)";
            case "compile-error" -> "not graded: the code does not compile";
            case "rejected" -> "not graded: the submission was rejected";
            default -> "not graded: the grader failed on this submission (your instructor has been told)";
        };
    }

    static String markdown(Graded g) {
        return markdown(g, HiddenDetail.DEFAULT);
    }

    static String markdown(Graded g, HiddenDetail detail) {
        StringBuilder b = new StringBuilder();
        b.append("# Feedback for ").append(md(g.id())).append("\n\n");
        b.append("**Score: ").append(fmt(g.total())).append(" / ").append(fmt(g.max())).append("** (").append(statusLine(g)).append(")\n\n");
        if (!g.reason().isEmpty()) {
            b.append("Reason: ").append(md(g.reason())).append("\n\n");
        }
        if (!g.notes().isEmpty()) {
            b.append("## Notes on your submission\n\n");
            g.notes().forEach(n -> b.append("- ").append(md(n)).append('\n'));
            b.append('\n');
        }
        b.append("## Exercises\n\n| exercise | title | points | tests passed |\n|---|---|---|---|\n");
        for (Graded.Exercise e : g.exercises()) {
            b.append("| ").append(Inert.markdownText(e.id())).append(" | ").append(Inert.markdownText(e.title())).append(" | ")
                    .append(fmt(e.score())).append(" / ")
                    .append(e.points()).append(" | ").append(e.tests() == 0 ? "not graded (no tests)" : e.passed() + " / " + e.tests()).append(" |\n");
        }
        for (Section s : Section.of(g)) {
            b.append("\n## ").append(Inert.markdownText(s.heading())).append("\n\n");
            for (Graded.Diagnosis d : s.diagnoses()) {
                Mistakes.Mistake m = Mistakes.get(d.mistake());
                b.append("**What the numbers show: ").append(Inert.markdownText(m.title())).append("** (`").append(m.id()).append("`). ")
                        .append(md(d.evidence())).append(' ').append(Inert.markdownText(m.advice())).append("\n\n");
            }
            if (s.atStub() > 0) {
                b.append(s.stubSentence()).append("\n\n");
                s.stubMessages().forEach(m -> b.append(Inert.markdownBlock(m, "")).append('\n'));
            }
            if (!s.failures().isEmpty()) {
                b.append(s.failureCount()).append("\n\n");
                for (Graded.Test t : s.failures()) {
                    b.append("- ").append(t.kind().equals("hidden") ? "(hidden test) " : "").append(Inert.markdownText(t.name())).append(" — **")
                            .append(Inert.markdownText(t.status())).append("**");
                    String msg = visibleMessage(t, detail);
                    if (!msg.isEmpty()) {
                        b.append("\n\n").append(Inert.markdownBlock(msg, "  "));
                    } else {
                        b.append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    /** The message shown for a test: a visible test's whole; a hidden test's as much as {@code detail} says. */
    static String visibleMessage(Graded.Test t, HiddenDetail detail) {
        String m = t.message() == null ? "" : t.message();
        if (t.kind().equals("hidden")) {
            m = switch (detail) {
                case NONE -> "";
                case SUMMARY -> {
                    String one = m.strip().replaceAll("\\s*\\R\\s*", " ");
                    yield one.length() > 400 ? one.substring(0, 400) + " [...]" : one;
                }
                case FULL -> m;
            };
        }
        if (!t.output().isBlank() && !(t.kind().equals("hidden") && detail == HiddenDetail.NONE)) {
            String o = t.output().length() > 2000 ? t.output().substring(0, 2000) + "\n[... output cut]" : t.output();
            m = m + (m.isEmpty() ? "" : "\n") + "--- your program printed:\n" + o;
        }
        return m;
    }

    /** Student text (or grader text that quotes it) in a line of Markdown. */
    private static String md(String s) {
        return Inert.markdown(s);
    }

    static String html(Graded g) {
        return html(g, HiddenDetail.DEFAULT);
    }

    static String html(Graded g, HiddenDetail detail) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feedback for ")
                .append(h(g.id())).append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}pre{background:#f4f4f4;padding:.5em;"
                + "white-space:pre-wrap}.mistake{background:#fff4e0;border-left:4px solid #e90;padding:.5em;margin:.5em 0}"
                + ".passed{color:#070}.failed,.timeout,.crash{color:#b00}</style></head><body>\n");
        b.append("<h1>Feedback for ").append(h(g.id())).append("</h1>\n<p><strong>Score: ").append(fmt(g.total())).append(" / ")
                .append(fmt(g.max())).append("</strong> (").append(h(statusLine(g))).append(")</p>\n");
        if (!g.reason().isEmpty()) {
            b.append("<p>Reason: ").append(h(g.reason())).append("</p>\n");
        }
        if (!g.notes().isEmpty()) {
            b.append("<h2>Notes on your submission</h2>\n<ul>\n");
            g.notes().forEach(n -> b.append("<li>").append(h(n)).append("</li>\n"));
            b.append("</ul>\n");
        }
        b.append("<h2>Exercises</h2>\n<table><tr><th>exercise</th><th>title</th><th>points</th><th>tests passed</th></tr>\n");
        for (Graded.Exercise e : g.exercises()) {
            b.append("<tr><td>").append(h(e.id())).append("</td><td>").append(h(e.title())).append("</td><td>").append(fmt(e.score()))
                    .append(" / ").append(e.points()).append("</td><td>")
                    .append(e.tests() == 0 ? "not graded (no tests)" : e.passed() + " / " + e.tests()).append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (Section s : Section.of(g)) {
            b.append("<h2>").append(h(s.heading())).append("</h2>\n");
            for (Graded.Diagnosis d : s.diagnoses()) {
                Mistakes.Mistake m = Mistakes.get(d.mistake());
                b.append("<div class=\"mistake\"><strong>What the numbers show: ").append(h(m.title())).append("</strong><br>")
                        .append(h(d.evidence())).append("<br>").append(h(m.advice())).append("</div>\n");
            }
            if (s.atStub() > 0) {
                b.append("<p>").append(h(s.stubSentence())).append("</p>\n");
                s.stubMessages().forEach(m -> b.append("<pre>").append(Inert.html(m, true)).append("</pre>\n"));
            }
            if (!s.failures().isEmpty()) {
                b.append("<p>").append(h(s.failureCount()))
                        .append("</p>\n<ul>\n");
                for (Graded.Test t : s.failures()) {
                    b.append("<li>").append(t.kind().equals("hidden") ? "(hidden test) " : "")
                            .append(h(t.name())).append(" — <span class=\"").append(h(t.status())).append("\">").append(h(t.status()))
                            .append("</span>");
                    String msg = visibleMessage(t, detail);
                    if (!msg.isEmpty()) {
                        b.append("<pre>").append(Inert.html(msg, true)).append("</pre>");
                    }
                    b.append("</li>\n");
                }
                b.append("</ul>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    static String h(String s) {
        return Inert.html(s, false);
    }

    // ---------------------------------------------------------------- Gradescope

    static String gradescope(Graded g) {
        return gradescope(g, HiddenDetail.DEFAULT);
    }

    static String gradescope(Graded g, HiddenDetail detail) {
        StringBuilder b = new StringBuilder("{\n  \"score\": ").append(fmt(g.total())).append(",\n  \"visibility\": \"visible\",\n")
                .append("  \"output_format\": \"text\",\n  \"test_output_format\": \"text\",\n  \"test_name_format\": \"text\",\n")
                .append("  \"stdout_visibility\": \"hidden\",\n  \"output\": ").append(json(statusLine(g)
                        + (g.reason().isEmpty() ? "" : "\nReason: " + g.reason())
                        + g.diagnoses().stream().map(d -> "\n" + Mistakes.get(d.mistake()).title() + " (exercise " + d.exercise() + "): "
                                + d.evidence() + " " + Mistakes.get(d.mistake()).advice()).collect(Collectors.joining())
                        + g.notes().stream().map(n -> "\nNote: " + n).collect(Collectors.joining())))
                .append(",\n  \"tests\": [");
        boolean first = true;
        for (Graded.Test t : g.tests()) {
            Graded.Exercise e = g.exercises().stream().filter(x -> x.id().equals(t.exercise())).findFirst().orElseThrow();
            double maxScore = e.tests() == 0 ? 0 : e.points() / (double) e.tests();
            b.append(first ? "\n" : ",\n");
            first = false;
            b.append("    {\"name\": ").append(json(t.name())).append(", \"number\": ").append(json(t.exercise()))
                    .append(", \"score\": ").append(num(t.passed() ? maxScore : 0)).append(", \"max_score\": ").append(num(maxScore))
                    .append(", \"status\": ").append(json(t.passed() ? "passed" : "failed"))
                    .append(", \"output\": ").append(json(t.passed() ? "" : visibleMessage(t, detail)))
                    .append(", \"visibility\": ").append(json(t.kind().equals("hidden") ? "after_published" : "visible")).append('}');
        }
        return b.append("\n  ]\n}\n").toString();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    static String json(String s) {
        return Inert.json(s);
    }

    // ---------------------------------------------------------------- summary

    public static void writeSummary(Path out, CourseBundle course, Grader.Run run, Grader.Settings settings) throws IOException {
        List<Graded> rs = run.results();
        int[] bins = new int[10];
        for (Graded g : rs) {
            double frac = g.max() == 0 ? 0 : g.total() / g.max();
            bins[Math.min(9, (int) Math.floor(frac * 10))]++;
        }
        List<CourseMap.Exercise> exs = course.map().exercises();
        double[] passRate = new double[exs.size()];
        for (int i = 0; i < exs.size(); i++) {
            String id = exs.get(i).id();
            long full = rs.stream().filter(g -> g.exercises().stream().anyMatch(e -> e.id().equals(id) && e.tests() > 0 && e.passed() == e.tests())).count();
            passRate[i] = rs.isEmpty() ? 0 : full / (double) rs.size();
        }
        AtomicFiles.write(out.resolve("summary.svg"), svg(bins, exs, passRate));
        StringBuilder md = new StringBuilder("# Class summary\n\n");
        md.append(rs.size()).append(" submissions (").append(run.graded()).append(" graded now, ").append(run.skipped())
                .append(" unchanged since the last run, ").append(run.errors()).append(" grader errors) in ")
                .append(String.format(Locale.ROOT, "%.1f", run.seconds())).append(" s.\n\n");
        double[] totals = rs.stream().mapToDouble(Graded::total).sorted().toArray();
        if (totals.length > 0) {
            md.append("Score: mean ").append(fmt(java.util.Arrays.stream(totals).average().orElse(0))).append(", median ")
                    .append(fmt(totals[totals.length / 2])).append(", max possible ").append(fmt(rs.get(0).max())).append("\n\n");
        }
        java.util.Map<String, Long> byStatus = rs.stream().collect(Collectors.groupingBy(Graded::status, java.util.TreeMap::new, Collectors.counting()));
        md.append("Status: ").append(byStatus.toString())
                .append("\n\n![score distribution and pass rates](summary.svg)\n\n## Score distribution\n\n| score | students |\n|---|---|\n");
        for (int i = 0; i < 10; i++) {
            md.append("| ").append(i * 10).append("-").append(i == 9 ? 100 : i * 10 + 10).append(" % | ").append(bins[i]).append(" |\n");
        }
        md.append("\n## Exercises passed in full\n\n| exercise | title | students |\n|---|---|---|\n");
        for (int i = 0; i < exs.size(); i++) {
            md.append("| ").append(Inert.markdownText(exs.get(i).id())).append(" | ").append(Inert.markdownText(exs.get(i).title())).append(" | ")
                    .append(Math.round(100 * passRate[i])).append(" % |\n");
        }
        md.append("\n## Classic mistakes seen\n\n");
        var mistakes = rs.stream().flatMap(g -> g.diagnoses().stream().map(Graded.Diagnosis::mistake).distinct())
                .collect(Collectors.groupingBy(m -> m, java.util.TreeMap::new, Collectors.counting()));
        if (mistakes.isEmpty()) {
            md.append("none\n");
        }
        mistakes.forEach((m, n) -> md.append("- ").append(Inert.markdownText(Mistakes.get(m).title())).append(": ")
                .append(plural(n.intValue(), "student")).append('\n'));
        List<Misconception> shares = misconceptions(rs, exs);
        AtomicFiles.write(out.resolve("summary-mistakes.svg"), mistakesSvg(shares));
        if (!shares.isEmpty()) {
            md.append("\n## Misconceptions by exercise\n\nOnly what the probes confirmed, as a share of the ").append(plural(rs.size(), "submission"))
                    .append(":\n\n![misconceptions by exercise](summary-mistakes.svg)\n\n| exercise | misconception | students | share |\n|---|---|---|---|\n");
            for (Misconception c : shares) {
                md.append("| ").append(Inert.markdownText(c.exercise())).append(" | ").append(Inert.markdownText(Mistakes.get(c.mistake()).title()))
                        .append(" (`").append(c.mistake()).append("`) | ").append(c.students()).append(" | ")
                        .append(Math.round(100 * c.share())).append(" % |\n");
            }
        }
        if (!run.hidden().isEmpty()) {
            md.append("\n## Entries not graded\n\nHidden entries of the submissions folder (names starting with a dot) are not submissions:\n\n");
            run.hidden().forEach(n -> md.append("- ").append(md(n)).append('\n'));
        }
        md.append("\n## Protections\n\n");
        run.protections().active().forEach(p -> md.append("- active: ").append(p).append('\n'));
        run.protections().inactive().forEach(p -> md.append("- not active: ").append(p).append('\n'));
        md.append("- limits: ").append(settings.sandbox()).append('\n');
        if (!run.missingChapters().isBlank()) {
            md.append("\n**Warning:** this grader was built without the tests of: ").append(run.missingChapters()).append('\n');
        }
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Class summary</title></head><body>"
                + "<pre>" + Inert.html(md.toString(), true) + "</pre>\n" + svg(bins, exs, passRate) + mistakesSvg(shares) + "</body></html>\n";
        AtomicFiles.write(out.resolve("summary.html"), html);
    }

    /** The students of the class in whom the probes confirmed a mistake at an exercise, and their share of the class. */
    record Misconception(String exercise, String mistake, int students, double share) {
    }

    /** Each (exercise, mistake) the probes confirmed in at least one submission, in course order, then by mistake. */
    static List<Misconception> misconceptions(List<Graded> rs, List<CourseMap.Exercise> exs) {
        List<Misconception> out = new ArrayList<>();
        for (CourseMap.Exercise e : exs) {
            java.util.TreeMap<String, Integer> n = new java.util.TreeMap<>();
            for (Graded g : rs) {
                g.diagnoses().stream().filter(d -> d.exercise().equals(e.id())).map(Graded.Diagnosis::mistake).distinct()
                        .forEach(m -> n.merge(m, 1, Integer::sum));
            }
            n.forEach((m, k) -> out.add(new Misconception(e.id(), m, k, k / (double) rs.size())));
        }
        return out;
    }

    /** A bar per confirmed misconception: the share of the class that has it. */
    static String mistakesSvg(List<Misconception> shares) {
        int barH = 14;
        int h = 50 + Math.max(1, shares.size()) * (barH + 6);
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"" + h
                + "\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append("<text x=\"10\" y=\"18\" font-size=\"14\">Misconceptions the probes confirmed (share of students)</text>\n");
        if (shares.isEmpty()) {
            b.append("<text x=\"10\" y=\"45\">none</text>\n");
        }
        for (int i = 0; i < shares.size(); i++) {
            Misconception c = shares.get(i);
            int y = 35 + i * (barH + 6);
            int bw = (int) Math.round(300 * c.share());
            b.append("<text x=\"10\" y=\"").append(y + barH - 3).append("\">").append(h(c.exercise() + " " + c.mistake())).append("</text>\n");
            b.append("<rect x=\"330\" y=\"").append(y).append("\" width=\"300\" height=\"").append(barH).append("\" fill=\"#eee\"/>\n");
            b.append("<rect x=\"330\" y=\"").append(y).append("\" width=\"").append(bw).append("\" height=\"").append(barH)
                    .append("\" fill=\"#d08030\"/>\n");
            b.append("<text x=\"640\" y=\"").append(y + barH - 3).append("\">").append(Math.round(100 * c.share())).append("% (")
                    .append(h(plural(c.students(), "student"))).append(")</text>\n");
        }
        return b.append("</svg>\n").toString();
    }

    static String svg(int[] bins, List<CourseMap.Exercise> exs, double[] passRate) {
        int w = 760;
        int barH = 14;
        int h = 260 + exs.size() * (barH + 4) + 40;
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h
                + "\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append("<text x=\"10\" y=\"18\" font-size=\"14\">Score distribution (share of the maximum)</text>\n");
        int maxBin = 1;
        for (int v : bins) {
            maxBin = Math.max(maxBin, v);
        }
        for (int i = 0; i < 10; i++) {
            int bh = (int) Math.round(180.0 * bins[i] / maxBin);
            int x = 40 + i * 70;
            b.append("<rect x=\"").append(x).append("\" y=\"").append(210 - bh).append("\" width=\"60\" height=\"").append(bh)
                    .append("\" fill=\"#4a7ab5\"/>\n");
            b.append("<text x=\"").append(x + 30).append("\" y=\"").append(205 - bh).append("\" text-anchor=\"middle\">").append(bins[i]).append("</text>\n");
            b.append("<text x=\"").append(x + 30).append("\" y=\"225\" text-anchor=\"middle\">").append(i * 10).append("-")
                    .append(i == 9 ? 100 : i * 10 + 10).append("%</text>\n");
        }
        int y0 = 260;
        b.append("<text x=\"10\" y=\"").append(y0 - 10).append("\" font-size=\"14\">Exercises passed in full (share of students)</text>\n");
        for (int i = 0; i < exs.size(); i++) {
            int y = y0 + i * (barH + 4);
            int bw = (int) Math.round(600 * passRate[i]);
            b.append("<text x=\"10\" y=\"").append(y + barH - 3).append("\">").append(h(exs.get(i).id())).append("</text>\n");
            b.append("<rect x=\"60\" y=\"").append(y).append("\" width=\"600\" height=\"").append(barH).append("\" fill=\"#eee\"/>\n");
            b.append("<rect x=\"60\" y=\"").append(y).append("\" width=\"").append(bw).append("\" height=\"").append(barH)
                    .append("\" fill=\"#5a9e5a\"/>\n");
            b.append("<text x=\"").append(670).append("\" y=\"").append(y + barH - 3).append("\">").append(Math.round(100 * passRate[i]))
                    .append("%</text>\n");
        }
        return b.append("</svg>\n").toString();
    }


}
