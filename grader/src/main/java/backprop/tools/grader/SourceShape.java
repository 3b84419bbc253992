package backprop.tools.grader;

import backprop.tools.grader.JavaCompile.Problem;
import backprop.tools.grader.JavaCompile.Source;
import java.util.Optional;

/**
 * Refuses, before javac sees it, a source whose syntax tree would be deeper than the compiler's
 * stack can be trusted to hold. Whether javac overflows its stack on a deep tree depends on how
 * much of the compiler the JIT has compiled yet (compiled frames are smaller), so near the limit
 * the same file would compile on one run and fail on the next. Bounding the depth by the text
 * makes the verdict a property of the file alone: what passes here fits the compiler's stack many
 * times over, in any state of the JVM, and what fails is named with its line.
 *
 * <p>Three measures bound the depth of the tree: brackets ({@code ( [ {}) open at once; tokens
 * in one stretch of code without a {@code ;}, a {@code ,} or a brace (a chain of operators, calls
 * or unbraced {@code if}s nests without brackets); and {@code else} in one file (an
 * {@code else if} chain nests once per link). Comments, strings, text blocks and character
 * literals do not count.
 */
final class SourceShape {

    /** Brackets open at once. */
    static final int MAX_BRACKETS = 10_000;
    /** Tokens in one stretch without {@code ; , { }}. */
    static final int MAX_STRETCH = 20_000;
    /** {@code else} in one file. */
    static final int MAX_ELSE = 5_000;

    private SourceShape() {
    }

    /** The reason the source is refused, as a compile problem on its line, or nothing when its shape is fine. */
    static Optional<Problem> check(Source source) {
        String s = unicodeEscapes(source.text());
        int depth = 0;
        int stretch = 0;
        int elses = 0;
        long line = 1;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(s, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && escaped(s, end)) {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                line += count(s, i, end);
                i = end;
                stretch++;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                stretch++;
            } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isJavaIdentifierPart(s.charAt(j)) || s.charAt(j) == '.' && Character.isDigit(c))) {
                    j++;
                }
                if (j - i == 4 && s.startsWith("else", i) && ++elses > MAX_ELSE) {
                    return refuse(source, line, "more than " + MAX_ELSE + " else branches in one file");
                }
                i = j;
                stretch++;
            } else {
                if (c == '(' || c == '[' || c == '{') {
                    if (++depth > MAX_BRACKETS) {
                        return refuse(source, line, "brackets nested more than " + MAX_BRACKETS + " levels deep");
                    }
                } else if (c == ')' || c == ']' || c == '}') {
                    depth = Math.max(0, depth - 1);
                }
                if (c == ';' || c == ',' || c == '{' || c == '}') {
                    stretch = 0;
                } else {
                    stretch++;
                }
                i++;
            }
            if (stretch > MAX_STRETCH) {
                return refuse(source, line, "more than " + MAX_STRETCH + " tokens in one expression or statement");
            }
        }
        return Optional.empty();
    }

    /**
     * The text as javac reads it, with its Unicode escapes translated first (JLS 3.3): a
     * {@code \u0028} is a bracket to the compiler, so it is one here. A backslash that is itself
     * escaped by an odd number of backslashes before it starts no escape.
     */
    static String unicodeEscapes(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && s.charAt(i + 1) == 'u' && !escaped(s, i)) {
                int j = i + 1;
                while (j < n && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= n && isHex(s, j, j + 4)) {
                    b.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                    i = j + 4;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Problem> refuse(Source source, long line, String what) {
        return Optional.of(new Problem(source.path(), line, "the code is nested too deeply for the grader's compiler: " + what
                + " (line " + line + ")"));
    }

    private static boolean escaped(String s, int at) {
        int backslashes = 0;
        for (int k = at - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
