package backprop.tools.grader;

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

    /**
     * Folders that tools put next to the sources (version control, build output, IDE settings,
     * macOS metadata): never read, only named in the notes. Matched before the {@code src/main/java}
     * that holds the sources, so a package may still be called {@code out} or {@code bin}.
     */
    static final java.util.Set<String> SKIPPED_FOLDERS = java.util.Set.of(".git", ".hg", ".svn", "target", "build", "out", "bin",
            ".idea", ".vscode", ".settings", ".gradle", ".mvn", "node_modules", "__MACOSX", ".metadata");

    /** The most entries a folder walk visits; past it the walk stops (a note, not a rejection). */
    static final int MAX_WALK = 200_000;

    /**
     * The folder under which a path outside the sources lies that is skipped on purpose, or null.
     * The folders of {@code base} (those that hold the submission's src/main/java, e.g. a wrapping
     * folder that happens to be called {@code out}) are never skipped.
     */
    static String skippedFolder(String rel, String base) {
        String[] parts = (rel.startsWith(base) ? rel.substring(base.length()) : rel).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("src") && i + 2 < parts.length && parts[i + 1].equals("main") && parts[i + 2].equals("java")) {
                return null;
            }
            if (SKIPPED_FOLDERS.contains(parts[i])) {
                return parts[i];
            }
        }
        return null;
    }

    /** What was skipped, for one note: the skipped folders and the odd entries outside the sources. */
    private static final class Skipped {
        final Map<String, Integer> folders = new TreeMap<>();
        final List<String> odd = new ArrayList<>();
        int oddCount;

        void folder(String name, int entries) {
            folders.merge(name, entries, Integer::sum);
        }

        void odd(String what) {
            if (++oddCount <= 5) {
                odd.add(what);
            }
        }

        void addTo(List<String> notes) {
            if (!folders.isEmpty()) {
                StringBuilder b = new StringBuilder("skipped, not read (not part of the sources): ");
                folders.forEach((f, n) -> b.append(b.charAt(b.length() - 2) == ':' ? "" : ", ").append(f).append('/')
                        .append(n > 0 ? " (" + n + (n == 1 ? " entry)" : " entries)") : ""));
                notes.add(b.toString());
            }
            if (oddCount > 0) {
                notes.add("skipped, not read: " + oddCount + (oddCount == 1 ? " entry" : " entries") + " outside src/main/java that "
                        + "could not be read (" + String.join("; ", odd) + (oddCount > odd.size() ? "; ..." : "") + ")");
            }
        }
    }

    private static Submission readFolder(String id, Path dir, Limits limits) throws IOException {
        List<String> notes = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        Skipped skipped = new Skipped();
        long[] total = {0};
        int[] seen = {0};
        int[] sources = {0};
        String[] tooMuch = {null};
        String base = Files.isDirectory(dir.resolve("src/main/java"), LinkOption.NOFOLLOW_LINKS) ? "" : wrapper(dir);
        // links are never followed: they are reported and skipped
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path p, BasicFileAttributes a) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String skip = rel.isEmpty() ? null : skippedFolder(rel + "/x", base);
                if (skip != null && p.getFileName().toString().equals(skip)) {
                    skipped.folder(skip, 0);
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                return ++seen[0] > MAX_WALK ? java.nio.file.FileVisitResult.TERMINATE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (below(rel) != null) {
                    notes.add("ignored " + rel + ": it could not be read (" + e.getClass().getSimpleName() + ")");
                } else {
                    skipped.odd(rel + ": " + e.getClass().getSimpleName());
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes a) throws IOException {
                if (++seen[0] > MAX_WALK) {
                    notes.add("stopped looking after " + MAX_WALK + " entries; the rest of the folder was not read");
                    return java.nio.file.FileVisitResult.TERMINATE;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String under = below(rel);
                if (a.isSymbolicLink()) {
                    if (under != null || rel.endsWith(".java")) {
                        notes.add("ignored the symbolic link " + rel + " (links are never followed)");
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                if (!a.isRegularFile() || !rel.endsWith(".java") || under == null) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                if (++sources[0] > limits.maxEntries()) {
                    tooMuch[0] = "src/main/java has more than " + limits.maxEntries() + " entries";
                    return java.nio.file.FileVisitResult.TERMINATE;
                }
                if (a.size() > limits.maxFileBytes()) {
                    notes.add("ignored " + rel + ": larger than " + limits.maxFileBytes() / 1024 + " KiB");
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                total[0] += a.size();
                if (total[0] > limits.maxSourceBytes()) {
                    tooMuch[0] = "the Java sources add up to more than " + limits.maxSourceBytes() / 1024 + " KiB";
                    return java.nio.file.FileVisitResult.TERMINATE;
                }
                try (java.io.InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] content = in.readNBytes((int) limits.maxFileBytes() + 1);
                    if (content.length > limits.maxFileBytes()) {
                        notes.add("ignored " + rel + ": larger than " + limits.maxFileBytes() / 1024 + " KiB");
                    } else {
                        files.put(rel, content);
                    }
                } catch (IOException e) {
                    notes.add("ignored " + rel + ": it could not be read (" + e.getClass().getSimpleName() + ")");
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        skipped.addTo(notes);
        if (tooMuch[0] != null) {
            return new Submission(id, Map.of(), notes, tooMuch[0]);
        }
        return finish(id, files, notes, limits);
    }

    /** The folder of a submission folder that wraps its src/main/java ({@code name/}), or "" when there is none. */
    private static String wrapper(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(d -> Files.isDirectory(d.resolve("src/main/java"), LinkOption.NOFOLLOW_LINKS))
                    .map(d -> d.getFileName().toString() + "/").sorted().findFirst().orElse("");
        }
    }

    private static Submission readZip(String id, Path zip, Limits limits) throws IOException {
        List<String> notes = new ArrayList<>();
        long size = Files.size(zip);
        if (size > limits.maxZipBytes()) {
            return new Submission(id, Map.of(), notes, "the zip is larger than " + limits.maxZipBytes() / (1 << 20) + " MiB");
        }
        byte[] bytes = Files.readAllBytes(zip);
        List<ZipReader.Entry> entries;
        try {
            entries = ZipReader.entries(bytes);
        } catch (java.util.zip.ZipException ex) {
            return new Submission(id, Map.of(), notes, "the zip is damaged: " + ex.getMessage());
        }
        Map<String, byte[]> files = new TreeMap<>();
        Skipped skipped = new Skipped();
        long inflated = 0;
        int read = 0;
        String base = entries.stream().map(e -> e.text().replace('\\', '/')).filter(n -> n.endsWith(".java") && below(n) != null)
                .map(n -> n.substring(0, n.length() - below(n).length() - ROOT.length())).min(java.util.Comparator.comparingInt(String::length))
                .orElse("");
        for (ZipReader.Entry e : entries) {
            // some Windows tools write backslashes; the checks below run on the normalized name
            String name = e.text().replace('\\', '/');
            if (name.startsWith("__MACOSX/") || name.contains("/._") || name.startsWith("._") || e.directory()) {
                continue; // macOS metadata and folders: nothing to read
            }
            String folder = skippedFolder(name, base);
            if (folder != null) {
                skipped.folder(folder, 1);
                continue;
            }
            if (!name.endsWith(".java") || below(name) == null) {
                if (!e.ascii() || oddName(name) != null || e.encrypted() || (e.method() != 0 && e.method() != 8)) {
                    skipped.odd("\"" + Ids.display(e.name()) + "\"");
                }
                continue;
            }
            if (++read > limits.maxEntries()) {
                return new Submission(id, Map.of(), notes, "src/main/java in the zip has more than " + limits.maxEntries() + " entries");
            }
            String odd = oddName(name);
            if (odd != null) {
                notes.add("refused the zip entry \"" + Ids.display(e.name()) + "\": " + odd);
                continue;
            }
            if (e.encrypted()) {
                notes.add("refused the zip entry " + Ids.display(e.name()) + ": it is encrypted");
                continue;
            }
            if (e.method() != 0 && e.method() != 8) {
                notes.add("refused the zip entry " + Ids.display(e.name()) + ": compressed with method " + e.method()
                        + ", which the grader does not read (use an ordinary zip)");
                continue;
            }
            ZipReader.Inflated r;
            try {
                r = ZipReader.inflate(bytes, e, limits.maxFileBytes(), limits.maxInflatedBytes() - inflated);
            } catch (java.util.zip.ZipException ex) {
                notes.add("refused the zip entry " + Ids.display(e.name()) + ": " + ex.getMessage());
                continue;
            }
            inflated += r.inflated();
            if (r.overBudget()) {
                return new Submission(id, Map.of(), notes, "the zip inflates to more than "
                        + limits.maxInflatedBytes() / (1 << 20) + " MiB (a zip bomb?)");
            }
            if (r.content() == null) {
                notes.add("ignored " + name + ": larger than " + limits.maxFileBytes() / 1024 + " KiB");
            } else if (!r.crcOk()) {
                notes.add("refused the zip entry " + Ids.display(e.name()) + ": it is damaged (its checksum does not match)");
            } else if (files.containsKey(name)) {
                notes.add("ignored a second zip entry named " + name);
            } else {
                files.put(name, r.content());
            }
        }
        skipped.addTo(notes);
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
        String v = Inert.visible(s, false);
        return v.length() > 120 ? v.substring(0, 120) + "..." : v;
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
