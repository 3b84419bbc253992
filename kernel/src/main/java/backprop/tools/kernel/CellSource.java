package backprop.tools.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A cell cut into the parts that run one after the other: runs of Java lines, and line magics,
 * each with the (0-based) line where it starts.
 */
final class CellSource {

    /** A run of Java lines, or one magic line. */
    record Part(String text, int firstLine, boolean magic) {
    }

    private CellSource() {
    }

    static List<Part> split(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 0;
        for (int i = 0; i < lines.length; i++) {
            if (MagicLine.isMagic(lines[i])) {
                addCode(parts, code, codeStart);
                parts.add(new Part(lines[i].strip(), i, true));
                codeStart = i + 1;
            } else {
                if (code.length() > 0) {
                    code.append('\n');
                }
                code.append(lines[i]);
            }
        }
        addCode(parts, code, codeStart);
        return parts;
    }

    /** The cell with each magic line blanked out (same length, same offsets), for code analysis. */
    static String blankMagics(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(MagicLine.isMagic(lines[i]) ? " ".repeat(lines[i].length()) : lines[i]);
        }
        return out.toString();
    }

    /** 0-based line number of a character offset. */
    static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void addCode(List<Part> parts, StringBuilder code, int firstLine) {
        if (!code.toString().isBlank()) {
            parts.add(new Part(code.toString(), firstLine, false));
        }
        code.setLength(0);
    }
}
