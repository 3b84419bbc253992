package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.s;

import backprop.training.Matrix;
import backprop.training.MatrixForm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Probes of chapter 6: each matrix method gets the probe's own fixed inputs (never another
 * student method's result) and its answer is compared with what each mistake would give, all
 * computed here entry by entry.
 */
class TrainingProbes {

    // a batch of two examples through square 2-2 layers, so that a transposed product still runs
    static final double[][] O = {{0.8, 0.3}, {0.6, 0.9}};
    static final double[][] T = {{1.0, 0.0}, {0.0, 1.0}};
    static final double[][] W = {{0.5, -0.4}, {0.2, 0.7}};
    static final double[][] A = {{0.25, 0.5}, {0.75, 0.4}};

    private static double[][] of(Matrix m) {
        return m.toArray();
    }

    private interface Entry {
        double at(int x, int j);
    }

    /** The 2 x 2 matrix whose entry (x, j) is f(x, j). */
    private static double[][] grid(Entry f) {
        double[][] r = new double[2][2];
        for (int x = 0; x < 2; x++) {
            for (int j = 0; j < 2; j++) {
                r[x][j] = f.at(x, j);
            }
        }
        return r;
    }

    @Test
    @Tag("ex6.3")
    void outputDeltas() {
        double[][] d = of(MatrixForm.outputDeltas(Matrix.of(O), Matrix.of(T), new Matrix(2, 2)));
        double[][] right = grid((x, j) -> (O[x][j] - T[x][j]) * O[x][j] * (1 - O[x][j]));
        String at = "for O = " + s(O) + " and T = " + s(T) + " your deltas are " + s(d);
        mistake("sign-of-error-derivative", close(d, grid((x, j) -> (T[x][j] - O[x][j]) * O[x][j] * (1 - O[x][j]))), close(d, right),
                at + ", with T - O; D = (O - T) ⊙ O ⊙ (1 - O) = " + s(right) + ".");
        mistake("missing-activation-derivative", close(d, grid((x, j) -> O[x][j] - T[x][j])), close(d, right),
                at + " = O - T, without the factor O ⊙ (1 - O); right: " + s(right) + ".");
        mistake("derivative-at-output", close(d, grid((x, j) -> (O[x][j] - T[x][j]) * Probe.logisticDerivative(O[x][j]))), close(d, right),
                at + ": the factor is phi'(O) = phi(O)(1 - phi(O)), the logistic applied to the outputs again; O ⊙ (1 - O) is already"
                        + " phi'(net). Right: " + s(right) + ".");
    }

    @Test
    @Tag("ex6.4")
    void softmaxDeltas() {
        double[][] p = {{0.7, 0.3}, {0.2, 0.8}};
        double[][] d = of(MatrixForm.softmaxDeltas(Matrix.of(p), Matrix.of(T), new Matrix(2, 2)));
        double[][] right = grid((x, j) -> p[x][j] - T[x][j]);
        String at = "for P = " + s(p) + " and T = " + s(T) + " your deltas are " + s(d);
        mistake("sign-of-error-derivative", close(d, grid((x, j) -> T[x][j] - p[x][j])), close(d, right),
                at + " = T - P; right: P - T = " + s(right) + ".");
        mistake("softmax-coupling-missing", close(d, grid((x, j) -> (p[x][j] - T[x][j]) * p[x][j] * (1 - p[x][j]))), close(d, right),
                at + ", (P - T) times the diagonal P ⊙ (1 - P); with the softmax's coupling the cross-entropy's deltas are P - T = "
                        + s(right) + ", with no phi' factor.");
    }

    @Test
    @Tag("ex6.5")
    void innerDeltas() {
        double[][] next = {{0.1, -0.2}, {0.3, 0.05}};
        double[][] d = of(MatrixForm.innerDeltas(Matrix.of(next), Matrix.of(W), Matrix.of(A), new Matrix(2, 2)));
        double[][] right = grid((x, j) -> (next[x][0] * W[j][0] + next[x][1] * W[j][1]) * A[x][j] * (1 - A[x][j]));
        String at = "for D_(l+1) = " + s(next) + ", W_(l+1) = " + s(W) + " and A_l = " + s(A) + " your deltas are " + s(d);
        mistake("transposed-weights", close(d, grid((x, j) -> (next[x][0] * W[0][j] + next[x][1] * W[1][j]) * A[x][j] * (1 - A[x][j]))),
                close(d, right), at + ", with D_(l+1) W_(l+1) where the transpose belongs: entry (x, j) sums d_xk w_jk along row j of W. Right: "
                        + s(right) + ".");
        mistake("missing-activation-derivative", close(d, grid((x, j) -> next[x][0] * W[j][0] + next[x][1] * W[j][1])), close(d, right),
                at + " = D_(l+1) W_(l+1)^T, without the factor A_l ⊙ (1 - A_l); right: " + s(right) + ".");
        mistake("derivative-at-output", close(d, grid((x, j) -> (next[x][0] * W[j][0] + next[x][1] * W[j][1])
                * Probe.logisticDerivative(A[x][j]))), close(d, right), at + ": the factor is phi'(A_l), the logistic applied to the outputs"
                        + " again; A_l ⊙ (1 - A_l) is already phi'(Z_l). Right: " + s(right) + ".");
        mistake("no-sum-downstream", close(d, grid((x, j) -> next[x][1] * W[j][1] * A[x][j] * (1 - A[x][j]))) || close(d,
                grid((x, j) -> next[x][0] * W[j][0] * A[x][j] * (1 - A[x][j]))), close(d, right),
                at + ": each entry took one neuron of the next layer; sum d_xk w_jk over all of them. Right: " + s(right) + ".");
    }

    @Test
    @Tag("ex6.6")
    void gradients() {
        double[][] d = {{0.1, -0.2}, {0.3, 0.05}};
        double[] gb = new double[2];
        double[][] gw = of(MatrixForm.gradients(Matrix.of(A), Matrix.of(d), new Matrix(2, 2), gb));
        double[][] sum = grid((i, j) -> A[0][i] * d[0][j] + A[1][i] * d[1][j]);
        double[][] right = grid((i, j) -> sum[i][j] / 2);
        double[] rightB = {(d[0][0] + d[1][0]) / 2, (d[0][1] + d[1][1]) / 2};
        String at = "for a batch of n = 2 with A = " + s(A) + " and D = " + s(d) + " your dE/dW is " + s(gw);
        mistake("factor-n", close(gw, sum) || close(gw, grid((i, j) -> sum[i][j] / 4)), close(gw, right),
                at + ", " + (close(gw, sum) ? "the sum A^T D over the batch" : "divided by n twice") + "; the loss is the batch's mean, so"
                        + " dE/dW = 1/n A^T D = " + s(right) + ".");
        mistake("transposed-weights", close(gw, grid((i, j) -> right[j][i])), close(gw, right),
                at + " = 1/n D^T A, the transpose: entry (i, j) belongs to input i and neuron j, sum_x a_xi d_xj / n. Right: " + s(right) + ".");
        String atB = "your dE/db is " + s(gb);
        mistake("factor-n", close(gb, new double[] {2 * rightB[0], 2 * rightB[1]}), close(gb, rightB),
                atB + ", the column sums of D; the mean over the batch is 1/n D^T 1 = " + s(rightB) + ".");
        mistake("bias-wrong-input", close(gb, new double[] {right[0][0], right[1][1]}) || close(gb, new double[] {right[1][0], right[1][1]}),
                close(gb, rightB), atB + ", weighted by an input; the bias sees the constant 1: dE/db = 1/n D^T 1 = " + s(rightB) + ".");
    }
}
