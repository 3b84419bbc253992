package backprop.tools.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a kernel or a {@link CellRunner} starts with. The environment variables are IJava's
 * ({@code IJAVA_*}) or, the same with another prefix, JJava's ({@code JJAVA_*}), so that a
 * notebook set up for either runs here unchanged and the other way round. Where both are set,
 * the class path and start-up scripts are the union (IJava's first); the other settings are
 * IJava's.
 *
 * @param classpath       entries added to the shell's class path: directories, jars or globs
 *                        such as {@code lib/*} ({@code IJAVA_CLASSPATH}, path-separator list)
 * @param timeoutMillis   how long one cell may run before it is stopped, or -1 for no limit
 *                        ({@code IJAVA_TIMEOUT})
 * @param startupScripts  files of JShell code run once at start, globs allowed
 *                        ({@code IJAVA_STARTUP_SCRIPTS_PATH}, path-separator list)
 * @param startupCode     JShell code run once at start after the scripts, or empty
 *                        ({@code IJAVA_STARTUP_SCRIPT})
 * @param compilerOptions extra javac options, whitespace-separated ({@code IJAVA_COMPILER_OPTS})
 */
public record KernelSettings(
        List<String> classpath,
        long timeoutMillis,
        List<String> startupScripts,
        String startupCode,
        List<String> compilerOptions) {

    public static final String CLASSPATH_VAR = "IJAVA_CLASSPATH";
    public static final String TIMEOUT_VAR = "IJAVA_TIMEOUT";
    public static final String STARTUP_SCRIPTS_VAR = "IJAVA_STARTUP_SCRIPTS_PATH";
    public static final String STARTUP_SCRIPT_VAR = "IJAVA_STARTUP_SCRIPT";
    public static final String COMPILER_OPTS_VAR = "IJAVA_COMPILER_OPTS";

    /** JJava, IJava's maintained successor, reads the same variables under this prefix. */
    public static final String JJAVA_PREFIX = "JJAVA_";

    public static final long NO_TIMEOUT = -1;

    public KernelSettings {
        classpath = List.copyOf(classpath);
        startupScripts = List.copyOf(startupScripts);
        startupCode = startupCode == null ? "" : startupCode;
        compilerOptions = List.copyOf(compilerOptions);
        if (timeoutMillis < 0) {
            timeoutMillis = NO_TIMEOUT;
        }
    }

    /** No extra class path, no time limit, no start-up code. */
    public static KernelSettings defaults() {
        return new KernelSettings(List.of(), NO_TIMEOUT, List.of(), "", List.of());
    }

    /**
     * Reads the IJava environment variables.
     *
     * @throws IllegalArgumentException with a one-line message when a variable is malformed
     */
    public static KernelSettings fromEnvironment(Map<String, String> env) {
        return new KernelSettings(
                union(splitPathList(env.get(CLASSPATH_VAR)), splitPathList(env.get(jjava(CLASSPATH_VAR)))),
                parseTimeout(either(env, TIMEOUT_VAR)),
                union(splitPathList(env.get(STARTUP_SCRIPTS_VAR)), splitPathList(env.get(jjava(STARTUP_SCRIPTS_VAR)))),
                Objects.requireNonNullElse(either(env, STARTUP_SCRIPT_VAR), ""),
                splitWords(either(env, COMPILER_OPTS_VAR)));
    }

    /** JJava's name of an IJava variable: {@code IJAVA_CLASSPATH} to {@code JJAVA_CLASSPATH}. */
    public static String jjava(String ijavaVariable) {
        return JJAVA_PREFIX + ijavaVariable.substring(ijavaVariable.indexOf('_') + 1);
    }

    private static String either(Map<String, String> env, String ijavaVariable) {
        String value = env.get(ijavaVariable);
        return value != null && !value.isBlank() ? value : env.get(jjava(ijavaVariable));
    }

    private static List<String> union(List<String> first, List<String> second) {
        return List.copyOf(new LinkedHashSet<>(java.util.stream.Stream.concat(first.stream(), second.stream()).toList()));
    }

    public KernelSettings withClasspath(List<String> entries) {
        return new KernelSettings(entries, timeoutMillis, startupScripts, startupCode, compilerOptions);
    }

    public KernelSettings withTimeoutMillis(long millis) {
        return new KernelSettings(classpath, millis, startupScripts, startupCode, compilerOptions);
    }

    public KernelSettings withStartupScripts(List<String> scripts) {
        return new KernelSettings(classpath, timeoutMillis, scripts, startupCode, compilerOptions);
    }

    public KernelSettings withStartupCode(String code) {
        return new KernelSettings(classpath, timeoutMillis, startupScripts, code, compilerOptions);
    }

    public boolean hasTimeout() {
        return timeoutMillis > 0;
    }

    static List<String> splitPathList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry.trim());
            }
        }
        return entries;
    }

    private static List<String> splitWords(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.asList(value.trim().split("\\s+"));
    }

    private static long parseTimeout(String value) {
        if (value == null || value.isBlank()) {
            return NO_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis == 0 || millis < -1) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TIMEOUT_VAR
                    + " must be a positive number of milliseconds, or -1 for no limit, not '" + value + "'");
        }
    }
}
