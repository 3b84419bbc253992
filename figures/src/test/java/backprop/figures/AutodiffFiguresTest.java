package backprop.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.autodiff.Graph;
import backprop.autodiff.Mlp;
import backprop.autodiff.Nonlinearity;
import backprop.autodiff.Value;
import backprop.logistic.Logistic;
import backprop.network.Backpropagation;
import backprop.network.GradientCheck;
import backprop.network.Gradients;
import backprop.network.Network;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Chapter 7's figures and measurements, from the reference code")
class AutodiffFiguresTest {

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    @DisplayName("the engine's gradients of random networks equal chapter 4's Backpropagation.gradients to 1e-12")
    void engineEqualsChapter4() {
        assertThat(AutodiffCost.maxDifferenceFromChapter4()).isLessThan(1e-12);
    }

    @Test
    @DisplayName("and agree with chapter 4's central differences (GradientCheck)")
    void engineAgreesWithCentralDifferences() {
        Network network = Network.random(new Random(11), new Logistic(), 3, 4, 2);
        double[] x = {0.2, -0.4, 1};
        double[] t = {1, 0};
        Mlp mlp = Mlp.of(network, Nonlinearity.LOGISTIC);
        Graph.backward(mlp.loss(x, t));
        Gradients numeric = GradientCheck.numericalGradients(network, x, t, 1e-6);
        double[][][] w = mlp.weightGradients();
        for (int l = 0; l < w.length; l++) {
            for (int i = 0; i < w[l].length; i++) {
                for (int j = 0; j < w[l][i].length; j++) {
                    assertThat(w[l][i][j]).as("dE/dw[%d][%d][%d]", l, i, j).isCloseTo(numeric.weights().get(l)[i][j], within(1e-8));
                }
            }
        }
        Gradients exact = Backpropagation.gradients(network, Backpropagation.forward(network, x), t);
        assertThat(mlp.biasGradients()[0][1]).isCloseTo(exact.biases().get(0)[1], within(1e-12));
    }

    @Test
    @DisplayName("forward mode takes n passes and reverse mode 2, with the same gradient")
    void modes() {
        AutodiffCost.Modes m = AutodiffCost.modes(10);
        assertThat(m.forwardPasses()).isEqualTo(10);
        assertThat(m.reversePasses()).isEqualTo(2);
        assertThat(m.graphNodes()).isEqualTo(10 + 10 * 2 + 1);
        assertThat(m.maxDifference()).isLessThan(1e-12);
        assertThat(m.forwardMillis()).isPositive();
    }

    @Test
    @DisplayName("the graph diagram draws the worked example and any graph")
    void diagram() {
        BufferedImage image = GraphDiagram.workedExample();
        assertThat(image.getWidth()).isGreaterThan(400);
        Value x = new Value(1, "x");
        BufferedImage one = GraphDiagram.image(x.multiply(x).exp());
        assertThat(one.getHeight()).isGreaterThan(100);
    }

    @Test
    @DisplayName("the values name every measurement the chapter quotes")
    void values() {
        Map<String, String> v = AutodiffCost.values();
        for (String key : List.of("ad-n10-forward-passes", "ad-n1000-forward-ms", "ad-n1000-reverse-ms", "ad-engine-ratio",
                "ad-max-difference", "ad-n100-nodes", "ad-matrix-us", "ad-batch-us", "ad-matrix-ratio", "ad-batch-ratio")) {
            assertThat(v).containsKey(key);
        }
        assertThat(v.get("ad-n1000-forward-passes")).isEqualTo("1000");
    }
}
