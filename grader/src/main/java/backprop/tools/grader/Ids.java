package backprop.tools.grader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The student id shown for each entry of the submissions folder, and the name of its output
 * files, made from the entry's raw name (its bytes, not a decoded string that may have lost
 * some). Both are collision-free over a folder, deterministic and bounded in length:
 *
 * <ul>
 * <li>a name that is plain (valid UTF-8, NFC, no invisible character, no {@code ~} or
 * {@code \}, at most 64 characters) is its own id; any other name shows a readable prefix (bytes
 * that do not decode as {@code \xFF}, invisible characters as {@code \\u202E}) followed by
 * {@code ~} and 12 hex digits of the SHA-256 of the raw bytes;</li>
 * <li>a file name is the name itself only if it is made of {@code a-z 0-9 . _ -} (lower case, so
 * a case-insensitive file system cannot merge two of them), at most 64 long, and not a name
 * Windows reserves; otherwise a lower-case safe prefix, {@code ~} and the same hash.</li>
 * </ul>
 *
 * Plain forms never contain {@code ~} and derived ones always do, so a plain form never equals a
 * derived one; entries whose plain forms coincide (a folder {@code alice} and a file
 * {@code alice.zip}) both take the derived form; and if two derived forms still coincide (a hash
 * collision), the later in raw-byte order gets {@code ~2}, {@code ~3}, ...
 */
public final class Ids {

    /** One entry of the submissions folder: where it is, its raw name, the id shown and the base name of its files. */
    public record Entry(Path path, byte[] raw, String id, String file) {
    }

    /** What a folder holds: the submissions, and the hidden entries (names starting with a dot) that were not graded. */
    public record Listing(List<Entry> entries, List<String> hidden) {
    }

    /** A name before ids are assigned: its raw bytes and whether it is a regular .zip file (whose id drops the .zip). */
    public record Name(byte[] raw, boolean zipFile) {
        @Override
        public String toString() {
            return display(raw) + (zipFile ? " (zip file)" : "");
        }
    }

    static final int MAX_PLAIN = 64;
    static final int PREFIX = 40;
    private static final Pattern PLAIN_FILE = Pattern.compile("[a-z0-9_][a-z0-9._-]*");
    private static final Pattern RESERVED = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private Ids() {
    }

    /** Lists a folder, skipping {@code out} when it lies inside, sorted by raw name. */
    public static Listing list(Path folder, Path out) throws IOException {
        Path outAbs = out.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                if (p.toAbsolutePath().normalize().equals(outAbs)) {
                    continue;
                }
                byte[] raw = rawName(p);
                if (raw.length > 0 && raw[0] == '.') {
                    hidden.add(display(raw));
                    continue;
                }
                paths.add(p);
                names.add(new Name(raw, Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        List<String[]> assigned = assign(names);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            entries.add(new Entry(paths.get(i), names.get(i).raw(), assigned.get(i)[0], assigned.get(i)[1]));
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.raw(), b.raw()));
        hidden.sort(null);
        return new Listing(List.copyOf(entries), List.copyOf(hidden));
    }

