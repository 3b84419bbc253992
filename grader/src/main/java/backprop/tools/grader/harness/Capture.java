package backprop.tools.grader.harness;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where {@code System.out} and {@code System.err} go while student code runs: a buffer with a
 * cap. Bytes past the cap are counted, not kept. Closing it does nothing.
 */
final class Capture extends OutputStream {

    private final int cap;
    private final byte[] buffer;
    private int size;
    private long dropped;

    Capture(int cap) {
        this.cap = cap;
        this.buffer = new byte[cap];
    }

    @Override
    public synchronized void write(int b) {
        if (size < cap) {
            buffer[size++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (b == null || off < 0 || len < 0 || off + len > b.length) {
            return;
        }
        int n = Math.min(len, cap - size);
        System.arraycopy(b, off, buffer, size, n);
        size += n;
        dropped += len - n;
    }

    @Override
    public void close() {
        // student code may close System.out; the capture stays open
    }

    /** The text captured since the last call, with a note of what was dropped. */
    synchronized String drain() {
        String text = new String(buffer, 0, size, StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n[... " + dropped + " more bytes of output dropped]";
        }
        size = 0;
        dropped = 0;
        return text;
    }
}
