package backprop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The book works offline: nothing is loaded from the network")
class OfflineOutputTest {

    /** A URL that leaves the machine: http:, https:, ftp: or protocol-relative //host. */
    private static final String REMOTE = "(?:https?:|ftp:|//)";

    /** Elements that make the browser load something: everything but a plain link {@code <a href>}. */
    private static final Pattern LOADING_TAG = Pattern.compile(
            "<(script|link|img|iframe|frame|embed|object|source|video|audio|track|image|use|input|meta)\\b([^>]*)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOADING_ATTRIBUTE = Pattern.compile(
            "\\b(src|href|data|poster|srcset|xlink:href|content)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_BLOCK = Pattern.compile("(?is)<style\\b[^>]*>(.*?)</style>");
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("(?i)\\bstyle\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern CSS_IMPORT = Pattern.compile("(?i)@import\\s+(url\\(\\s*)?['\"]?\\s*" + REMOTE);
    private static final Pattern CSS_URL = Pattern.compile("(?i)url\\(\\s*['\"]?\\s*" + REMOTE);
    private static final Pattern CSS_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");

    static List<String> editions() {
        return Book.editions();
    }

    @ParameterizedTest(name = "{0} edition")
    @MethodSource("editions")
    @DisplayName("loads no script, stylesheet, font, image or frame from a remote address")
    void noRemoteReferences(String edition) throws IOException {
        Path dir = Book.output().resolve(edition);
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".html") || p.toString().endsWith(".css"))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(files).as("HTML and CSS files of the %s edition in %s", edition, Book.show(dir)).isNotEmpty();
        for (Path file : files) {
            String text = Book.read(file);
            if (file.toString().endsWith(".css")) {
                css(file, text, problems);
            } else {
                html(file, text, problems);
            }
        }
        assertThat(problems).as("remote references (they break the book offline)").isEmpty();
    }

    @ParameterizedTest(name = "{0} edition")
    @MethodSource("editions")
    @DisplayName("loads MathJax and Font Awesome from the copies next to the HTML")
    void localAssets(String edition) {
        Path dir = Book.output().resolve(edition);
        String html = Book.read(Book.html(edition));
        assertThat(html).as("%s: the local MathJax script", Book.show(Book.html(edition)))
                .contains("src=\"mathjax/es5/tex-svg-full.js\"");
        assertThat(dir.resolve("mathjax/es5/tex-svg-full.js")).as("MathJax unpacked from its webjar").isRegularFile();
        assertThat(html).as("%s: the local Font Awesome stylesheet", Book.show(Book.html(edition)))
                .contains("href=\"./font-awesome/css/font-awesome.min.css\"");
        assertThat(dir.resolve("font-awesome/css/font-awesome.min.css")).isRegularFile();
        assertThat(dir.resolve("font-awesome/fonts/fontawesome-webfont.woff2")).isRegularFile();
    }

    private static void html(Path file, String text, List<String> problems) {
        Matcher tag = LOADING_TAG.matcher(text);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase();
            Matcher attribute = LOADING_ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String key = attribute.group(1).toLowerCase();
                String value = attribute.group(2).replaceAll("^[\"']|[\"']$", "").strip();
                boolean remote = name.equals("meta")
                        // only a refresh loads anything: <meta http-equiv="refresh" content="0; url=...">
                        ? key.equals("content") && value.matches("(?i).*url\\s*=\\s*" + REMOTE + ".*")
                        : !key.equals("content") && value.matches("(?i)" + REMOTE + ".*");
                if (remote) {
                    problems.add(where(file, text, tag.start()) + ": <" + name + " " + key + "=\"" + value + "\">");
                }
            }
        }
        Matcher style = STYLE_BLOCK.matcher(text);
        while (style.find()) {
            cssIn(file, text, style.group(1), style.start(1), problems);
        }
        Matcher inline = STYLE_ATTRIBUTE.matcher(text);
        while (inline.find()) {
            cssIn(file, text, inline.group(1), inline.start(1), problems);
        }
    }

    private static void css(Path file, String text, List<String> problems) {
        cssIn(file, text, text, 0, problems);
    }

    private static void cssIn(Path file, String whole, String css, int offset, List<String> problems) {
        // comments are blanked out, keeping the offsets, so that a commented-out @import does not count
        Matcher comment = CSS_COMMENT.matcher(css);
        StringBuilder live = new StringBuilder(css);
        while (comment.find()) {
            for (int k = comment.start(); k < comment.end(); k++) {
                if (live.charAt(k) != '\n') {
                    live.setCharAt(k, ' ');
                }
            }
        }
        for (Pattern p : List.of(CSS_IMPORT, CSS_URL)) {
            Matcher m = p.matcher(live);
            while (m.find()) {
                int end = Math.min(live.length(), m.end() + 60);
                problems.add(where(file, whole, offset + m.start()) + ": " + live.substring(m.start(), end).strip());
            }
        }
    }

    private static String where(Path file, String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return Book.show(file) + ":" + line;
    }
}
