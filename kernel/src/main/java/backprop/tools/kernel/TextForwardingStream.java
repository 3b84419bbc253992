package backprop.tools.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Bytes in, text out: collects what is written and hands it on as UTF-8 text on each flush
 * (a {@code PrintStream} with auto-flush flushes at every line).
 */
final class TextForwardingStream extends OutputStream {

    private final Consumer<String> target;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    TextForwardingStream(Consumer<String> target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        buffer.write(bytes, offset, length);
    }

    @Override
    public void flush() {
        String text;
        synchronized (this) {
            if (buffer.size() == 0) {
                return;
            }
            text = buffer.toString(StandardCharsets.UTF_8);
            buffer.reset();
        }
        target.accept(text);
    }

    @Override
    public void close() {
        flush();
    }
}
