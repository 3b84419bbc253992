package backprop.tools.grader;

/**
 * Student text made inert, one method per output format. Everything a student controls (ids,
 * file and zip entry names, exception messages, printed output, and the grader's notes and
 * reasons that quote them) reaches an output only through this class, so that it can never pass
 * for the grader's own words or markup: no heading, link, HTML, formula, JSON break or terminal
 * escape. Characters that hide or rewrite text (controls, bidi and other format characters,
 * line and paragraph separators, non-ASCII spaces, surrogates, private-use and unassigned code
 * points) are shown as {@code \\u202E}-style escapes in every format.
 */
public final class Inert {

    private Inert() {
    }

    /** Whether a code point could hide or rewrite text and is therefore shown as an escape. */
    static boolean invisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            case Character.SPACE_SEPARATOR -> cp != ' ';
            default -> false;
        };
    }

    /**
     * The text with every invisible code point written as {@code \\uXXXX} ({@code \\UXXXXXXXX}
     * beyond the BMP); with {@code lines}, line feeds and tabs are kept as they are.
     */
    static String visible(String s, boolean lines) {
        String t = s == null ? "" : s;
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (lines && (cp == '\n' || cp == '\t')) {
                b.append((char) cp);
            } else if (invisible(cp)) {
                b.append(cp <= 0xFFFF ? String.format("\\u%04X", cp) : String.format("\\U%08X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- Markdown

    /**
     * Student text inside a line of Markdown: an inline code span (no emphasis, link, autolink,
     * HTML or entity is recognised inside one), fenced with more backticks than the text has in a
     * row. Line breaks are shown as escapes, so the text can never start a block.
     */
    public static String markdown(String s) {
        String v = visible(s, false);
        if (v.isEmpty()) {
            return "` `";
        }
        String fence = "`".repeat(longestRun(v, '`') + 1);
        return fence + " " + v + " " + fence;
    }

    /**
     * Student text as a Markdown code block, each line indented by {@code indent} (to stay inside a
     * list item): the fence is longer than any run of backticks in the text, so no line can close it.
     */
    public static String markdownBlock(String s, String indent) {
        String v = visible(s, true);
        String fence = "`".repeat(Math.max(3, longestRun(v, '`') + 1));
        StringBuilder b = new StringBuilder(indent).append(fence).append("text\n");
        for (String line : v.split("\n", -1)) {
            b.append(indent).append(line).append('\n');
        }
        return b.append(indent).append(fence).append('\n').toString();
    }

    /**
     * The grader's or the course's own words (titles, advice, exercise ids, test names) in
     * Markdown: trusted text, kept readable as plain text too. What would break a table cell, open
     * raw HTML, an entity, emphasis, a link or code is escaped with a backslash (CommonMark's escape
     * of ASCII punctuation), never with an HTML entity.
     */
    public static String markdownText(String s) {
        String v = visible(s, false);
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            char next = i + 1 < v.length() ? v.charAt(i + 1) : ' ';
            char before = i > 0 ? v.charAt(i - 1) : ' ';
            boolean escape = switch (c) {
                case '\\', '`', '*', '[', ']', '|' -> true;
                case '_' -> !Character.isLetterOrDigit(before) || !Character.isLetterOrDigit(next); // intraword _ is never emphasis
                case '<' -> Character.isLetter(next) || next == '/' || next == '!' || next == '?'; // only these open raw HTML
                case '&' -> Character.isLetter(next) || next == '#'; // only these start an entity
                default -> false;
            };
            if (escape) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    private static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    // ---------------------------------------------------------------- HTML

    /** Text in HTML content or an attribute value; with {@code lines} (inside {@code <pre>}) line feeds and tabs stay. */
    public static String html(String s, boolean lines) {
        String v = visible(s, lines);
        StringBuilder b = new StringBuilder(v.length());
        for (char c : v.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- CSV

    /**
     * A CSV field: one line, never read as a spreadsheet formula (a field that starts with
     * {@code = + - @}, after any spaces, or with their full-width forms gets a leading {@code '}),
     * and quoted when it holds a separator, a quote or outer spaces.
     */
    public static String csv(String s) {
        String v = visible(s, false);
        String trimmed = v.stripLeading();
        if (!trimmed.isEmpty() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(trimmed.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains(";") || !v.equals(v.strip())) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    // ---------------------------------------------------------------- JSON

    /** A JSON string literal (with its quotes); {@code < > &} are escaped too, in case a viewer pastes it into HTML. */
    public static String json(String s) {
        String v = visible(s, true);
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '<', '>', '&' -> b.append(String.format("\\u%04x", (int) c));
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // ---------------------------------------------------------------- terminal

    /** Text for the terminal (progress bar, messages on standard error): one line, no escape sequence, cut to {@code max} characters. */
    public static String terminal(String s, int max) {
        String v = visible(s, false);
        return v.length() <= max ? v : v.substring(0, Math.max(0, max - 3)) + "...";
    }
}
