package backprop.tools.kernel;

import java.util.List;

/**
 * Why a cell failed, in the shape of a Jupyter {@code error} message.
 *
 * @param ename     the exception's class name, or a kind such as {@code CompilationException}
 * @param evalue    the message alone: for a stub's {@code UnsupportedOperationException}, its text
 * @param traceback a few lines for a person: the message first, then where it happened
 */
public record CellError(String ename, String evalue, List<String> traceback) {

    public CellError {
        evalue = evalue == null ? "" : evalue;
        traceback = List.copyOf(traceback);
    }

    /** An error told in one line. */
    static CellError of(String ename, String evalue) {
        return new CellError(ename, evalue, List.of(ename + ": " + evalue));
    }

    /** The traceback as one text, lines separated by newlines. */
    public String describe() {
        return String.join("\n", traceback);
    }
}
