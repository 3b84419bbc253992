package backprop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the PDF editions page by page (profile {@code pdf}, after Chromium has printed them):
 * every page rendered to PNG by poppler's {@code pdftoppm}, nothing drawn in the right margin (a
 * line, listing, equation or figure wider than the text would reach it), the text layer free of
 * TeX source and MathJax errors (every equation was typeset before printing), and the first page
 * of chapter 4 saved as {@code docs/target/pdf-<edition>-ch4.png}. Needs Debian's poppler-utils.
 */
@DisplayName("The PDF editions, page by page")
class PdfCheck {

    /** Resolution of the page images: A4 is 413 x 585 pixels. */
    private static final int DPI = 50;
    /** The band checked on the right: the outer 10 mm of the 14 mm margin of @page. */
    private static final double BAND_MM = 10;

    static List<String> editions() {
        return Book.editions();
    }

    static Path pdf(String edition) {
        return Book.output().resolve("backprop-book-" + edition + ".pdf");
    }

    static String run(String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("poppler", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertThat(done).as("%s did not finish within 300 s", command[0]).isTrue();
        assertThat(p.exitValue()).as("exit code of %s: %s", String.join(" ", command), text).isZero();
        return text;
    }

    @ParameterizedTest(name = "{0} edition")
    @MethodSource("editions")
    @DisplayName("renders every page with nothing in the right margin and every equation typeset")
    void everyPage(String edition) throws Exception {
        Path pdf = pdf(edition);
        assertThat(pdf).as("the PDF (built by -Ppdf)").isRegularFile();
        assertThat(Files.isExecutable(Path.of("/usr/bin/pdftoppm")))
                .as("pdftoppm is missing: the PDF check needs Debian's poppler-utils").isTrue();
        Path dir = Book.root().resolve("docs/target/pdf-pages/" + edition);
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.collect(Collectors.toList())) {
                Files.delete(f);
            }
        }
        run("pdftoppm", "-r", String.valueOf(DPI), "-png", pdf.toString(), dir.resolve("page").toString());
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".png")).sorted().collect(Collectors.toList());
        }
        assertThat(pages).as("pages of %s", Book.show(pdf)).hasSizeGreaterThan(20);

        List<String> problems = new ArrayList<>();
        for (int k = 0; k < pages.size(); k++) {
            BufferedImage page = ImageIO.read(pages.get(k).toFile());
            int band = (int) Math.round(BAND_MM / 25.4 * DPI);
            int inked = 0;
            for (int x = page.getWidth() - band; x < page.getWidth() - 1; x++) {
                for (int y = 0; y < page.getHeight(); y++) {
                    int rgb = page.getRGB(x, y);
                    int r = (rgb >> 16) & 255;
                    int g = (rgb >> 8) & 255;
                    int b = rgb & 255;
                    if (Math.min(r, Math.min(g, b)) < 235) {
                        inked++;
                    }
                }
            }
            if (inked > 0) {
                problems.add("page " + (k + 1) + ": " + inked + " dark pixels in the right margin (something is wider than the text)");
            }
        }

        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        for (String tex : List.of("latexmath", "\\frac", "\\tag{", "\\mathrm", "\\(", "\\[", "Math input error", "Math output error")) {
            if (text.contains(tex)) {
                problems.add("the text of " + Book.show(pdf) + " contains " + tex + ": an equation was not typeset");
            }
        }
        System.out.printf("%s PDF: %d pages, %d problems%n", edition, pages.size(), problems.size());
        assertThat(problems).as("problems in %s", Book.show(pdf)).isEmpty();

        // the first page of chapter 4, for the record
        String[] pageTexts = text.split("\f");
        for (int k = 0; k < pageTexts.length && k < pages.size(); k++) {
            if (pageTexts[k].contains("Inner neurons: the recursive delta") && !pageTexts[k].contains("Contents")) {
                Path record = Book.root().resolve("docs/target/pdf-" + edition + "-ch4.png");
                Files.copy(pages.get(k), record, StandardCopyOption.REPLACE_EXISTING);
                break;
            }
        }
        assertThat(Book.root().resolve("docs/target/pdf-" + edition + "-ch4.png")).as("the saved page image").isRegularFile();
    }
}
