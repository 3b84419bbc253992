package checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The notebooks of {@code notebooks/}: one per chapter of CONTRIBUTING.md's table plus the XOR
 * one, for the kernel {@code java}, stored without outputs, and free of anything that only works
 * on one machine (absolute paths) or needs the network at run time (URLs in code).
 *
 * <p>The notebooks are read with the small JSON reader below, so the check needs no dependency.
 */
@DisplayName("The notebooks")
class NotebooksCheck {

    /** The notebook that is not a chapter's: training a network on XOR. */
    static final String XOR_NOTEBOOK = "04-xor-training.ipynb";

    /** A chapter row of CONTRIBUTING.md's table: {@code | 4 Inner neurons | ... | `backprop.network` | `notebooks/04-inner-neurons.ipynb` |}. */
    private static final Pattern CHAPTER_ROW = Pattern.compile(
            "^\\|\\s*(\\d+)\\s[^|]*\\|[^|]*\\|\\s*`(backprop\\.[a-z.]+)`\\s*\\|\\s*`notebooks/([^`/]+\\.ipynb)`\\s*\\|\\s*$");

    /** A path that only exists on one machine. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![\\w.$})])/(work|home|Users|root|tmp|opt|usr|mnt|var)/|\\b[A-Za-z]:\\\\");

    /** A fetch from the network: a URL, or a magic that downloads. */
    private static final Pattern FETCH = Pattern.compile(
            "(?i)\\b(https?|ftp)://|^\\s*%{1,2}(maven|loadFromPOM|addMavenDependenc)", Pattern.MULTILINE);

    /**
     * What only one kernel has: the course kernel's html(), markdown() and printf(); the runtime
     * calls eval(), lineMagic() and cellMagic(), which IJava and JJava do not both offer; a
     * kernel's own classes; and every magic but the three line magics IJava, JJava and the course
     * kernel share (%classpath, %jars, %load). kernel/README.md states the same rule.
     */
    static final Pattern KERNEL_SPECIFIC = Pattern.compile(
            "(?<![\\w.$])(html|markdown|printf|eval|lineMagic|cellMagic)\\s*\\("
                    + "|\\b(backprop\\.tools\\.kernel|io\\.github\\.spencerpark|org\\.dflib\\.jjava)\\b|\\bgetKernelInstance\\b"
                    + "|^\\s*%%"
                    + "|^\\s*%(?!(classpath|jars|load)\\b)\\w",
            Pattern.MULTILINE);

    private static final Path ROOT = CourseRoot.PATH;

