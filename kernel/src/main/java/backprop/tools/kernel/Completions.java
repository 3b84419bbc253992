package backprop.tools.kernel;

import java.util.List;

/**
 * The answer to a completion request: texts that may replace the code from {@code start} to
 * {@code end} (char offsets in the cell).
 */
public record Completions(List<String> matches, int start, int end) {

    public Completions {
        matches = List.copyOf(matches);
    }

    static Completions none(int cursor) {
        return new Completions(List.of(), cursor, cursor);
    }
}
