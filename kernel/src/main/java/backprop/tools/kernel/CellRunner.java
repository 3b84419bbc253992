package backprop.tools.kernel;

import jdk.jshell.JShell;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Text;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs notebook cells in a JShell whose code runs in this JVM (local execution), the way the
 * kernel does, without Jupyter: the Java-level evaluator for tests and tools.
 * <pre>
 * try (CellRunner runner = CellRunner.start(KernelSettings.defaults().withClasspath(List.of("solutions/target/classes")))) {
 *     CellResult r = runner.run("1 + 2");   // r.resultText() is "3"
 * }
 * </pre>
 * A cell is split into snippets that run in order; the first compile error, exception, magic
 * error, time-out or interrupt ends the cell. The last snippet's value, if it is an expression,
 * is the cell's result. One cell runs at a time; {@link #interrupt()} may come from any thread.
 * <p>
 * This class must be loaded by the system class loader: JShell's local execution loads cell
 * classes in a child of it, and {@link Display} reaches the running cell through static state.
 */
public final class CellRunner implements AutoCloseable {

    private static final String INIT_CODE = String.join("\n",
            "import java.util.*;",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.util.concurrent.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import static " + Display.class.getName() + ".*;",
            "void printf(String format, Object... args) { System.out.printf(format, args); }");

    private static final int MAX_LOAD_DEPTH = 8;

    private final KernelSettings settings;
    private final JShell shell;
    private final Renderer renderer;
    private final CellStopper stopper;
    private final CodeAssist assist;
    private final SnippetRunner snippets;
    private final MagicCommands magics;
    private final Set<Path> addedClasspath = new LinkedHashSet<>();
    private final List<String> pendingWarnings = new ArrayList<>();
    private final Object lock = new Object();
    private int cellCount;
    private int loadDepth;
    private boolean started;
    private boolean warningsShown;

    private CellRunner(KernelSettings settings) {
        checkClassLoader();
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        this.settings = settings;
        this.shell = JShell.builder()
                .executionEngine(new LocalExecutionControlProvider(), Map.of())
                .compilerOptions(settings.compilerOptions().toArray(String[]::new))
                .build();
        this.renderer = new Renderer();
        ImageRendering.register(renderer);
        Text.registerAll(renderer);
        this.stopper = new CellStopper(shell::stop);
        this.assist = new CodeAssist(shell);
        this.snippets = new SnippetRunner(shell, renderer, stopper);
        this.magics = new MagicCommands(new MagicTarget());
    }

    /**
     * Starts a shell with the settings' class path and start-up code. A class-path entry or
     * start-up script that is missing or fails does not stop it: the problem is printed on the
     * first cell's stderr (and is in {@link #startupWarnings()}).
     */
    public static CellRunner start(KernelSettings settings) {
        CellRunner runner = new CellRunner(settings);
        runner.initialize();
        return runner;
    }

    /** Runs one cell and returns all it produced. */
    public CellResult run(String cell) {
        return run(cell, CellOutput.NONE, null);
    }

    /** Runs one cell, passing its output on while it runs. */
    public CellResult run(String cell, CellOutput output) {
        return run(cell, output, null);
    }

    /**
     * Runs one cell.
     *
     * @param label how tracebacks name this cell, e.g. {@code In [3]}; null for the runner's count
     */
    public CellResult run(String cell, CellOutput output, String label) {
        return run(cell, output, label, settings.timeoutMillis());
    }

    private CellResult run(String cell, CellOutput output, String label, long timeoutMillis) {
        synchronized (lock) {
            cellCount++;
            String name = label != null ? label : "In [" + cellCount + "]";
            BatchedOutput batched = new BatchedOutput(output);
            CollectingOutput collected = new CollectingOutput(batched);
            DisplayData result = null;
            CellError error;
            ActiveCell.begin(renderer, collected);
            stopper.cellStarted(timeoutMillis);
            OutputRedirect redirect = OutputRedirect.to(collected);
            try {
                printPendingWarnings();
                SnippetRunner.Outcome outcome = runParts(cell, name);
                error = outcome.error();
                if (error == null && outcome.hasValue()) {
                    result = snippets.render(outcome);
                }
                if (stopper.reason() != null) {
                    error = CellErrors.stopped(stopper.reason(), timeoutMillis);
                    result = null;
                }
            } catch (RuntimeException | LinkageError problem) {
                error = CellErrors.internal(problem);
            } finally {
                stopper.cellFinished();
                redirect.close();
                batched.close();
                ActiveCell.end();
            }
            return collected.toResult(result, error);
        }
    }

    /** Stops the running cell, if any. Safe from any thread. */
    public void interrupt() {
        stopper.interrupt();
    }

    /** Whether code is ready to run, needs more lines, or cannot be valid Java. */
    public Completeness isComplete(String code) {
        synchronized (lock) {
            return assist.isComplete(code);
        }
    }

    /** Completions at a cursor position (a char offset in the code). */
    public Completions complete(String code, int cursor) {
        synchronized (lock) {
            return assist.complete(code, cursor);
        }
    }

