package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers a cell's many small writes into few stream messages, so that Jupyter's message queue
 * never overflows (ZeroMQ drops what does not fit, silently: lines, and even the final idle
 * status). Text goes on at least every {@link #INTERVAL_MILLIS} ms, in chunks of at most
 * {@link #CHUNK_CHARS} characters, and always before a display, a result or an error, in the
 * order it was written. Past {@code capChars} characters in one cell the rest is not sent, and
 * the cell's output ends with a notice that says how much was left out.
 */
final class BatchedOutput implements CellOutput, AutoCloseable {

    static final long INTERVAL_MILLIS = 50;
    static final int CHUNK_CHARS = 64 * 1024;
    /** What one cell may send: far more than a notebook cell shows, far less than a browser chokes on. */
    static final long DEFAULT_CAP_CHARS = 16L * 1024 * 1024;

    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cell-output-flusher");
        t.setDaemon(true);
        return t;
    });

    private final CellOutput target;
    private final long capChars;
    private final StringBuilder pending = new StringBuilder();
    private boolean pendingIsErr;
    private long sentChars;
    private long droppedChars;
    private long droppedLines;
    private final ScheduledFuture<?> ticker;

    BatchedOutput(CellOutput target) {
        this(target, DEFAULT_CAP_CHARS);
    }

    BatchedOutput(CellOutput target, long capChars) {
        this.target = target;
        this.capChars = capChars;
        this.ticker = FLUSHER.scheduleWithFixedDelay(this::flush, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stdout(String text) {
        write(text, false);
    }

    @Override
    public void stderr(String text) {
        write(text, true);
    }

    @Override
    public synchronized void display(DisplayData data) {
        flush();
        target.display(data);
    }

    @Override
    public synchronized void updateDisplay(DisplayData data) {
        flush();
        target.updateDisplay(data);
    }

    private synchronized void write(String text, boolean err) {
        if (text.isEmpty()) {
            return;
        }
        long room = capChars - sentChars - pending.length();
        if (room < text.length()) {
            String kept = text.substring(0, (int) Math.max(0, room));
            String lost = text.substring(kept.length());
            droppedChars += lost.length();
            droppedLines += lost.chars().filter(c -> c == '\n').count();
            text = kept;
            if (text.isEmpty()) {
                return;
            }
        }
        if (pending.length() > 0 && pendingIsErr != err) {
            flush();
        }
        pendingIsErr = err;
        pending.append(text);
        if (pending.length() >= CHUNK_CHARS) {
            flush();
        }
    }

    /** Sends what is waiting. */
    synchronized void flush() {
        while (pending.length() > 0) {
            int end = Math.min(pending.length(), CHUNK_CHARS);
            String chunk = pending.substring(0, end);
            pending.delete(0, end);
            sentChars += chunk.length();
            if (pendingIsErr) {
                target.stderr(chunk);
            } else {
                target.stdout(chunk);
            }
        }
    }

    /** Sends the rest, and the notice if the cap cut anything. */
    @Override
    public synchronized void close() {
        ticker.cancel(false);
        flush();
        if (droppedChars > 0) {
            target.stderr(String.format("%n[output capped: this cell wrote more than %,d characters; the last %,d characters"
                    + " (%,d lines) were not sent. Print less, or write to a file.]%n", capChars, droppedChars, droppedLines));
        }
    }
}
