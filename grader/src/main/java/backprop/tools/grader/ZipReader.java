package backprop.tools.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads a zip held in memory from its central directory. Entry names stay raw bytes, whatever
 * their encoding, and nothing is inflated but the entries the caller asks for, so an entry the
 * grader does not read (encrypted, badly named, compressed with an unknown method, or just many
 * of them in a {@code .git} folder) costs nothing and cannot make the zip unreadable. The bytes
 * really inflated are counted against a budget, whatever the headers claim.
 */
final class ZipReader {

    /** One central-directory record. */
    record Entry(byte[] name, int flags, int method, long crc, long compressedSize, long size, long localOffset) {
        boolean encrypted() {
            return (flags & 1) != 0;
        }

        boolean directory() {
            return name.length > 0 && name[name.length - 1] == '/';
        }

        /** The name as text: ASCII as it is, anything else decoded leniently (only used for display and routing). */
        String text() {
            return new String(name, java.nio.charset.StandardCharsets.UTF_8);
        }

        boolean ascii() {
            for (byte b : name) {
                if (b < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What inflating an entry gave: its bytes (null when larger than the limit), the bytes inflated, and whether its checksum matched. */
    record Inflated(byte[] content, long inflated, boolean overBudget, boolean crcOk) {
    }

    private static final long MAX32 = 0xFFFFFFFFL;

    private ZipReader() {
    }

    static List<Entry> entries(byte[] zip) throws ZipException {
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
            if (u32(zip, i) == 0x06054b50L && i + 22 + u16(zip, i + 20) == zip.length) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
                if (u32(zip, i) == 0x06054b50L) {
                    eocd = i;
                    break;
                }
            }
        }
        if (eocd < 0) {
            throw new ZipException("no central directory (not a zip, or cut short)");
        }
        long count = u16(zip, eocd + 10);
        long offset = u32(zip, eocd + 16);
        if ((count == 0xFFFF || offset == MAX32) && eocd >= 20 && u32(zip, eocd - 20) == 0x07064b50L) {
            long z64 = u64(zip, eocd - 20 + 8);
            check(zip, z64, 56);
            if (u32(zip, (int) z64) != 0x06064b50L) {
                throw new ZipException("damaged zip64 end record");
            }
            count = u64(zip, (int) z64 + 32);
            offset = u64(zip, (int) z64 + 48);
        }
        List<Entry> entries = new ArrayList<>();
        long p = offset;
        for (long n = 0; n < count; n++) {
            check(zip, p, 46);
            int at = (int) p;
            if (u32(zip, at) != 0x02014b50L) {
                throw new ZipException("damaged central directory at entry " + n);
            }
            int flags = u16(zip, at + 8);
            int method = u16(zip, at + 10);
            long crc = u32(zip, at + 16);
            long csize = u32(zip, at + 20);
            long size = u32(zip, at + 24);
            int nameLen = u16(zip, at + 28);
            int extraLen = u16(zip, at + 30);
            int commentLen = u16(zip, at + 32);
            long local = u32(zip, at + 42);
            check(zip, p, 46L + nameLen + extraLen + commentLen);
            byte[] name = java.util.Arrays.copyOfRange(zip, at + 46, at + 46 + nameLen);
            // zip64: the sizes and offset that do not fit in 32 bits follow in the extra field 0x0001, in this order
            int e = at + 46 + nameLen;
            int end = e + extraLen;
            while (e + 4 <= end) {
                int tag = u16(zip, e);
                int len = u16(zip, e + 2);
                if (tag == 1) {
                    int q = e + 4;
                    if (size == MAX32 && q + 8 <= e + 4 + len) {
                        size = u64(zip, q);
                        q += 8;
                    }
                    if (csize == MAX32 && q + 8 <= e + 4 + len) {
                        csize = u64(zip, q);
                        q += 8;
                    }
                    if (local == MAX32 && q + 8 <= e + 4 + len) {
                        local = u64(zip, q);
                    }
                }
                e += 4 + len;
            }
            entries.add(new Entry(name, flags, method, crc, csize, size, local));
            p += 46L + nameLen + extraLen + commentLen;
        }
        return entries;
    }

    /**
     * Inflates one entry: at most {@code budget} bytes are inflated in all; the content is kept
     * only up to {@code maxBytes} (beyond it, inflating goes on only to count, so a bomb still
     * meets the budget).
     */
    static Inflated inflate(byte[] zip, Entry entry, long maxBytes, long budget) throws ZipException {
        check(zip, entry.localOffset(), 30);
        int at = (int) entry.localOffset();
        if (u32(zip, at) != 0x04034b50L) {
            throw new ZipException("damaged local header of " + Ids.display(entry.name()));
        }
        long data = entry.localOffset() + 30 + u16(zip, at + 26) + u16(zip, at + 28);
        check(zip, data, entry.compressedSize());
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        long inflated = 0;
        boolean tooLarge = false;
        if (entry.method() == 0) {
            long n = entry.compressedSize();
            if (n > budget) {
                return new Inflated(null, budget, true, false);
            }
            inflated = n;
            tooLarge = n > maxBytes;
            if (!tooLarge) {
                kept.write(zip, (int) data, (int) n);
                crc.update(zip, (int) data, (int) n);
            }
        } else {
            Inflater inf = new Inflater(true);
            try {
                inf.setInput(zip, (int) data, (int) entry.compressedSize());
                byte[] buf = new byte[16384];
                while (!inf.finished()) {
                    int n = inf.inflate(buf);
                    if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                        throw new ZipException("the entry " + Ids.display(entry.name()) + " is cut short");
                    }
                    inflated += n;
                    if (inflated > budget) {
                        return new Inflated(null, inflated, true, false);
                    }
                    if (!tooLarge && inflated > maxBytes) {
                        tooLarge = true;
                        kept = null;
                    }
                    if (!tooLarge) {
                        kept.write(buf, 0, n);
                        crc.update(buf, 0, n);
                    }
                }
            } catch (DataFormatException ex) {
                throw new ZipException("the entry " + Ids.display(entry.name()) + " is damaged: " + ex.getMessage());
            } finally {
                inf.end();
            }
        }
        if (tooLarge) {
            return new Inflated(null, inflated, false, false);
        }
        return new Inflated(kept.toByteArray(), inflated, false, crc.getValue() == entry.crc());
    }

    private static void check(byte[] zip, long at, long len) throws ZipException {
        if (at < 0 || len < 0 || at + len > zip.length) {
            throw new ZipException("a record points outside the file (damaged or cut short)");
        }
    }

    private static int u16(byte[] b, int i) {
        return i < 0 || i + 2 > b.length ? -1 : (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return i < 0 || i + 4 > b.length ? -1 : (u16(b, i) & 0xffffL) | (long) u16(b, i + 2) << 16;
    }

    private static long u64(byte[] b, int i) {
        return i < 0 || i + 8 > b.length ? -1 : u32(b, i) | u32(b, i + 4) << 32;
    }
}
