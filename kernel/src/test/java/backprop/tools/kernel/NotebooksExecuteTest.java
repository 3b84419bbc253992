package backprop.tools.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Runs the code cells of every notebook under {@code ${course.root}/notebooks}, in order, in a
 * fresh {@link CellRunner} per notebook whose class path is what CI puts in
 * {@code IJAVA_CLASSPATH}: the reference solutions ({@code solutions/target/classes}) and the
 * figures jar (system property {@code notebooks.classpath}, set by kernel/pom.xml). Fails naming
 * the notebook and the cell. Skipped (not passed) while there are no notebooks.
 */
class NotebooksExecuteTest {

    private static final long CELL_TIMEOUT_MILLIS = 300_000;

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsAgainstTheReferenceSolutions() throws IOException {
        Path root = courseRoot();
        Path notebooksDir = root.resolve("notebooks");
        List<Path> notebooks = findNotebooks(notebooksDir);
        if (notebooks.isEmpty()) {
            String reason = "no notebooks under " + notebooksDir + " yet: nothing was executed";
            return Stream.of(DynamicTest.dynamicTest("no notebooks", () -> abort(reason)));
        }

        List<String> classpath = notebooksClasspath(root);
        for (String entry : classpath) {
            try {
                ClasspathEntries.resolve(entry);
            } catch (IllegalArgumentException e) {
                fail("the notebooks' class path entry %s is missing (%s); build the course first: "
                        + "mvn -B install -DskipTests", entry, e.getMessage());
            }
        }
        return notebooks.stream().map(notebook ->
                DynamicTest.dynamicTest(root.relativize(notebook).toString(), () -> execute(notebook, classpath)));
    }

    private static void execute(Path notebook, List<String> classpath) throws IOException {
        KernelSettings settings = KernelSettings.defaults()
                .withClasspath(classpath)
                .withTimeoutMillis(CELL_TIMEOUT_MILLIS);
        JsonArray cells = JsonParser.parseString(Files.readString(notebook, StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonArray("cells");
        try (CellRunner runner = CellRunner.start(settings)) {
            int codeCells = 0;
            for (int index = 0; index < cells.size(); index++) {
                JsonObject cell = cells.get(index).getAsJsonObject();
                if (!"code".equals(cell.get("cell_type").getAsString())) {
                    continue;
                }
                codeCells++;
                CellResult result = runner.run(source(cell), CellOutput.NONE, "cell " + index);
                if (!result.succeeded()) {
                    fail("%s, cell %d (code cell %d) failed: %s: %s%n%s", notebook.getFileName(), index, codeCells,
                            result.error().ename(), result.error().evalue(), result.error().describe());
                }
            }
        }
    }

    private static String source(JsonObject cell) {
        JsonElement source = cell.get("source");
        if (source == null) {
            return "";
        }
        if (source.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return source.getAsString();
    }

    private static List<Path> findNotebooks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> path.toString().endsWith(".ipynb"))
                    .filter(path -> !path.toString().contains(".ipynb_checkpoints"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static List<String> notebooksClasspath(Path root) {
        String configured = System.getProperty("notebooks.classpath");
        if (configured != null && !configured.isBlank()) {
            return KernelSettings.splitPathList(configured);
        }
        return List.of(root.resolve("solutions/target/classes").toString(),
                root.resolve("figures/target/backprop-figures-*-with-xchart.jar").toString());
    }

    private static Path courseRoot() {
        String configured = System.getProperty("course.root");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }
}