    @Test
    @DisplayName("are one per chapter of CONTRIBUTING.md's table, plus " + XOR_NOTEBOOK + ", and nothing else")
    void onePerChapter() throws IOException {
        Set<String> expected = new TreeSet<>(chapterNotebooks().keySet());
        assertThat(expected).as("chapter rows with a notebook in CONTRIBUTING.md").hasSizeGreaterThanOrEqualTo(5);
        expected.add(XOR_NOTEBOOK);
        assertThat(notebookNames()).as("notebooks/*.ipynb").containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("are nbformat 4 documents for the kernel 'java' (language java, display name Java)")
    void javaKernel() throws IOException {
        for (Path file : notebooks()) {
            Map<String, Object> nb = read(file);
            String name = file.getFileName().toString();
            assertThat(nb.get("nbformat")).as("%s: nbformat", name).isEqualTo(4.0);
            Map<String, Object> kernelspec = object(object(nb.get("metadata"), name + ": metadata")
                    .get("kernelspec"), name + ": metadata.kernelspec");
            assertThat(kernelspec.get("name")).as("%s: kernelspec name", name).isEqualTo("java");
            assertThat(kernelspec.get("language")).as("%s: kernelspec language", name).isEqualTo("java");
            assertThat(kernelspec.get("display_name")).as("%s: kernelspec display_name", name).isEqualTo("Java");
            assertThat(cells(nb, name)).as("%s: cells", name).isNotEmpty();
        }
    }

    @Test
    @DisplayName("are stored without outputs: every code cell has outputs [] and execution_count null")
    void outputsStripped() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : notebooks()) {
            String name = file.getFileName().toString();
            List<Map<String, Object>> cells = cells(read(file), name);
            for (int k = 0; k < cells.size(); k++) {
                Map<String, Object> cell = cells.get(k);
                if (!"code".equals(cell.get("cell_type"))) {
                    if (cell.containsKey("outputs")) {
                        problems.add(name + " cell " + k + ": a " + cell.get("cell_type") + " cell with outputs");
                    }
                    continue;
                }
                if (!cell.containsKey("outputs") || !(cell.get("outputs") instanceof List<?> outputs) || !outputs.isEmpty()) {
                    problems.add(name + " cell " + k + ": outputs is " + cell.get("outputs") + ", not []");
                }
                if (!cell.containsKey("execution_count") || cell.get("execution_count") != null) {
                    problems.add(name + " cell " + k + ": execution_count is " + cell.get("execution_count")
                            + ", not null");
                }
            }
        }
        assertThat(problems).as("cells with outputs; clear them before committing "
                + "(Jupyter: Edit > Clear All Outputs, or jupyter nbconvert --clear-output --inplace)").isEmpty();
    }

    @Test
    @DisplayName("name no absolute path (/work, /home, C:\\ ...) in any cell or metadata")
    void noAbsolutePaths() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : notebooks()) {
            String name = file.getFileName().toString();
            Map<String, Object> nb = read(file);
            List<Map<String, Object>> cells = cells(nb, name);
            for (int k = 0; k < cells.size(); k++) {
                find(ABSOLUTE_PATH, source(cells.get(k)), name + " cell " + k, problems);
            }
            find(ABSOLUTE_PATH, String.valueOf(nb.get("metadata")), name + " metadata", problems);
        }
        assertThat(problems).as("absolute paths; the class path comes from IJAVA_CLASSPATH").isEmpty();
    }

    @Test
    @DisplayName("fetch nothing at run time: no URL and no downloading magic in a code cell")
    void noFetch() throws IOException {
        assertThat(inCodeCells(FETCH)).as("code that fetches from the network").isEmpty();
    }

    @Test
    @DisplayName("run on the course kernel, IJava and JJava alike: display, render and updateDisplay; %classpath, %jars and %load only")
    void noKernelSpecificCalls() throws IOException {
        List<String> problems = new ArrayList<>();
        forEachCodeCell((name, k, code) -> problems.addAll(kernelSpecific(name, k, code)));
        assertThat(problems).as("calls or magics that only one kernel has (kernel/README.md, section 5)").isEmpty();
    }

    /** "name cell k: eval( is not on every kernel, in: line", for every kernel-specific use in one cell's code. */
    static List<String> kernelSpecific(String notebook, int cell, String code) {
        List<String> problems = new ArrayList<>();
        Matcher m = KERNEL_SPECIFIC.matcher(code);
        while (m.find()) {
            int start = code.lastIndexOf('\n', m.start()) + 1;
            int end = code.indexOf('\n', m.end());
            String call = m.group().strip().replaceAll("\\s+\\($", "(");
            problems.add(notebook + " cell " + cell + ": " + call + " is not on every kernel (IJava, JJava and the course kernel), in: "
                    + code.substring(start, end < 0 ? code.length() : end).strip());
        }
        return problems;
    }

    @Test
    @DisplayName("refuse eval(), lineMagic() and cellMagic(), naming the notebook, the cell and the call")
    void runtimeCallsAreRefused() {
        assertThat(kernelSpecific("03-logistic.ipynb", 4, "double y = 1;\nObject v = eval(\"1 + 1\");"))
                .containsExactly("03-logistic.ipynb cell 4: eval( is not on every kernel (IJava, JJava and the course kernel), in: Object v = eval(\"1 + 1\");");
        assertThat(kernelSpecific("x.ipynb", 0, "lineMagic(\"classpath\", List.of());\ncellMagic (\"time\", List.of(), \"1\");"))
                .containsExactly("x.ipynb cell 0: lineMagic( is not on every kernel (IJava, JJava and the course kernel), in: lineMagic(\"classpath\", List.of());",
                        "x.ipynb cell 0: cellMagic( is not on every kernel (IJava, JJava and the course kernel), in: cellMagic (\"time\", List.of(), \"1\");");
        assertThat(kernelSpecific("x.ipynb", 0, "engine.eval(\"x\"); double evaluate(double z) { return z; } myeval(1);")).isEmpty();
    }

    @Test
    @DisplayName("follow the rule kernel/README.md states: every call the check refuses is named there")
    void readmeStatesTheRule() throws IOException {
        String readme = Files.readString(ROOT.resolve("kernel/README.md"), StandardCharsets.UTF_8);
        for (String call : List.of("html(...)", "markdown(...)", "printf(...)", "eval(...)", "lineMagic(...)", "cellMagic(...)")) {
            assertThat(readme).as("kernel/README.md's rule names %s, which NotebooksCheck refuses", call).contains("`" + call + "`");
        }
    }

    @Test
    @DisplayName("the kernel-specific rule catches html(), markdown(), printf(), eval(), lineMagic(), kernel classes and other magics, and lets the shared surface through")
    void kernelSpecificRule() {
        for (String bad : List.of("display(html(\"<b>x</b>\"));", "markdown(\"*x*\")", "printf(\"%d%n\", 1);",
                "org.dflib.jjava.JJava.getKernelInstance()", "eval(\"1\")", "lineMagic(\"jars\", List.of())", "import io.github.spencerpark.ijava.IJava;",
                "backprop.tools.kernel.Display.display(1);", "%%time\n1", "%maven org.x:y:1", "  %time 1 + 1")) {
            assertThat(KERNEL_SPECIFIC.matcher(bad).find()).as(bad).isTrue();
        }
        for (String good : List.of("display(chart);", "String id = display(\"a\"); updateDisplay(id, \"b\");", "render(x, \"text/html\")",
                "System.out.printf(\"%d%n\", 1);", "String.format(\"%5.2f%%\", x)", "%classpath lib/x.jar", "%jars lib/*.jar",
                "%load setup.jshell", "int html2 = 1; myhtml(1);")) {
            assertThat(KERNEL_SPECIFIC.matcher(good).find()).as(good).isFalse();
        }
    }

    @Test
    @DisplayName("say at the top how to run them: a markdown cell among the first two names IJAVA_CLASSPATH")
    void documentTheClasspath() throws IOException {
        for (Path file : notebooks()) {
            String name = file.getFileName().toString();
            List<Map<String, Object>> cells = cells(read(file), name);
            assertThat(cells.stream().limit(2)
                    .filter(c -> "markdown".equals(c.get("cell_type")))
                    .anyMatch(c -> source(c).contains("IJAVA_CLASSPATH")))
                    .as("%s: a markdown cell at the top that explains IJAVA_CLASSPATH", name).isTrue();
        }
    }

    @Test
    @DisplayName("explore their chapter's package: each chapter notebook's code uses it")
    void useTheirChapter() throws IOException {
        for (Map.Entry<String, String> chapter : chapterNotebooks().entrySet()) {
            Path file = ROOT.resolve("notebooks").resolve(chapter.getKey());
            String code = cells(read(file), chapter.getKey()).stream()
                    .filter(c -> "code".equals(c.get("cell_type")))
                    .map(NotebooksCheck::source)
                    .reduce("", (a, b) -> a + "\n" + b);
            assertThat(code).as("%s: code cells", chapter.getKey()).contains("import " + chapter.getValue() + ".");
        }
    }

    @Test
    @DisplayName("have unique cell ids")
    void uniqueCellIds() throws IOException {
        for (Path file : notebooks()) {
            String name = file.getFileName().toString();
            Set<Object> seen = new HashSet<>();
            for (Map<String, Object> cell : cells(read(file), name)) {
                if (cell.containsKey("id")) {
                    assertThat(seen.add(cell.get("id"))).as("%s: cell id %s used twice", name, cell.get("id")).isTrue();
                }
            }
        }
    }

    @Nested
    @DisplayName("are read by a JSON reader that")
    class Reader {

        @Test
        @DisplayName("reads objects, arrays, strings with escapes, numbers, true, false and null")
        void readsJson() {
            Object value = Json.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"x\\n\\\"y\\\" \\u00e9\\/\", \"c\": {}} ");
            assertThat(value).isEqualTo(Map.of(
                    "a", java.util.Arrays.asList(1.0, -25.0, true, false, null),
                    "b", "x\n\"y\" \u00e9/",
                    "c", Map.of()));
        }

        @Test
        @DisplayName("rejects what is not JSON, saying where")
        void rejectsBrokenJson() {
            assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2,]}")).hasMessageContaining("at offset 12");
            assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).hasMessageContaining("after the value");
            assertThatThrownBy(() -> Json.parse("{\"a\": \"open")).hasMessageContaining("unterminated string");
        }

        @Test
        @DisplayName("finds outputs in a cell that has them")
        void seesOutputs() {
            Map<String, Object> cell = object(Json.parse(
                    "{\"cell_type\": \"code\", \"execution_count\": 3, \"outputs\": [{\"output_type\": \"stream\"}],"
                            + " \"source\": [\"1 + \", \"2\"]}"), "cell");
            assertThat(cell.get("execution_count")).isEqualTo(3.0);
            assertThat((List<?>) cell.get("outputs")).hasSize(1);
            assertThat(source(cell)).isEqualTo("1 + 2");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Notebook file name to package, from the chapter rows of CONTRIBUTING.md. */
    static Map<String, String> chapterNotebooks() throws IOException {
        Map<String, String> notebooks = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("CONTRIBUTING.md"), StandardCharsets.UTF_8)) {
            Matcher m = CHAPTER_ROW.matcher(line.strip());
            if (m.matches()) {
                notebooks.put(m.group(3), m.group(2));
            }
        }
        return notebooks;
    }

    private static List<Path> notebooks() throws IOException {
        Path dir = ROOT.resolve("notebooks");
        assertThat(dir).as("the notebooks directory").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
            assertThat(list).as("notebooks/*.ipynb").isNotEmpty();
            return list;
        }
    }

    private static List<String> notebookNames() throws IOException {
        return notebooks().stream().map(p -> p.getFileName().toString()).toList();
    }

    private static Map<String, Object> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return object(Json.parse(text), file.getFileName() + "");
        } catch (IllegalArgumentException e) {
            throw new AssertionError(file.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> cells(Map<String, Object> nb, String name) {
        Object cells = nb.get("cells");
        assertThat(cells).as("%s: cells", name).isInstanceOf(List.class);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Object cell : (List<?>) cells) {
            list.add(object(cell, name + ": a cell"));
        }
        return list;
    }

    /** A cell's source: nbformat allows one string or a list of lines. */
    static String source(Map<String, Object> cell) {
        Object source = cell.get("source");
        if (source instanceof String s) {
            return s;
        }
        StringBuilder text = new StringBuilder();
        if (source instanceof List<?> lines) {
            lines.forEach(text::append);
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** Every line of a code cell, in any notebook, where the pattern matches: "name cell k: line". */
    private static List<String> inCodeCells(Pattern pattern) throws IOException {
        List<String> problems = new ArrayList<>();
        forEachCodeCell((name, k, code) -> find(pattern, code, name + " cell " + k, problems));
        return problems;
    }

    /** What is done with one code cell: its notebook's file name, its index and its source. */
    private interface CodeCell {
        void accept(String notebook, int cell, String code);
    }

    /** Every code cell of every notebook, in order. */
    private static void forEachCodeCell(CodeCell action) throws IOException {
        for (Path file : notebooks()) {
            String name = file.getFileName().toString();
            List<Map<String, Object>> cells = cells(read(file), name);
            for (int k = 0; k < cells.size(); k++) {
                if ("code".equals(cells.get(k).get("cell_type"))) {
                    action.accept(name, k, source(cells.get(k)));
                }
            }
        }
    }

    private static void find(Pattern pattern, String text, String where, List<String> problems) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = text.lastIndexOf('\n', m.start()) + 1;
            int end = text.indexOf('\n', m.end());
            problems.add(where + ": " + text.substring(start, end < 0 ? text.length() : end).strip());
        }
    }

    /**
     * A very small JSON reader (RFC 8259): objects become {@link LinkedHashMap}s, arrays
     * {@link ArrayList}s, numbers {@link Double}s, and null is null.
     */
    static final class Json {

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("unexpected text after the value");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end of input");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return word("true", Boolean.TRUE);
                case 'f':
                    return word("false", Boolean.FALSE);
                case 'n':
                    return word("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw error("unexpected character '" + c + "'");
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw error("expected a string key");
                }
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            StringBuilder s = new StringBuilder();
            at++;
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("unterminated string");
                        }
                        try {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw error("bad escape '\\" + e + "'");
                }
            }
        }

        private Double number() {
            Matcher m = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?").matcher(text).region(at, text.length());
            if (!m.lookingAt()) {
                throw error("bad number");
            }
            at = m.end();
            return Double.valueOf(m.group());
        }

        private Object word(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected word");
            }
            at += word.length();
            return value;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        private char next() {
            if (at >= text.length()) {
                throw error("unexpected end of input");
            }
            return text.charAt(at++);
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + at);
        }
    }
}
