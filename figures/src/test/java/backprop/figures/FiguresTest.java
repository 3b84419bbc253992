package backprop.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The figures draw from the course's code (the reference code on the test classpath)")
class FiguresTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** The number of distinct colours in a sample of the image: a blank image has one. */
    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    @DisplayName("every figure is an image with something drawn on it")
    void everyFigureDrawsSomething() {
        List<BufferedImage> images = List.of(ErrorParabola.image(), SurfacePlot.trough(), SurfacePlot.bowl(),
                LogisticPlot.image(), NetworkDiagram.image());
        for (BufferedImage image : images) {
            assertThat(image.getWidth()).as("width").isGreaterThan(400);
            assertThat(colours(image)).as("colours in the figure").isGreaterThan(10);
        }
    }

    @Test
    @DisplayName("the descent on the bowl ends next to its minimum (1, -1)")
    void bowlPathEndsAtTheMinimum() {
        var path = SurfacePlot.bowlPath();
        var end = path.get(path.size() - 1);
        assertThat(end.w1()).as("w1 at the end").isCloseTo(1, org.assertj.core.api.Assertions.within(0.01));
        assertThat(end.w2()).as("w2 at the end").isCloseTo(-1, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    @DisplayName("the book's XOR run learns XOR, and its loss curve has one point per ten epochs and the last epoch")
    void xorRun() {
        var run = XorLossPlot.bookRun();
        assertThat(XorLossPlot.learned(run.network())).as("XOR learned by seed %d", XorLossPlot.SEED).isTrue();
        var chart = XorLossPlot.chart(run);
        double[] x = chart.getSeriesMap().values().iterator().next().getXData();
        assertThat(x).hasSize(XorLossPlot.EPOCHS / 10 + 1);
        // unequal spacing at the end: XChart then puts its ticks at round epochs
        assertThat(x[x.length - 1]).isEqualTo(XorLossPlot.EPOCHS - 1);
        assertThat(x[x.length - 1] - x[x.length - 2]).isNotEqualTo(x[1] - x[0]);
    }

    @Test
    @DisplayName("the colour bars of the trough and the bowl are labelled at round values")
    void roundColourBarTicks() {
        assertThat(SurfacePlot.roundTicks(12.5)).containsExactly(0, 0.7, 3, 7, 12);
        assertThat(SurfacePlot.roundTicks(16)).containsExactly(0, 1, 4, 9, 16);
    }

    @Test
    @DisplayName("the logistic legend writes e to the power -z as math, not as e^-z")
    void realMathInLabels() {
        assertThat(LogisticPlot.LOGISTIC_LABEL).doesNotContain("e^-z").doesNotContain("-z")
                .containsAnyOf("e\u207b\u1dbb", "exp(\u2212z)");
    }

    @Test
    @DisplayName("main writes every PNG into every directory, and the numbers the book quotes")
    void mainWritesFiguresAndValues(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path values = dir.resolve("values.adoc");
        Figures.main(new String[] {values.toString(), a.toString(), b.toString()});
        for (String name : List.of("error-parabola.png", "error-trough.png", "error-bowl.png", "logistic.png",
                "network-notation.png", "xor-loss.png", "xor-seeds.png")) {
            assertThat(a.resolve(name)).isRegularFile();
            assertThat(b.resolve(name)).isRegularFile();
        }
        String text = Files.readString(values);
        assertThat(text).contains(":xor-seed: " + XorLossPlot.SEED + "\n").contains(":xor-learned: yes\n")
                .contains(":bowl-end-w1: 1\n").containsPattern(":xor-seeds-learned: \\d+\n");
    }

    @Test
    @DisplayName("prints numbers without trailing zeros, rounded half up")
    void values() {
        assertThat(Values.number(0.25)).isEqualTo("0.25");
        assertThat(Values.number(2.0)).isEqualTo("2");
        assertThat(Values.number(-0.99949, 3)).isEqualTo("-0.999");
        assertThat(Values.number(0.00047123, 5)).isEqualTo("0.00047");
        assertThat(Values.number(-0.0000001)).isEqualTo("0");
    }
}
