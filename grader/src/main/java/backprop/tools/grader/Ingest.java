package backprop.tools.grader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads one submission, a copy of {@code exercises/} as a folder or a {@code .zip}, into memory:
 * only regular {@code .java} files under {@code src/main/java}, never through a symbolic link,
 * with limits on sizes and counts. Zips are read from memory; entries with {@code ..}, absolute
 * or odd names are refused, and the bytes really inflated are counted (a zip bomb stops at the
 * limit, whatever its headers claim).
 */
public final class Ingest {

    /** Limits on what one submission may contain. */
    public record Limits(long maxZipBytes, long maxInflatedBytes, int maxEntries, long maxFileBytes, long maxSourceBytes, int maxFiles) {
        public static final Limits DEFAULT = new Limits(20L << 20, 50L << 20, 5000, 512L << 10, 2L << 20, 300);
    }

    /** What was read: the sources by path below src/main/java, notes for the student, or why the whole submission was rejected. */
    public record Submission(String id, Map<String, String> sources, List<String> notes, String rejected) {
        public boolean isRejected() {
            return rejected != null;
        }
    }

    /** A valid path below src/main/java: package directories and a Java file name, plain ASCII. */
    private static final Pattern JAVA_PATH = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*/)*[A-Za-z_$][A-Za-z0-9_$]*\\.java");
    private static final String ROOT = "src/main/java/";

    private Ingest() {
    }

    /** Reads a folder or a zip; never throws for a bad submission, only reports. */
    public static Submission read(String id, Path path, Limits limits) {
        try {
            if (Files.isSymbolicLink(path)) {
                return new Submission(id, Map.of(), List.of(), "the submission is a symbolic link; it was not followed");
            }
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return readFolder(id, path, limits);
            }
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && path.getFileName().toString().toLowerCase().endsWith(".zip")) {
                return readZip(id, path, limits);
            }
            return new Submission(id, Map.of(), List.of(), "not a folder or a .zip file");
        } catch (IOException | RuntimeException e) {
            return new Submission(id, Map.of(), List.of(), "could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Submission readFolder(String id, Path dir, Limits limits) throws IOException {
        List<String> notes = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        long[] total = {0};
        int[] seen = {0};
        String[] tooMuch = {null};
        // Files.walk does not follow links unless asked; links are reported and skipped
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (++seen[0] > limits.maxEntries()) {
                    tooMuch[0] = "the folder has more than " + limits.maxEntries() + " entries";
                    break;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink()) {
                    notes.add("ignored the symbolic link " + rel + " (links are never followed)");
                    continue;
                }
                if (!a.isRegularFile() || !rel.endsWith(".java")) {
                    continue;
                }
                String under = below(rel);
                if (under == null) {
                    continue;
                }
                if (a.size() > limits.maxFileBytes()) {
                    notes.add("ignored " + rel + ": larger than " + limits.maxFileBytes() / 1024 + " KiB");
                    continue;
                }
                total[0] += a.size();
                if (total[0] > limits.maxSourceBytes()) {
                    tooMuch[0] = "the Java sources add up to more than " + limits.maxSourceBytes() / 1024 + " KiB";
                    break;
                }
                try (java.io.InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] content = in.readNBytes((int) limits.maxFileBytes() + 1);
                    if (content.length > limits.maxFileBytes()) {
                        notes.add("ignored " + rel + ": larger than " + limits.maxFileBytes() / 1024 + " KiB");
                        continue;
                    }
                    files.put(rel, content);
                }
            }
        }
        if (tooMuch[0] != null) {
            return new Submission(id, Map.of(), notes, tooMuch[0]);
        }
        return finish(id, files, notes, limits);
    }

    private static Submission readZip(String id, Path zip, Limits limits) throws IOException {
        List<String> notes = new ArrayList<>();
        long size = Files.size(zip);
        if (size > limits.maxZipBytes()) {
            return new Submission(id, Map.of(), notes, "the zip is larger than " + limits.maxZipBytes() / (1 << 20) + " MiB");
        }
        byte[] bytes = Files.readAllBytes(zip);
        Map<String, byte[]> files = new TreeMap<>();
        long inflated = 0;
        int entries = 0;
        byte[] buf = new byte[16384];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    return new Submission(id, Map.of(), notes, "the zip has more than " + limits.maxEntries() + " entries");
                }
                // some Windows tools write backslashes; the checks below run on the normalized name
                String name = e.getName().replace('\\', '/');
                if (name.startsWith("__MACOSX/") || name.contains("/._")) {
                    name = "";
                }
                String odd = name.isEmpty() ? null : oddName(name);
                boolean wanted = odd == null && !name.isEmpty() && !e.isDirectory() && name.endsWith(".java") && below(name) != null;
                if (odd != null) {
                    notes.add("refused the zip entry \"" + printable(name) + "\": " + odd);
                }
                java.io.ByteArrayOutputStream content = wanted ? new java.io.ByteArrayOutputStream() : null;
                long entryBytes = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    inflated += n;
                    entryBytes += n;
                    if (inflated > limits.maxInflatedBytes()) {
                        return new Submission(id, Map.of(), notes, "the zip inflates to more than "
                                + limits.maxInflatedBytes() / (1 << 20) + " MiB (a zip bomb?)");
                    }
                    if (content != null) {
                        if (entryBytes > limits.maxFileBytes()) {
                            notes.add("ignored " + name + ": larger than " + limits.maxFileBytes() / 1024 + " KiB");
                            content = null;
                        } else {
                            content.write(buf, 0, n);
                        }
                    }
                }
                if (content != null) {
                    if (files.containsKey(name)) {
                        notes.add("ignored a second zip entry named " + name);
                    } else {
                        files.put(name, content.toByteArray());
                    }
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            return new Submission(id, Map.of(), notes, "the zip is damaged: " + ex.getMessage());
        }
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        if (total > limits.maxSourceBytes()) {
            return new Submission(id, Map.of(), notes, "the Java sources add up to more than " + limits.maxSourceBytes() / 1024 + " KiB");
        }
        return finish(id, files, notes, limits);
    }

    /** Why a zip entry name is refused, or null when it is fine. */
    static String oddName(String name) {
        if (name.isEmpty() || name.length() > 400) {
            return "empty or too long";
        }
        if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "an absolute path";
        }
        if (name.contains("\\")) {
            return "a backslash in the name";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                return "it climbs out of the folder with ..";
            }
            if (part.equals(".")) {
                return "a . segment";
            }
        }
        if (name.contains("//")) {
            return "an empty path segment";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "a control character in the name";
            }
        }
        return null;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.length() > 120 ? b.substring(0, 120) + "..." : b.toString();
    }

    /** The part of a path below the first {@code src/main/java/}, or null. */
    static String below(String rel) {
        int i = rel.startsWith(ROOT) ? 0 : rel.indexOf("/" + ROOT);
        if (i < 0) {
            return null;
        }
        return rel.substring(i == 0 && rel.startsWith(ROOT) ? ROOT.length() : i + 1 + ROOT.length());
    }

    /** Keeps the files of the shallowest src/main/java, checks names and encodings. */
    private static Submission finish(String id, Map<String, byte[]> files, List<String> notes, Limits limits) {
        String prefix = null;
        for (String rel : files.keySet()) {
            String p = rel.substring(0, rel.length() - below(rel).length());
            if (prefix == null || p.length() < prefix.length()) {
                prefix = p;
            }
        }
        Map<String, String> sources = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().startsWith(prefix)) {
                notes.add("ignored " + f.getKey() + ": it is not in the project's src/main/java (" + prefix + ")");
                continue;
            }
            String path = f.getKey().substring(prefix.length());
            if (!JAVA_PATH.matcher(path).matches()) {
                notes.add("ignored " + printable(path) + ": not a plain Java source name");
                continue;
            }
            if (sources.size() >= limits.maxFiles()) {
                return new Submission(id, Map.of(), notes, "more than " + limits.maxFiles() + " Java files");
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(f.getValue())).toString();
                sources.put(path, text);
            } catch (CharacterCodingException e) {
                notes.add("ignored " + path + ": not UTF-8 text");
            }
        }
        if (prefix == null || sources.isEmpty()) {
            return new Submission(id, Map.of(), notes, "no Java sources under src/main/java");
        }
        return new Submission(id, sources, notes, null);
    }

}
