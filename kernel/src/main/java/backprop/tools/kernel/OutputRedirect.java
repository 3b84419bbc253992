package backprop.tools.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Points {@code System.out} and {@code System.err} at a cell's output while it runs, and
 * {@code System.in} at an empty stream (cells cannot read input). {@link #close()} flushes what is
 * left and puts the old streams back.
 */
final class OutputRedirect implements AutoCloseable {

    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final InputStream oldIn = System.in;
    private final PrintStream cellOut;
    private final PrintStream cellErr;

    private OutputRedirect(CellOutput output) {
        cellOut = new PrintStream(new TextForwardingStream(output::stdout), true, StandardCharsets.UTF_8);
        cellErr = new PrintStream(new TextForwardingStream(output::stderr), true, StandardCharsets.UTF_8);
    }

    static OutputRedirect to(CellOutput output) {
        OutputRedirect redirect = new OutputRedirect(output);
        System.setOut(redirect.cellOut);
        System.setErr(redirect.cellErr);
        System.setIn(InputStream.nullInputStream());
        return redirect;
    }

    /** Sends what is buffered now, e.g. before the cell's result or error is shown. */
    void flush() {
        cellOut.flush();
        cellErr.flush();
    }

    @Override
    public void close() {
        flush();
        System.setOut(oldOut);
        System.setErr(oldErr);
        System.setIn(oldIn);
    }
}