    /** Documentation (signatures, Javadoc) or a variable's value at the cursor, if any. */
    public Optional<String> inspect(String code, int cursor) {
        synchronized (lock) {
            return assist.inspect(code, cursor);
        }
    }

    /** The class-path entries added so far (settings and magics), as absolute paths. */
    public List<Path> classpath() {
        synchronized (lock) {
            return List.copyOf(addedClasspath);
        }
    }

    public List<String> startupWarnings() {
        synchronized (lock) {
            return List.copyOf(pendingWarnings);
        }
    }

    public KernelSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        stopper.close();
        shell.close();
    }

    private void initialize() {
        for (Path own : ownCodeSources()) {
            shell.addToClasspath(own.toString());
        }
        for (String entry : settings.classpath()) {
            try {
                ClasspathEntries.resolve(entry).forEach(this::addToClasspath);
            } catch (IllegalArgumentException e) {
                pendingWarnings.add("warning: " + KernelSettings.CLASSPATH_VAR + ": " + e.getMessage());
            }
        }
        CellResult init = runStartup(INIT_CODE, "kernel start-up");
        if (!init.succeeded()) {
            throw new IllegalStateException("kernel start-up code failed: " + init.error().describe());
        }
        for (String script : settings.startupScripts()) {
            runStartupScripts(script);
        }
        if (!settings.startupCode().isBlank()) {
            reportStartup(KernelSettings.STARTUP_SCRIPT_VAR, runStartup(settings.startupCode(), KernelSettings.STARTUP_SCRIPT_VAR));
        }
        cellCount = 0;
        started = true;
    }

    /** Start-up code runs without the cells' time limit. */
    private CellResult runStartup(String code, String label) {
        return run(code, CellOutput.NONE, label, KernelSettings.NO_TIMEOUT);
    }

    private void runStartupScripts(String entry) {
        List<Path> files;
        try {
            files = ClasspathEntries.resolve(entry);
        } catch (IllegalArgumentException e) {
            pendingWarnings.add("warning: " + KernelSettings.STARTUP_SCRIPTS_VAR + ": " + e.getMessage());
            return;
        }
        for (Path file : files) {
            try {
                String code = Files.readString(file, StandardCharsets.UTF_8);
                reportStartup(file.toString(), runStartup(code, file.getFileName().toString()));
            } catch (IOException e) {
                pendingWarnings.add("warning: cannot read start-up script " + file + ": " + e.getMessage());
            }
        }
    }

    private void reportStartup(String source, CellResult result) {
        if (!result.succeeded()) {
            pendingWarnings.add("warning: start-up code " + source + " failed: "
                    + result.error().ename() + ": " + result.error().evalue());
        }
    }

    private void printPendingWarnings() {
        if (started && !warningsShown) {
            warningsShown = true;
            pendingWarnings.forEach(System.err::println);
        }
    }

    /** Runs magic lines and Java code in order; the first error ends it. */
    private SnippetRunner.Outcome runParts(String cell, String label) {
        SnippetRunner.Outcome last = SnippetRunner.Outcome.NOTHING;
        for (CellSource.Part part : CellSource.split(cell)) {
            if (stopper.reason() != null) {
                return SnippetRunner.Outcome.NOTHING;
            }
            if (part.magic()) {
                CellError error = magics.run(part.text());
                last = error == null ? SnippetRunner.Outcome.NOTHING : SnippetRunner.Outcome.failed(error);
            } else {
                last = snippets.runCode(part.text(), part.firstLine(), label);
            }
            if (last.error() != null) {
                return last;
            }
        }
        return last;
    }

    private void addToClasspath(Path path) {
        if (addedClasspath.add(path)) {
            shell.addToClasspath(path.toString());
        }
    }

    /** Where the kernel's own classes and the display library come from, for the compiler. */
    private static Set<Path> ownCodeSources() {
        Set<Path> paths = new LinkedHashSet<>();
        for (Class<?> type : List.of(Display.class, DisplayData.class)) {
            try {
                paths.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
            }
        }
        return paths;
    }

    private static void checkClassLoader() {
        try {
            Class<?> seen = Class.forName(ActiveCell.class.getName(), false, ClassLoader.getSystemClassLoader());
            if (seen != ActiveCell.class) {
                throw new IllegalStateException("CellRunner must be loaded by the system class loader");
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("CellRunner must be on the system class path (JShell local execution shares it)", e);
        }
    }

    private final class MagicTarget implements MagicCommands.Target {
        @Override
        public void addToClasspath(Path entry) {
            CellRunner.this.addToClasspath(entry);
        }

        @Override
        public List<Path> addedClasspath() {
            return List.copyOf(addedClasspath);
        }

        @Override
        public CellError runLoadedCode(String code, String label) {
            if (loadDepth >= MAX_LOAD_DEPTH) {
                return CellErrors.magic("%load: files load each other more than " + MAX_LOAD_DEPTH + " levels deep");
            }
            loadDepth++;
            try {
                return runParts(code, label).error();
            } finally {
                loadDepth--;
            }
        }
    }
}
