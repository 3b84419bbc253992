package backprop.tools.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zips that ordinary tools write (and ZipOutputStream cannot): encrypted entries, names that are not UTF-8, odd methods. */
final class ZipCraft {

    private ZipCraft() {
    }

    /** A zip of the given entries (name to content), in order. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return b.toByteArray();
    }

    /** Sets general-purpose flag bits of the entry named {@code name}, in its local header and its central record (bit 0: encrypted, bit 11: UTF-8 name). */
    static void flags(byte[] zip, String name, int bits) {
        each(zip, name, (at, local) -> {
            int off = at + (local ? 6 : 8);
            int v = (zip[off] & 0xff | (zip[off + 1] & 0xff) << 8) | bits;
            zip[off] = (byte) v;
            zip[off + 1] = (byte) (v >> 8);
        });
    }

    /** Sets the compression method of an entry (e.g. 12, bzip2, which the JDK does not read). */
    static void method(byte[] zip, String name, int method) {
        each(zip, name, (at, local) -> {
            int off = at + (local ? 8 : 10);
            zip[off] = (byte) method;
            zip[off + 1] = (byte) (method >> 8);
        });
    }

    /** Replaces, in the name of an entry, the ASCII text {@code from} by raw bytes of the same length. */
    static void rename(byte[] zip, String name, String from, byte[] to) {
        int i = name.indexOf(from);
        each(zip, name, (at, local) -> System.arraycopy(to, 0, zip, at + (local ? 30 : 46) + i, to.length));
    }

    private interface Visit {
        void at(int offset, boolean local);
    }

    private static void each(byte[] zip, String name, Visit v) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < zip.length; i++) {
            boolean local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
            boolean central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            if (local || central) {
                int start = i + (local ? 30 : 46);
                int len = zip[i + (local ? 26 : 28)] & 0xff | (zip[i + (local ? 27 : 29)] & 0xff) << 8;
                if (len == n.length && java.util.Arrays.equals(zip, start, start + len, n, 0, len)) {
                    v.at(i, local);
                }
            }
        }
    }
}
