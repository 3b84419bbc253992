package backprop.tools.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.exceptions.ExitException;
import de.jplag.java.AnyJdkJavaLanguage;
import de.jplag.options.JPlagOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares every pair of submissions with JPlag's Java front end, the stubs as base code (what
 * every student was given matches nobody), and writes the report: {@code similarity.html} (the
 * pairs at or above the threshold with their matching regions side by side; one file, no script,
 * nothing loaded from the network), {@code histogram.svg} (all pairs' similarities) and
 * {@code pairs.csv} (every pair). Called by the grader's {@code similarity} command, which has
 * already read each submission safely into {@code submissions/NAME/} and the stubs into a folder.
 */
public final class SimilarityReport {

    /** Lines of code shown for one side of a match at most. */
    static final int SHOWN_LINES = 60;

    static {
        // JPlag logs every step through SLF4J; keep only its warnings (a submission it could not parse, and so left out)
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    }

    private SimilarityReport() {
    }

    /** A region of one file: lines {@code from} to {@code to}, counted from 1. */
    record Region(String file, int from, int to) {
    }

    /** One matching region of a pair. */
    record Matched(Region first, Region second, int tokens) {
    }

    /** One compared pair, by the names shown to the instructor. */
    record Pair(String first, String second, double similarity, double ofFirst, double ofSecond, int tokens, List<Matched> matches,
            Path firstRoot, Path secondRoot) {
    }

    /**
     * Runs the comparison and writes the report into {@code out}.
     *
     * @param submissions a folder with one folder of Java sources per submission
     * @param base the base code (the stubs)
     * @param details how many of the flagged pairs (the most similar first) show their regions' code
     * @param names the name shown for each submission folder (its folder name when absent)
     * @return how many pairs are at or above the threshold
     */
    public static int report(Path submissions, Path base, Path out, double threshold, int minTokens, int details,
            Map<String, String> names, PrintStream log) throws IOException {
        long t0 = System.nanoTime();
        JPlagOptions options = new JPlagOptions(new AnyJdkJavaLanguage(), Set.of(submissions.toFile()), Set.of())
                .withBaseCodeSubmissionDirectory(base.toFile()).withMinimumTokenMatch(minTokens).withSimilarityThreshold(0.0)
                .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS);
        JPlagResult result;
        try {
            result = JPlag.run(options);
        } catch (ExitException e) {
            throw new IOException("JPlag could not compare the submissions: " + e.getMessage(), e);
        }
        List<Pair> pairs = new ArrayList<>();
        for (JPlagComparison c : result.getAllComparisons()) {
            Submission a = c.firstSubmission();
            Submission b = c.secondSubmission();
            List<Matched> regions = new ArrayList<>();
            for (Match m : c.matches()) {
                Region ra = region(a, m.startOfFirst(), m.length());
                Region rb = region(b, m.startOfSecond(), m.length());
                if (ra != null && rb != null) {
                    regions.add(new Matched(ra, rb, m.length()));
                }
            }
            regions.sort(Comparator.comparingInt(Matched::tokens).reversed());
            pairs.add(new Pair(names.getOrDefault(a.getName(), a.getName()), names.getOrDefault(b.getName(), b.getName()), c.similarity(),
                    c.similarityOfFirst(), c.similarityOfSecond(), c.getNumberOfMatchedTokens(), regions, a.getRoot().toPath(),
                    b.getRoot().toPath()));
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed().thenComparing(Pair::first).thenComparing(Pair::second));
        List<Pair> flagged = pairs.stream().filter(p -> p.similarity() >= threshold).toList();
        int[] bins = histogram(pairs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String svg = svg(bins, threshold);
        write(out.resolve("histogram.svg"), svg);
        write(out.resolve("pairs.csv"), csv(pairs));
        write(out.resolve("similarity.html"), html(flagged, pairs.size(), result.getNumberOfSubmissions(), threshold, minTokens, details, svg, seconds));
        log.println(String.format(Locale.ROOT, "similarity: %d submissions, %d pairs, %d at or above %.2f, in %.1f s",
                result.getNumberOfSubmissions(), pairs.size(), flagged.size(), threshold, seconds));
        return flagged.size();
    }

    /** The lines that the tokens {@code start .. start+length-1} of a submission cover, in the file of the first token. */
    static Region region(Submission s, int start, int length) {
        List<Token> tokens = s.getTokenList();
        if (start < 0 || start >= tokens.size()) {
            return null;
        }
        Token first = tokens.get(start);
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (int i = start; i < Math.min(tokens.size(), start + length); i++) {
            Token t = tokens.get(i);
            if (!t.getFile().equals(first.getFile()) || t.getLine() <= 0) {
                continue;
            }
            from = Math.min(from, t.getLine());
            to = Math.max(to, t.getLine());
        }
        if (to == 0) {
            return null;
        }
        Path root = s.getRoot().toPath();
        Path file = first.getFile().toPath();
        String rel = file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : file.getFileName().toString();
        return new Region(rel, from, to);
    }

    /** Counts of pairs by similarity, in ten bins of 10 %. */
    static int[] histogram(List<Pair> pairs) {
        int[] bins = new int[10];
        for (Pair p : pairs) {
            bins[Math.max(0, Math.min(9, (int) Math.floor(p.similarity() * 10)))]++;
        }
        return bins;
    }

    static String svg(int[] bins, double threshold) {
        int w = 760;
        int h = 280;
        int max = 1;
        for (int v : bins) {
            max = Math.max(max, v);
        }
        StringBuilder b = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h
                + "\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"Histogram of pair similarities\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                + "<text x=\"10\" y=\"18\" font-size=\"14\">Similarity of every pair of submissions (stubs excluded)</text>\n");
        for (int i = 0; i < 10; i++) {
            int bh = (int) Math.round(180.0 * bins[i] / max);
            int x = 40 + i * 70;
            boolean flagged = (i + 1) / 10.0 > threshold;
            b.append("<rect x=\"").append(x).append("\" y=\"").append(220 - bh).append("\" width=\"60\" height=\"").append(bh)
                    .append("\" fill=\"").append(flagged ? "#c0504d" : "#4a7ab5").append("\"/>\n");
            b.append("<text x=\"").append(x + 30).append("\" y=\"").append(215 - bh).append("\" text-anchor=\"middle\">").append(bins[i])
                    .append("</text>\n");
            b.append("<text x=\"").append(x + 30).append("\" y=\"235\" text-anchor=\"middle\">").append(i * 10).append("-")
                    .append(i * 10 + 10).append("%</text>\n");
        }
        int tx = 40 + (int) Math.round(threshold * 700);
        b.append("<line x1=\"").append(tx).append("\" y1=\"30\" x2=\"").append(tx).append("\" y2=\"222\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>\n");
        b.append("<text x=\"").append(tx + 4).append("\" y=\"40\">threshold ").append(Math.round(threshold * 100)).append("%</text>\n");
        b.append("<text x=\"10\" y=\"262\">pairs (bars in red are at or above the threshold's bin)</text>\n");
        return b.append("</svg>\n").toString();
    }

    static String csv(List<Pair> pairs) {
        StringBuilder b = new StringBuilder("first,second,similarity,similarity_of_first,similarity_of_second,matched_tokens\n");
        for (Pair p : pairs) {
            b.append(csvCell(p.first())).append(',').append(csvCell(p.second())).append(',').append(num(p.similarity())).append(',')
                    .append(num(p.ofFirst())).append(',').append(num(p.ofSecond())).append(',').append(p.tokens()).append('\n');
        }
        return b.toString();
    }

    static String html(List<Pair> flagged, int pairs, int submissions, double threshold, int minTokens, int details, String svg,
            double seconds) throws IOException {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Similarity report</title>\n<style>body{font-family:sans-serif;max-width:80em;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
                + ".side{display:flex;gap:1em}.side>div{flex:1;min-width:0}pre{background:#f6f6f6;padding:.5em;overflow-x:auto;"
                + "font-size:85%}h3{margin-top:1.5em}</style></head><body>\n");
        b.append("<h1>Similarity report</h1>\n<p>").append(submissions).append(" submissions, ").append(pairs).append(" pairs compared by JPlag "
                + "(Java tokens, shortest match ").append(minTokens).append(" tokens; the stubs are the base code, so code every student "
                + "was given does not count). <strong>").append(flagged.size()).append(" pairs</strong> are at or above ")
                .append(pct(threshold)).append(String.format(Locale.ROOT, ". Took %.1f s.</p>\n", seconds));
        b.append("<p>A similarity is a hint to look, not a verdict: short exercises leave few ways to write them.</p>\n");
        b.append(svg);
        b.append("<h2>Pairs at or above ").append(pct(threshold)).append("</h2>\n");
        if (flagged.isEmpty()) {
            b.append("<p>none</p>\n");
        } else {
            b.append("<table><tr><th>#</th><th>first</th><th>second</th><th>similarity</th><th>of first</th><th>of second</th>"
                    + "<th>regions</th></tr>\n");
            for (int i = 0; i < flagged.size(); i++) {
                Pair p = flagged.get(i);
                b.append("<tr><td>").append(i < details ? "<a href=\"#pair" + (i + 1) + "\">" + (i + 1) + "</a>" : String.valueOf(i + 1))
                        .append("</td><td>").append(h(p.first()))
                        .append("</td><td>").append(h(p.second())).append("</td><td>").append(pct(p.similarity())).append("</td><td>")
                        .append(pct(p.ofFirst())).append("</td><td>").append(pct(p.ofSecond())).append("</td><td>")
                        .append(p.matches().size()).append("</td></tr>\n");
            }
            b.append("</table>\n");
            if (flagged.size() > details) {
                b.append("<p>The matching regions of the first ").append(details).append(" pairs follow (--details); every pair is in "
                        + "pairs.csv.</p>\n");
            }
        }
        for (int i = 0; i < Math.min(details, flagged.size()); i++) {
            Pair p = flagged.get(i);
            b.append("<h3 id=\"pair").append(i + 1).append("\">").append(i + 1).append(". ").append(h(p.first())).append(" and ")
                    .append(h(p.second())).append(": ").append(pct(p.similarity())).append("</h3>\n");
            int n = 0;
            for (Matched m : p.matches()) {
                n++;
                b.append("<p>Region ").append(n).append(" (").append(m.tokens()).append(" tokens): ").append(h(m.first().file()))
                        .append(" lines ").append(m.first().from()).append("-").append(m.first().to()).append(" and ")
                        .append(h(m.second().file())).append(" lines ").append(m.second().from()).append("-").append(m.second().to())
                        .append("</p>\n<div class=\"side\"><div><pre>").append(excerpt(p.firstRoot(), m.first())).append("</pre></div><div><pre>")
                        .append(excerpt(p.secondRoot(), m.second())).append("</pre></div></div>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    /** The region's lines with their numbers, escaped for HTML. */
    static String excerpt(Path root, Region r) throws IOException {
        Path f = root.resolve(r.file()).normalize();
        if (!f.startsWith(root) || !Files.isRegularFile(f)) {
            return "(file not available)";
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        int last = Math.min(r.to(), Math.min(lines.size(), r.from() + SHOWN_LINES - 1));
        for (int i = r.from(); i <= last; i++) {
            b.append(String.format(Locale.ROOT, "%4d  ", i)).append(h(lines.get(i - 1).replace("\t", "    "))).append('\n');
        }
        if (last < r.to()) {
            b.append("      [... ").append(r.to() - last).append(" more lines]\n");
        }
        return b.toString();
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Text for HTML: markup escaped, and characters that hide or reorder text shown as escapes. */
    static String h(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (hidden(cp)) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.toString();
    }

    static boolean hidden(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    /** A CSV cell that a spreadsheet never reads as a formula. */
    static String csvCell(String s) {
        String v = s;
        String t = v.stripLeading();
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    static void write(Path target, String content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
