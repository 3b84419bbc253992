package backprop.network;

import static backprop.testing.TestActivations.LOGISTIC;
import static org.assertj.core.api.Assertions.assertThat;

import backprop.testing.Numeric;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("ch4")
@Tag("ex4.7")
@DisplayName("Exercise 4.7: a 2-2-1 logistic network learns XOR")
class XorTrainingTest {

    /** The chapter's run: seed 3, learning rate 1, 2000 epochs. */
    static final long SEED = 3;
    static final double LEARNING_RATE = 1.0;
    static final int EPOCHS = 2000;

    /** The output of a 2-2-1 network, written out: o = phi(sum_j w_j phi(net_j) + b). */
    static double output(Network n, double[] x) {
        Layer hidden = n.layers().get(0);
        Layer out = n.layers().get(1);
        double[][] w = hidden.weights();
        double[] b = hidden.biases();
        double net = out.biases()[0];
        for (int j = 0; j < 2; j++) {
            double o = Numeric.logistic(w[0][j] * x[0] + w[1][j] * x[1] + b[j]);
            net += out.weights()[j][0] * o;
        }
        return Numeric.logistic(net);
    }

    @Test
    @DisplayName("puts all four outputs on the right side of 0.5 after 2000 epochs with eta = 1")
    void learnsXor() {
        Network start = Network.random(new Random(SEED), LOGISTIC, 2, 2, 1);
        XorTraining.TrainingRun run = XorTraining.train(start, LEARNING_RATE, EPOCHS);
        for (int row = 0; row < 4; row++) {
            double[] x = XorTraining.INPUTS.get(row);
            double o = output(run.network(), x);
            if (XorTraining.TARGETS.get(row)[0] == 1) {
                assertThat(o).as("output for (%.0f, %.0f)", x[0], x[1]).isGreaterThan(0.9);
            } else {
                assertThat(o).as("output for (%.0f, %.0f)", x[0], x[1]).isLessThan(0.1);
            }
        }
    }

    @Test
    @DisplayName("records one loss per epoch, falling from about 0.14 to below 0.01")
    void lossFalls() {
        Network start = Network.random(new Random(SEED), LOGISTIC, 2, 2, 1);
        double[] losses = XorTraining.train(start, LEARNING_RATE, EPOCHS).epochLosses();
        assertThat(losses).hasSize(EPOCHS);
        assertThat(losses[0]).as("first epoch").isBetween(0.12, 0.16);
        assertThat(losses[EPOCHS - 1]).as("last epoch").isLessThan(0.01);
    }
}
