package backprop.tools.kernel;

import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the kernelspec: {@code kernel.json} and a copy of the runnable jar, in one directory
 * that Jupyter searches. The jar is copied so that the kernel keeps working after a
 * {@code mvn clean}.
 */
final class KernelInstaller {

    static final String USAGE = String.join("\n",
            "install options:",
            "  --user               into the user's Jupyter data dir (default): $JUPYTER_DATA_DIR/kernels/NAME,",
            "                       else $XDG_DATA_HOME/jupyter or $HOME/.local/share/jupyter (macOS $HOME/Library/Jupyter,",
            "                       Windows %APPDATA%\\jupyter), as Jupyter itself finds it",
            "  --prefix DIR         into DIR/share/jupyter/kernels/NAME (e.g. a virtualenv)",
            "  --dir DIR            into DIR itself",
            "  --name NAME          kernelspec name (default: java, as IJava)",
            "  --display-name TEXT  name shown in Jupyter (default: Java (backprop course))",
            "  --classpath CP       sets IJAVA_CLASSPATH in the kernelspec (path-separator list, globs allowed);",
            "                       without it, install prints the class path of the course it lies in",
            "  --timeout MS         sets IJAVA_TIMEOUT in the kernelspec (ms per cell, -1 for none)",
            "  --startup-scripts P  sets IJAVA_STARTUP_SCRIPTS_PATH in the kernelspec",
            "  --java PATH          the java command the kernelspec runs (default: this JVM's)");

    static final String DEFAULT_NAME = "java";
    static final String DEFAULT_DISPLAY_NAME = "Java (backprop course)";
    static final String JAR_NAME = "backprop-kernel.jar";

    /** Parsed command line of {@code install}. */
    record Options(Path directory, String name, String displayName, Map<String, String> env, String java) {
    }

    private KernelInstaller() {
    }

    static void main(String[] args) {
        Options options = parse(args, System.getenv());
        Path jar = runningJar();
        Path installed = install(options, jar);
        System.out.println("Installed kernelspec '" + options.name() + "' (" + options.displayName() + ") in " + installed);
        System.out.println("  kernel.json: " + installed.resolve("kernel.json"));
        System.out.println("  kernel jar:  " + installed.resolve(JAR_NAME));
        if (options.env().containsKey(KernelSettings.CLASSPATH_VAR)) {
            System.out.println("  class path:  " + options.env().get(KernelSettings.CLASSPATH_VAR));
        } else {
            System.out.println(classpathHint(jar));
        }
    }

    /**
     * How to give the kernel the course classes, with the paths of this course: its exercises'
     * classes and the figures jar, found from where the running jar lies (the kit's
     * {@code lib/}, or the course's {@code kernel/target/}).
     */
    static String classpathHint(Path jar) {
        Optional<Path> home = courseHome(jar.toAbsolutePath().getParent());
        String classes = home.map(h -> h.resolve("exercises/target/classes").toString()).orElse("$PWD/exercises/target/classes");
        String figures = home.flatMap(h -> figuresJar(jar.toAbsolutePath().getParent(), h))
                .map(Path::toString).orElse("FIGURES_JAR");
        String cp = classes + java.io.File.pathSeparator + figures;
        return String.join("\n",
                "  course classes: none in the kernelspec. Compile the exercises (cd exercises && ./mvnw -q compile), then either",
                "    reinstall with them: java -jar " + jar + " install --classpath \"" + cp + "\"",
                "    or export them before starting Jupyter (IJava and JJava read the same):",
                "      export " + KernelSettings.CLASSPATH_VAR + "=\"" + cp + "\"",
                "      export " + KernelSettings.jjava(KernelSettings.CLASSPATH_VAR) + "=\"$" + KernelSettings.CLASSPATH_VAR + "\"");
    }