    /**
     * The raw bytes of a path's last name. The URI of a path holds its exact bytes, percent-encoded
     * where needed, even when they are not valid in the platform's encoding.
     */
    static byte[] rawName(Path p) {
        URI uri = p.toAbsolutePath().toUri();
        String raw = uri.getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                b.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = raw.codePointAt(i);
                byte[] u = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                b.write(u, 0, u.length);
                i += Character.charCount(cp);
            }
        }
        return b.toByteArray();
    }

    /**
     * Ids and file names for a list of names, in the same order: element {id, file}. The names must
     * be distinct as bytes; the result is distinct in ids and in lower-cased file names.
     */
    public static List<String[]> assign(List<Name> names) {
        int n = names.size();
        String[][] out = new String[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            byte[] stem = stem(names.get(i));
            String id = plainId(stem);
            String file = plainFile(stem);
            out[i] = new String[] {id != null ? id : derivedId(stem, names.get(i).raw()),
                file != null ? file : derivedFile(stem, names.get(i).raw())};
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(names.get(a).raw(), names.get(b).raw()));
        // plain forms that coincide: every entry involved takes the derived forms
        Set<Integer> clash = clashes(out, order);
        for (int i : clash) {
            byte[] stem = stem(names.get(i));
            out[i] = new String[] {derivedId(stem, names.get(i).raw()), derivedFile(stem, names.get(i).raw())};
        }
        // derived forms that still coincide (a hash collision): number them in raw-byte order
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> files = new HashMap<>();
        for (int i : order) {
            int k = Math.max(ids.merge(out[i][0], 1, Integer::sum), files.merge(out[i][1], 1, Integer::sum));
            if (k > 1) {
                String suffix = "~" + k;
                while (ids.containsKey(out[i][0] + suffix) || files.containsKey(out[i][1] + suffix)) {
                    suffix = "~" + ++k;
                }
                out[i] = new String[] {out[i][0] + suffix, out[i][1] + suffix};
                ids.put(out[i][0], 1);
                files.put(out[i][1], 1);
            }
        }
        return List.of(out);
    }

    private static Set<Integer> clashes(String[][] out, Integer[] order) {
        Map<String, List<Integer>> byId = new HashMap<>();
        Map<String, List<Integer>> byFile = new HashMap<>();
        for (int i : order) {
            byId.computeIfAbsent(out[i][0], k -> new ArrayList<>()).add(i);
            byFile.computeIfAbsent(out[i][1].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
        }
        Set<Integer> clash = new java.util.TreeSet<>();
        for (Map<String, List<Integer>> m : List.of(byId, byFile)) {
            m.values().stream().filter(l -> l.size() > 1).forEach(clash::addAll);
        }
        return clash;
    }

    /** The file-name form of one id on its own (Gradescope, tests); in a folder use {@link #assign}. */
    public static String fileOf(String id) {
        byte[] raw = id.getBytes(StandardCharsets.UTF_8);
        String plain = plainFile(raw);
        return plain != null ? plain : derivedFile(raw, raw);
    }

    private static byte[] stem(Name n) {
        byte[] r = n.raw();
        int len = r.length;
        if (n.zipFile() && len > 4 && new String(r, len - 4, 4, StandardCharsets.ISO_8859_1).equalsIgnoreCase(".zip")) {
            return Arrays.copyOf(r, len - 4);
        }
        return r;
    }

    /** The name itself when it can be shown as it is, else null. */
    static String plainId(byte[] stem) {
        String s;
        try {
            s = strict().decode(ByteBuffer.wrap(stem)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (s.isEmpty() || s.codePointCount(0, s.length()) > MAX_PLAIN || !Normalizer.isNormalized(s, Normalizer.Form.NFC)
                || s.startsWith(" ") || s.endsWith(" ") || s.indexOf('~') >= 0 || s.indexOf('\\') >= 0
                || s.codePoints().anyMatch(Inert::invisible)) {
            return null;
        }
        return s;
    }

    /** The name itself when it is a safe, lower-case file name on every system, else null. */
    static String plainFile(byte[] stem) {
        if (stem.length == 0 || stem.length > MAX_PLAIN) {
            return null;
        }
        String s = new String(stem, StandardCharsets.ISO_8859_1);
        return PLAIN_FILE.matcher(s).matches() && !s.endsWith(".") && !RESERVED.matcher(s).matches() ? s : null;
    }

    static String derivedId(byte[] stem, byte[] raw) {
        String shown = display(stem).replace('~', '_');
        int cut = shown.offsetByCodePoints(0, Math.min(PREFIX, shown.codePointCount(0, shown.length())));
        return shown.substring(0, cut) + "~" + hash(raw);
    }

    static String derivedFile(byte[] stem, byte[] raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < stem.length && b.length() < PREFIX; i++) {
            char c = (char) (stem[i] & 0xff);
            b.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') ? Character.toLowerCase(c) : '_');
        }
        String base = b.indexOf(".") < 0 ? b.toString() : b.substring(0, b.indexOf("."));
        if (b.length() == 0 || b.charAt(0) == '.' || b.charAt(0) == '-' || RESERVED.matcher(base).matches()) {
            b.insert(0, '_'); // Windows reserves con, nul.txt, nul.x~y ... whatever follows the first dot
        }
        return b + "~" + hash(raw);
    }

    /** Bytes as readable text: valid UTF-8 decoded, other bytes as {@code \xFF}, invisible characters escaped. */
    static String display(byte[] bytes) {
        CharsetDecoder d = strict();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 4);
        StringBuilder b = new StringBuilder();
        while (true) {
            CoderResult r = d.decode(in, out, true);
            out.flip();
            b.append(Inert.visible(out.toString(), false));
            out.clear();
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    b.append(String.format("\\x%02X", in.get() & 0xff));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        return b.toString();
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    static String hash(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
