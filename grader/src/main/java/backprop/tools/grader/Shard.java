package backprop.tools.grader;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * One of N parts of a submissions folder, {@code K/N} with K from 1 to N. A submission belongs to
 * the part given by the SHA-256 of its id modulo N, so its part depends on its id alone: adding
 * or removing other submissions never moves it to another part. Each sharded run records what it
 * graded in {@code OUT/shard.properties}, which {@link Merge} checks before joining the parts.
 */
public record Shard(int k, int n) {

    public static final String FILE = "shard.properties";
    /** Version of the shard.properties layout. */
    static final String FORMAT = "1";

    public Shard {
        if (n < 1 || k < 1 || k > n) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, e.g. 1/4 .. 4/4; got " + k + "/" + n);
        }
    }

    /** Parses {@code K/N}. */
    public static Shard parse(String s) {
        String t = s == null ? "" : s.trim();
        int slash = t.indexOf('/');
        if (slash < 0 || !t.substring(0, slash).matches("[0-9]{1,6}") || !t.substring(slash + 1).matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException("a shard is written K/N (the K-th of N parts, counted from 1), e.g. --shard 2/4; got '"
                    + Inert.terminal(t, 40) + "'");
        }
        return new Shard(Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
    }

    /** Whether the submission with this id is graded by this shard. */
    public boolean owns(String id) {
        return part(id, n) == k - 1;
    }

    /** The part (0 to n-1) of an id: the first 8 bytes of the SHA-256 of its UTF-8 bytes, unsigned, modulo n. */
    static int part(String id, int n) {
        byte[] d = sha256(id);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(v, n);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of every id of the folder, so that shards of different folders are not merged. */
    static String fingerprint(List<String> ids) {
        return HexFormat.of().formatHex(sha256(ids.stream().sorted().collect(Collectors.joining("\n")))).substring(0, 24);
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }

    /** picocli converter for {@code --shard}. */
    static final class Converter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- the record of a sharded run

    /** What one sharded run graded, as written to and read from shard.properties. */
    record Record(Shard shard, String bundle, String chapters, int folderSize, String folderFingerprint, List<Ids.Entry> graded,
            Sandbox.Options sandbox, List<String> active, List<String> inactive, List<String> hidden, int gradedNow, int skipped,
            int errors, double seconds, String missingChapters) {
    }

    /** Writes OUT/shard.properties after a sharded run. */
    static void write(Path out, Shard shard, CourseBundle course, Set<Integer> chapters, Ids.Listing all, Grader.Run run,
            Sandbox.Options box) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("shard", shard.toString());
        p.setProperty("shard.k", Integer.toString(shard.k()));
        p.setProperty("shard.n", Integer.toString(shard.n()));
        p.setProperty("bundle.version", course.hash());
        p.setProperty("chapters", chapters == null || chapters.isEmpty() ? "all"
                : chapters.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        p.setProperty("folder.submissions", Integer.toString(all.entries().size()));
        p.setProperty("folder.fingerprint", fingerprint(all.entries().stream().map(Ids.Entry::id).toList()));
        List<Ids.Entry> mine = all.entries().stream().filter(e -> shard.owns(e.id())).toList();
        p.setProperty("submissions", Integer.toString(mine.size()));
        for (int i = 0; i < mine.size(); i++) {
            p.setProperty("submission." + i + ".id", mine.get(i).id());
            p.setProperty("submission." + i + ".file", mine.get(i).file());
        }
        p.setProperty("sandbox.testTimeoutMillis", Long.toString(box.testTimeoutMillis()));
        p.setProperty("sandbox.submissionTimeoutMillis", Long.toString(box.submissionTimeoutMillis()));
        p.setProperty("sandbox.heapMb", Integer.toString(box.heapMb()));
        p.setProperty("sandbox.stackBytes", Long.toString(box.stackBytes()));
        p.setProperty("sandbox.outputCap", Integer.toString(box.outputCap()));
        list(p, "protection.active", run.protections().active());
        list(p, "protection.inactive", run.protections().inactive());
        list(p, "hidden", run.hidden());
        p.setProperty("run.graded", Integer.toString(run.graded()));
        p.setProperty("run.skipped", Integer.toString(run.skipped()));
        p.setProperty("run.errors", Integer.toString(run.errors()));
        p.setProperty("run.seconds", Double.toString(run.seconds()));
        p.setProperty("chapters.missing", run.missingChapters());
        StringWriter w = new StringWriter();
        p.store(w, "backprop-grader shard " + shard + " (merge the shards with: backprop-grader merge --out MERGED OUT...)");
        // Properties.store adds a date line; leave it out so the same run writes the same file
        // one entry a line (store escapes line breaks): sorted, and without the date line, so the same run writes the same file
        List<String> lines = w.toString().lines().toList();
        String text = lines.get(0) + "\n" + lines.stream().skip(1).filter(l -> !l.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "", "\n"));
        AtomicFiles.write(out.resolve(FILE), text);
    }

    private static void list(Properties p, String key, List<String> values) {
        p.setProperty(key + ".count", Integer.toString(values.size()));
        for (int i = 0; i < values.size(); i++) {
            p.setProperty(key + "." + i, values.get(i));
        }
    }

    private static List<String> list(Properties p, String key, Path where) throws IOException {
        int n = integer(p, key + ".count", where);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(required(p, key + "." + i, where));
        }
        return values;
    }

    /** Reads OUT/shard.properties; a missing or damaged file is an IOException naming the folder and what is wrong. */
    static Record read(Path out) throws IOException {
        Path f = out.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IOException(out + " is not the output of a sharded run (it has no " + FILE + "; grade with --shard K/N)");
        }
        Properties p = new Properties();
        try (var r = new StringReader(Files.readString(f, StandardCharsets.ISO_8859_1))) {
            p.load(r);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(f + " has format " + p.getProperty("format") + "; this grader reads format " + FORMAT);
        }
        Shard shard;
        try {
            shard = new Shard(integer(p, "shard.k", f), integer(p, "shard.n", f));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": " + e.getMessage());
        }
        int count = integer(p, "submissions", f);
        List<Ids.Entry> graded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = required(p, "submission." + i + ".id", f);
            String file = required(p, "submission." + i + ".file", f);
            if (!file.matches("[a-z0-9_~][a-z0-9._~-]{0,120}")) {
                throw new IOException(f + " names an unsafe file name for " + Inert.terminal(id, 60));
            }
            graded.add(new Ids.Entry(null, null, id, file));
        }
        Sandbox.Options box = new Sandbox.Options(longValue(p, "sandbox.testTimeoutMillis", f), longValue(p, "sandbox.submissionTimeoutMillis", f),
                integer(p, "sandbox.heapMb", f), longValue(p, "sandbox.stackBytes", f), integer(p, "sandbox.outputCap", f));
        return new Record(shard, required(p, "bundle.version", f), required(p, "chapters", f), integer(p, "folder.submissions", f),
                required(p, "folder.fingerprint", f), graded, box, list(p, "protection.active", f), list(p, "protection.inactive", f),
                list(p, "hidden", f), integer(p, "run.graded", f), integer(p, "run.skipped", f), integer(p, "run.errors", f),
                Double.parseDouble(required(p, "run.seconds", f)), p.getProperty("chapters.missing", ""));
    }

    private static String required(Properties p, String key, Path f) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException(f + " lacks " + key + " (damaged or not written by the grader)");
        }
        return v;
    }

    private static int integer(Properties p, String key, Path f) throws IOException {
        try {
            return Integer.parseInt(required(p, key, f).trim());
        } catch (NumberFormatException e) {
            throw new IOException(f + ": " + key + " is not a number");
        }
    }

    private static long longValue(Properties p, String key, Path f) throws IOException {
        try {
            return Long.parseLong(required(p, key, f).trim());
        } catch (NumberFormatException e) {
            throw new IOException(f + ": " + key + " is not a number");
        }
    }
}