    /** The nearest folder at or above {@code dir} (three levels at most) that holds exercises/pom.xml. */
    static Optional<Path> courseHome(Path dir) {
        Path at = dir;
        for (int up = 0; at != null && up <= 3; up++, at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("exercises/pom.xml"))) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** The figures jar with XChart: beside the kernel jar (the kit), else in figures/target (the course). */
    static Optional<Path> figuresJar(Path jarDir, Path home) {
        for (Path dir : List.of(jarDir, home.resolve("lib"), home.resolve("figures/target"))) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    Optional<Path> found = files.filter(f -> f.getFileName().toString().matches("backprop-figures-.*with-xchart\\.jar"))
                            .sorted().findFirst();
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @throws IllegalArgumentException with a one-line message for a bad option
     */
    static Options parse(String[] args, Map<String, String> environment) {
        String name = DEFAULT_NAME;
        String displayName = DEFAULT_DISPLAY_NAME;
        String java = defaultJava();
        String location = "--user";
        String locationValue = null;
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--user":
                    location = option;
                    break;
                case "--prefix":
                case "--dir":
                    location = option;
                    locationValue = value(args, ++i, option);
                    break;
                case "--name":
                    name = value(args, ++i, option);
                    break;
                case "--display-name":
                    displayName = value(args, ++i, option);
                    break;
                case "--classpath":
                    env.put(KernelSettings.CLASSPATH_VAR, absolutePathList(value(args, ++i, option)));
                    break;
                case "--timeout":
                    String timeout = value(args, ++i, option);
                    KernelSettings.fromEnvironment(Map.of(KernelSettings.TIMEOUT_VAR, timeout));
                    env.put(KernelSettings.TIMEOUT_VAR, timeout);
                    break;
                case "--startup-scripts":
                    env.put(KernelSettings.STARTUP_SCRIPTS_VAR, absolutePathList(value(args, ++i, option)));
                    break;
                case "--java":
                    java = value(args, ++i, option);
                    break;
                default:
                    throw new IllegalArgumentException("install: unknown option " + option + "\n" + USAGE);
            }
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("install: --name may hold only letters, digits, '.', '_' and '-': " + name);
        }
        return new Options(directory(location, locationValue, name, environment), name, displayName, env, java);
    }

    /** Writes the kernelspec into the options' directory; returns that directory. */
    static Path install(Options options, Path jar) {
        try {
            Path dir = options.directory().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            Path installedJar = dir.resolve(JAR_NAME);
            if (!Files.exists(installedJar) || !Files.isSameFile(jar, installedJar)) {
                Files.copy(jar, installedJar, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve("kernel.json"), kernelJson(options, installedJar), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the kernelspec: " + e.getMessage(), e);
        }
    }

    static String kernelJson(Options options, Path jar) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of(options.java(), "-jar", jar.toAbsolutePath().toString(), "{connection_file}"));
        spec.put("display_name", options.displayName());
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", options.env());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** The user's Jupyter data directory, as jupyter_core finds it. */
    static Path userDataDir(Map<String, String> environment) {
        String configured = environment.get("JUPYTER_DATA_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // HOME first, as Jupyter (Python's expanduser) does; Java's user.home ignores it
        String homeVariable = environment.get("HOME");
        Path home = Path.of(homeVariable != null && !homeVariable.isBlank() ? homeVariable : System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = environment.get("APPDATA");
            return appData != null ? Path.of(appData, "jupyter") : home.resolve("AppData/Roaming/jupyter");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("jupyter");
    }

    private static Path directory(String location, String value, String name, Map<String, String> environment) {
        switch (location) {
            case "--prefix":
                return Path.of(value, "share", "jupyter", "kernels", name);
            case "--dir":
                return Path.of(value);
            default:
                return userDataDir(environment).resolve("kernels").resolve(name);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException("install: " + option + " needs a value");
        }
        return args[index];
    }

    private static String absolutePathList(String pathList) {
        List<String> absolute = new ArrayList<>();
        for (String entry : KernelSettings.splitPathList(pathList)) {
            absolute.add(Path.of(entry).toAbsolutePath().normalize().toString());
        }
        return String.join(java.io.File.pathSeparator, absolute);
    }

    private static String defaultJava() {
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
            throw new IllegalArgumentException("install: this Java has no jdk.jshell module; run it with a JDK 17 or later");
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new IllegalArgumentException("install must run from the packaged jar: "
                        + "java -jar kernel/target/backprop-kernel.jar install");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the running jar", e);
        }
    }
}
