package backprop.tools.grader;

import backprop.tools.grader.JavaCompile.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a submission's sources (in a child JVM, {@link IsolatedCompiler}) and checks the classes against the
 * {@link Allowlist}. A file that is missing, declares the wrong package, does not compile or
 * uses something refused is replaced by the course's untouched stub of the same name (or left
 * out if the course has none), and the rest is compiled again: the student loses the points of
 * that file only, never gains any, and is told why.
 */
public final class StudentBuild {

    /** The outcome: class files (binary name to bytes), notes for the student, refusals, or a fatal error. */
    public record Result(Map<String, byte[]> classes, List<String> notes, List<String> refusals, List<String> replaced, String fatal) {
        public boolean ok() {
            return fatal == null;
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z0-9_.$\\s]+?)\\s*;");

    private StudentBuild() {
    }

    /**
     * Builds a submission. The compiler runs in a child JVM ({@link IsolatedCompiler}) with its own
     * limits; the time limit holds for each compilation and, twice over, for the whole build.
     */
    public static Result build(Map<String, String> submitted, Map<String, String> stubs, long timeoutSeconds) throws java.io.IOException {
        return buildNow(submitted, stubs, timeoutSeconds);
    }

    static Result buildNow(Map<String, String> submitted, Map<String, String> stubs, long timeoutSeconds) throws java.io.IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2 * timeoutSeconds);
        List<String> notes = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> replaced = new LinkedHashSet<>();
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<String, String> f : submitted.entrySet()) {
            String path = f.getKey();
            String expected = packageOf(path);
            String declared = declaredPackage(f.getValue());
            if (!expected.equals(declared)) {
                notes.add(path + " declares the package \"" + declared + "\" but lies in " + dir(path)
                        + (stubs.containsKey(path) ? "; graded as the untouched stub" : "; left out"));
                if (stubs.containsKey(path)) {
                    files.put(path, stubs.get(path));
                    replaced.add(path);
                }
                continue;
            }
            if (!backprop.tools.grader.harness.RoutingLoader.COURSE_PACKAGES.contains(expected)) {
                notes.add(path + " is outside the course packages; left out");
                continue;
            }
            files.put(path, f.getValue());
        }
        for (Map.Entry<String, String> s : stubs.entrySet()) {
            if (!files.containsKey(s.getKey()) && !submitted.containsKey(s.getKey())) {
                notes.add(s.getKey() + " is missing; graded as the untouched stub");
                files.put(s.getKey(), s.getValue());
                replaced.add(s.getKey());
            }
        }
        // the tests judge with the course's given code: only exercise bodies and additions are the student's
        GivenCode.Restored given = GivenCode.restore(files, stubs);
        files.clear();
        files.putAll(given.files());
        notes.addAll(given.notes());
        for (int round = 0; round < 8; round++) {
            if (System.nanoTime() > deadline) {
                return new Result(Map.of(), notes, refusals, List.copyOf(replaced),
                        "the compiler did not finish within " + 2 * timeoutSeconds + " s");
            }
            List<Source> sources = files.entrySet().stream().map(e -> new Source(e.getKey(), e.getValue())).toList();
            JavaCompile.Output out = IsolatedCompiler.compile(sources, p -> !files.get(p).equals(stubs.get(p)), timeoutSeconds, deadline);
            if (!out.ok()) {
                Map<String, JavaCompile.Problem> firstError = new LinkedHashMap<>();
                out.errors().forEach(p -> firstError.putIfAbsent(p.path(), p));
                boolean changed = false;
                for (JavaCompile.Problem p : firstError.values()) {
                    if (!files.containsKey(p.path())) {
                        continue;
                    }
                    String stub = stubs.get(p.path());
                    if (stub != null && stub.equals(files.get(p.path()))) {
                        continue; // the stub itself fails because of another file
                    }
                    changed = true;
                    long line = given.studentLine(p.path(), p.line());
                    String where = line > 0 ? "line " + line + ": "
                            : p.line() > 0 && !files.get(p.path()).equals(given.submitted().get(p.path()))
                                    ? "in the given code the grader put back around your changes, line " + p.line() + " of the course's file: "
                                    : p.line() > 0 ? "line " + p.line() + ": " : "";
                    notes.add(p.path() + " does not compile (" + where + p.message() + ")"
                            + (stub != null ? "; graded as the untouched stub" : "; left out"));
                    replace(files, stubs, replaced, p.path());
                }
                if (!changed) {
                    return new Result(Map.of(), notes, refusals, List.copyOf(replaced),
                            "the submission does not compile: " + out.errors().get(0));
                }
                continue;
            }
            List<Allowlist.Violation> violations = Allowlist.check(out.classes());
            if (violations.isEmpty()) {
                return new Result(out.classes(), notes, refusals, List.copyOf(replaced), null);
            }
            Set<String> bad = new LinkedHashSet<>();
            for (Allowlist.Violation v : violations) {
                String source = out.sourceOf().getOrDefault(v.className().replace('/', '.'), "?");
                refusals.add(source + ": " + v);
                bad.add(source);
            }
            boolean changed = false;
            for (String path : bad) {
                String stub = stubs.get(path);
                if (files.containsKey(path) && (stub == null || !stub.equals(files.get(path)))) {
                    notes.add(path + " was refused (" + violations.stream()
                            .filter(v -> path.equals(out.sourceOf().get(v.className().replace('/', '.'))))
                            .findFirst().map(Allowlist.Violation::toString).orElse("") + ")"
                            + (stub != null ? "; graded as the untouched stub" : "; left out"));
                    replace(files, stubs, replaced, path);
                    changed = true;
                }
            }
            if (!changed) {
                return new Result(Map.of(), notes, refusals, List.copyOf(replaced), "refused: " + violations.get(0));
            }
        }
        return new Result(Map.of(), notes, refusals, List.copyOf(replaced), "the submission does not compile even with stubs in place of the broken files");
    }

    private static void replace(Map<String, String> files, Map<String, String> stubs, Set<String> replaced, String path) {
        String stub = stubs.get(path);
        if (stub != null) {
            files.put(path, stub);
        } else {
            files.remove(path);
        }
        replaced.add(path);
    }

    static String packageOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
    }

    private static String dir(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "the root folder" : path.substring(0, slash) + "/";
    }

    /** The package a source declares, ignoring comments; "" for none. */
    static String declaredPackage(String text) {
        String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
        Matcher m = PACKAGE.matcher(code);
        if (!m.find()) {
            return "";
        }
        return m.group(1).replaceAll("\\s+", "");
    }
}
