package backprop.tools.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * {@code java -jar backprop-kernel.jar CONNECTION_FILE} runs the kernel (Jupyter does this);
 * {@code java -jar backprop-kernel.jar install [...]} installs its kernelspec.
 */
public final class Main {

    private static final String USAGE = String.join("\n",
            "usage: java -jar backprop-kernel.jar CONNECTION_FILE      run the kernel (Jupyter does this)",
            "       java -jar backprop-kernel.jar install [options]    install the kernelspec",
            "       java -jar backprop-kernel.jar --version",
            "",
            KernelInstaller.USAGE);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        setDefaultProperty("java.awt.headless", "true");
        setDefaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefaultProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        try {
            switch (args[0]) {
                case "install":
                    KernelInstaller.main(Arrays.copyOfRange(args, 1, args.length));
                    break;
                case "--version":
                    System.out.println(JavaKernel.IMPLEMENTATION + " " + version());
                    break;
                default:
                    if (args[0].startsWith("-")) {
                        throw new IllegalArgumentException("unknown option " + args[0] + " (see --help)");
                    }
                    runKernel(Path.of(args[0]));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(JavaKernel.IMPLEMENTATION + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** The jar's version, or "dev" when running from classes. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static void runKernel(Path connectionFile) throws Exception {
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("no such connection file: " + connectionFile);
        }
        KernelSettings settings = KernelSettings.fromEnvironment(System.getenv());
        KernelConnectionProperties properties =
                KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8));
        JupyterConnection connection = new JupyterConnection(properties);
        CompletableFuture<CellRunner> runner = new CompletableFuture<>();
        JavaKernel kernel = JavaKernel.create(runner);
        kernel.becomeHandlerForConnection(connection);
        InterruptSignal.forward(kernel::interrupt);
        connection.connect();
        kernel.onStartup();
        startShell(settings, runner);
        connection.waitUntilClose();
        runner.thenAccept(CellRunner::close);
        System.exit(0);
    }

    /** Starts JShell (the slow part of start-up) while the kernel already answers Jupyter. */
    private static void startShell(KernelSettings settings, CompletableFuture<CellRunner> runner) {
        Thread starter = new Thread(() -> {
            try {
                runner.complete(CellRunner.start(settings));
            } catch (RuntimeException | Error e) {
                runner.completeExceptionally(e);
            }
        }, "shell-starter");
        starter.setDaemon(true);
        starter.start();
    }

    private static void setDefaultProperty(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
