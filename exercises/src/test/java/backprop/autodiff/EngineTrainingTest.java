package backprop.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.network.Network;
import backprop.testing.PlainBackprop;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch7")
@Tag("ex7.10")
@DisplayName("Exercise 7.10: learning XOR with the engine, step for step as chapter 4 does")
class EngineTrainingTest {

    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    static final double[][] T = {{0}, {1}, {1}, {0}};

    /** Chapter 4's online training written out: the mean loss of every epoch, and the network after it. */
    static double[] plainTraining(PlainBackprop[] net, double eta, int epochs) {
        double[] losses = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            double sum = 0;
            for (int row = 0; row < 4; row++) {
                sum += net[0].error(X[row], T[row]);
                net[0] = net[0].step(X[row], T[row], eta);
            }
            losses[e] = sum / 4;
        }
        return losses;
    }

    @Test
    @DisplayName("after one epoch at learning rate 0.5 every weight and bias is what chapter 4's online training gives")
    void oneEpoch() {
        PlainBackprop[] plain = {PlainBackprop.logistic(7, 2, 2, 1)};
        Mlp m = Mlp.of(NetworkOfValuesTest.network(plain[0].w(), plain[0].b()), Nonlinearity.LOGISTIC);
        double[] losses = EngineTraining.train(m, 0.5, 1);
        double[] expected = plainTraining(plain, 0.5, 1);
        assertThat(losses).hasSize(1);
        assertThat(losses[0]).as("mean loss of epoch 0").isCloseTo(expected[0], within(1e-12));
        List<List<Neuron>> layers = m.layers();
        for (int l = 0; l < 2; l++) {
            for (int j = 0; j < layers.get(l).size(); j++) {
                Neuron n = layers.get(l).get(j);
                for (int i = 0; i < n.inputs(); i++) {
                    assertThat(n.weights().get(i).data()).as("w[%d][%d][%d]", l, i, j).isCloseTo(plain[0].w()[l][i][j], within(1e-12));
                }
                assertThat(n.bias().data()).as("b[%d][%d]", l, j).isCloseTo(plain[0].b()[l][j], within(1e-12));
            }
        }
    }

    @Test
    @DisplayName("from chapter 4's start (seed 3, rate 1) it learns XOR in 800 epochs, on chapter 4's loss curve")
    void learnsXor() {
        Mlp m = Mlp.of(Network.random(new Random(3), backprop.testing.TestActivations.IDENTITY, 2, 2, 1), Nonlinearity.LOGISTIC);
        double[] losses = EngineTraining.train(m, 1.0, 800);
        double[] expected = plainTraining(new PlainBackprop[] {PlainBackprop.logistic(3, 2, 2, 1)}, 1.0, 800);
        assertThat(losses).hasSize(800);
        assertThat(losses[0]).as("first epoch").isCloseTo(expected[0], within(1e-12));
        assertThat(losses[799]).as("last epoch").isCloseTo(expected[799], within(1e-9));
        for (int row = 0; row < 4; row++) {
            double o = m.output(NetworkOfValuesTest.leaves(X[row])).get(0).data();
            assertThat(o > 0.5).as("output %s for %s, target %s", o, X[row][0] + ", " + X[row][1], T[row][0]).isEqualTo(T[row][0] > 0.5);
        }
    }

    @Test
    @DisplayName("rejects a network that does not have 2 inputs and 1 output, and a learning rate of 0")
    void badInput() {
        Mlp m = Mlp.random(new Random(1), Nonlinearity.LOGISTIC, 2, 2, 1);
        assertThat(EngineTraining.train(m, 0.1, 2)).hasSize(2);
        assertThatThrownBy(() -> EngineTraining.train(Mlp.random(new Random(1), Nonlinearity.TANH, 3, 1), 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mlp has 3 inputs and 1 output but XOR needs 2 inputs and 1 output");
        assertThatThrownBy(() -> EngineTraining.train(m, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learningRate must be a finite number greater than 0 but was 0.0");
    }
}
