package backprop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opens the book offline (file://) in headless Chromium and checks that MathJax typeset every
 * equation, that every chapter fits a 400 px phone and a 1280 px desktop (no page wider than the
 * screen, no equation number cut off; measured by layout-probe.js in an iframe of that width), and
 * saves a screenshot of chapter 4 at both widths. Runs in the profile {@code browser} (on when
 * CI=true), after the book is built; it fails when Debian's {@code chromium} is not installed.
 */
@DisplayName("In a browser, offline, every equation of the book is typeset")
class BrowserCheck {

    private static final Pattern INLINE_MATH = Pattern.compile("latexmath:(?:[a-z,+]+)?\\[");
    private static final Pattern BLOCK_MATH = Pattern.compile("(?m)^\\[latexmath]\\s*$");
    private static final Pattern CONTAINER = Pattern.compile("<mjx-container\\b");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("data-mjx-error=\"([^\"]*)\"");
    private static final Pattern MATH_ERROR = Pattern.compile(
            "data-mml-node=\"merror\"|<merror\\b|data-mjx-error|Math input error|Math output error");

    static List<String> editions() {
        return Book.editions();
    }

    static Path chromium() {
        Path chromium = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as("%s is missing: the browser check needs Debian's chromium (apt-get install chromium)", chromium)
                .isTrue();
        return chromium;
    }

    /** Runs headless Chromium on the page; returns its standard output. */
    static String run(Path chromium, String url, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-extensions", "--disable-sync", "--mute-audio",
                "--user-data-dir=" + Book.root().resolve("docs/target/chromium-profile"),
                "--run-all-compositor-stages-before-draw"));
        List<String> extras = List.of(extra);
        if (extras.stream().noneMatch(a -> a.startsWith("--virtual-time-budget="))) {
            command.add("--virtual-time-budget=20000");
        }
        command.addAll(extras);
        command.add(url);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        assertThat(done).as("chromium did not finish within 300 s on %s", url).isTrue();
        assertThat(p.exitValue()).as("chromium's exit code on %s; stderr:%n%s", url, stderr).isZero();
        return stdout;
    }

    /** The number of equations each numbered chapter's source holds, by its anchor id. */
    static Map<String, Integer> equationsInSource() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Path chapter : Book.chapterFiles()) {
            String text = Book.read(chapter);
            int n = count(INLINE_MATH, text) + count(BLOCK_MATH, text);
            String id = Book.number(chapter) == 0 ? "motivation" : "ch" + Book.number(chapter);
            counts.put(id, n);
        }
        return counts;
    }

    @ParameterizedTest(name = "{0} edition")
    @MethodSource("editions")
    @DisplayName("typesets as many equations in each chapter as its source has, with no MathJax error")
    void everyEquationIsTypeset(String edition) throws Exception {
        Path chromium = chromium();
        Path html = Book.html(edition);
        String dom = run(chromium, html.toUri().toString(), "--dump-dom");
        Files.writeString(Book.output().resolve(edition + "-dom.html"), dom, StandardCharsets.UTF_8);
        assertThat(dom).as("the DOM of %s", Book.show(html)).contains("</html>");

        Map<String, Integer> expected = equationsInSource();
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("equations in chapters/*.adoc").isPositive();
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>(expected.keySet());
        for (int k = 0; k < ids.size(); k++) {
            int start = dom.indexOf("<h2 id=\"" + ids.get(k) + "\"");
            int end = k + 1 < ids.size() ? dom.indexOf("<h2 id=\"" + ids.get(k + 1) + "\"") : dom.length();
            if (start < 0 || end < start) {
                problems.add("section " + ids.get(k) + " not found in the DOM of " + Book.show(html));
                continue;
            }
            int typeset = count(CONTAINER, dom.substring(start, end));
            if (typeset != expected.get(ids.get(k))) {
                problems.add(Book.show(Book.chapterFiles().get(k)) + ": " + expected.get(ids.get(k))
                        + " equations in the source but " + typeset + " typeset by MathJax in " + Book.show(html));
            }
        }
        int body = dom.indexOf("<body");
        Matcher error = MATH_ERROR.matcher(dom);
        java.util.Set<String> errors = new java.util.LinkedHashSet<>();
        while (error.find()) {
            if (error.start() < body) {
                continue; // MathJax's own style sheet names merror too
            }
            Matcher message = ERROR_MESSAGE.matcher(dom.substring(error.start(), Math.min(dom.length(), error.start() + 2000)));
            String chapter = "the book";
            for (int k = 0; k < ids.size(); k++) {
                int at = dom.indexOf("<h2 id=\"" + ids.get(k) + "\"");
                if (at >= 0 && at < error.start()) {
                    chapter = Book.show(Book.chapterFiles().get(k));
                }
            }
            errors.add(chapter + ": MathJax error in " + Book.show(html) + ": "
                    + (message.find() ? message.group(1) : error.group()));
        }
        problems.addAll(errors);
        System.out.printf("%s edition: %d of %d equations typeset by MathJax, %d MathJax errors%n",
                edition, count(CONTAINER, dom), total, errors.size());
        assertThat(problems).as("typesetting problems").isEmpty();
        assertThat(count(CONTAINER, dom)).as("%s: all equations typeset", Book.show(html)).isEqualTo(total);
    }

    /** The widths the layout is checked at: a phone and a desktop. */
    static List<Integer> widths() {
        return List.of(400, 1280);
    }

    /** The anchor ids of the chapters, as book.html?chapter=ID shows one of them alone. */
    static List<String> chapterIds() {
        return new ArrayList<>(equationsInSource().keySet());
    }

    /**
     * Puts the layout probe next to the edition's book.html: book-probe.html (the book with
     * layout-probe.js at the end of its body) and layout-frame.html (which loads it in an iframe
     * of the given width: headless Chromium's window is never narrower than 500 px).
     */
    static Path installProbe(String edition) throws IOException {
        Path dir = Book.html(edition).getParent();
        String probe = resource("layout-probe.js");
        String html = Book.read(Book.html(edition));
        int body = html.lastIndexOf("</body>");
        assertThat(body).as("</body> in %s", Book.show(Book.html(edition))).isPositive();
        Files.writeString(dir.resolve("book-probe.html"),
                html.substring(0, body) + "<script>\n" + probe + "\n</script>\n" + html.substring(body), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("layout-frame.html"), resource("layout-frame.html"), StandardCharsets.UTF_8);
        return dir.resolve("layout-frame.html");
    }

    private static String resource(String name) throws IOException {
        try (var in = BrowserCheck.class.getResourceAsStream("/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final Pattern RESULTS = Pattern.compile("<pre id=\"layout-results\" data-done=\"true\">(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern REPORT = Pattern.compile(
            "\\{\"innerWidth\":(\\d+),\"clientWidth\":(\\d+),\"scrollWidth\":(\\d+),\"wide\":\\[(.*?)],\"clippedTags\":\\[(.*?)],\"equations\":(\\d+),\"tags\":(\\d+),\"chapter\":\"([^\"]*)\"}");

    @ParameterizedTest(name = "{0} edition")
    @MethodSource("editions")
    @DisplayName("fits every chapter into a 400 px phone and a 1280 px desktop: no page wider than the screen, no equation number cut off")
    void everyChapterFitsTheScreen(String edition) throws Exception {
        Path chromium = chromium();
        Path frame = installProbe(edition);
        List<String> problems = new ArrayList<>();
        for (int width : widths()) {
            String url = frame.toUri() + "?width=" + width + "&chapters=" + String.join(",", chapterIds());
            // overlay scroll bars, as on a phone
            String dom = run(chromium, url, "--dump-dom", "--hide-scrollbars", "--window-size=" + Math.max(width + 40, 600) + ",900",
                    "--virtual-time-budget=" + 60_000 * chapterIds().size());
            Matcher results = RESULTS.matcher(dom);
            assertThat(results.find()).as("%s: the layout probe reported at %d px", Book.show(frame), width).isTrue();
            String json = results.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            Matcher r = REPORT.matcher(json);
            List<String> seen = new ArrayList<>();
            while (r.find()) {
                String chapter = r.group(8);
                seen.add(chapter);
                int inner = Integer.parseInt(r.group(1));
                int client = Integer.parseInt(r.group(2));
                int scroll = Integer.parseInt(r.group(3));
                System.out.printf("%s edition, %s at %d px: page width %d of %d (window %d, less the scroll bar),"
                        + " %s display equations, %s numbers, %s cut off%n", edition, chapter, width, scroll, client, inner,
                        r.group(6), r.group(7), r.group(5).isEmpty() ? "none" : r.group(5));
                if (inner != width) {
                    problems.add(chapter + ": the frame is " + inner + " px wide, not " + width);
                }
                // stricter than scrollWidth <= innerWidth: the page must fit beside the scroll bar too
                if (scroll > client) {
                    problems.add(chapter + " at " + width + " px: the page is " + scroll + " px wide but the screen shows "
                            + client + "; too wide: " + r.group(4));
                }
                if (!r.group(5).isEmpty()) {
                    problems.add(chapter + " at " + width + " px: equation numbers cut off: " + r.group(5));
                }
            }
            assertThat(seen).as("chapters the probe measured at %d px", width).containsExactlyElementsOf(chapterIds());
        }
        assertThat(problems).as("layout problems in the %s edition", edition).isEmpty();
    }

    @Test
    @DisplayName("draws chapter 4 in a screenshot at 1280 px and at 400 px (docs/target/screenshot-ch4-*.png)")
    void screenshot() throws Exception {
        Path chromium = chromium();
        Path desktop = Book.root().resolve("docs/target/screenshot-ch4-1280.png");
        Files.deleteIfExists(desktop);
        run(chromium, Book.html("student").toUri() + "?chapter=ch4", "--hide-scrollbars",
                "--window-size=1280,3000", "--screenshot=" + desktop);
        Path phone = Book.root().resolve("docs/target/screenshot-ch4-400.png");
        Files.deleteIfExists(phone);
        Path frame = installProbe("student");
        run(chromium, frame.toUri() + "?width=400&height=3000&keep=true&chapters=ch4", "--hide-scrollbars",
                "--window-size=500,3000", "--screenshot=" + phone);
        for (Path png : List.of(desktop, phone)) {
            assertThat(png).as("the screenshot").isRegularFile();
            assertThat(Files.size(png)).as("size of %s (a blank page is tiny)", Book.show(png)).isGreaterThan(50_000);
        }
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
