package backprop.tools.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A line magic such as {@code %jars lib/*.jar "my dir/x.jar"}: its name and its arguments, split
 * at blanks; single or double quotes keep blanks inside one argument.
 */
record MagicLine(String name, List<String> args) {

    MagicLine {
        args = List.copyOf(args);
    }

    /** True for a line whose first non-blank character is {@code %}. */
    static boolean isMagic(String line) {
        return line.stripLeading().startsWith("%");
    }

    static boolean isCellMagic(String line) {
        return line.stripLeading().startsWith("%%");
    }

    /**
     * @throws IllegalArgumentException if a quote is not closed or the name is missing
     */
    static MagicLine parse(String line) {
        String text = line.strip();
        if (!text.startsWith("%")) {
            throw new IllegalArgumentException("not a magic: " + text);
        }
        List<String> words = split(text.substring(1));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new IllegalArgumentException("'%' must be followed by a magic name, as in %jars");
        }
        return new MagicLine(words.get(0), words.subList(1, words.size()));
    }

    private static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in magic: %" + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
