package backprop.training;

import backprop.common.Require;
import backprop.loss.SoftmaxCrossEntropy;
import java.util.Arrays;

/**
 * The forward pass and the four equations of backpropagation for a whole layer and a whole
 * mini-batch at once, chapter 6: chapter 4's sums over neurons, written as products of matrices.
 *
 * <p>A batch of {@code n} examples has one example per row: {@code A_0 = X} is
 * {@code n x inputs}. Layer {@code l} has the weights {@code W_l} ({@code inputs x neurons}) and
 * the biases {@code b_l}; its net inputs {@code Z_l} and outputs {@code A_l} are
 * {@code n x neurons}. Every inner layer is logistic, so {@code phi'(Z) = A (1 - A)}, Eq. (3.4),
 * taken from the stored outputs. Each method writes its result into a matrix it is given and
 * returns it, so that training can reuse the same arrays for every batch.
 */
public final class MatrixForm {

    private MatrixForm() {
    }

    /**
     * Exercise 6.1 of chapter 6: the net inputs of a layer for a whole batch, Eq. (6.1):
     * {@code Z = A W + 1 b^T}, that is {@code z_xj = sum_i a_xi w_ij + b_j} for every example x
     * (row) and neuron j (column), chapter 4's Eq. (4.1) for all rows at once.
     *
     * @param a the layer's inputs, {@code n x inputs}, one example per row
     * @param w the layer's weights, {@code inputs x neurons}
     * @param b the layer's biases, one per neuron
     * @param z where the net inputs go, {@code n x neurons}; overwritten
     * @return {@code z}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    // tag::netInputs[]
    public static Matrix netInputs(Matrix a, Matrix w, double[] b, Matrix z) {
        checkNetInputs(a, w, b, z);
        // BEGIN SOLUTION
        int n = a.rows();
        int inputs = w.rows();
        int neurons = w.columns();
        double[] Z = z.data();
        // A W: z_xj = sum_i a_xi w_ij, row x of A (stride 1 along i) times column j of W (stride neurons)
        product(a.data(), inputs, 1, w.data(), neurons, 1, inputs, Z, n, neurons);
        for (int x = 0; x < n; x++) {
            for (int j = 0; j < neurons; j++) {
                // Z = A W + 1 b^T: every row gets the biases   (Eq. 6.1)
                Z[x * neurons + j] += b[j];
            }
        }
        return z;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 6, exercise 6.1: compute Z = A W + 1 b^T, z_xj = sum_i a_xi w_ij + b_j, into z in MatrixForm.netInputs (Eq. 6.1).");
    }
    // end::netInputs[]

    /**
     * Exercise 6.2 of chapter 6: the forward pass of a batch through every layer, Eq. (6.2).
     *
     * <p>For {@code l = 1 .. L}: {@code Z_l = A_(l-1) W_l + 1 b_l^T} (exercise 6.1), then
     * {@code A_l = phi(Z_l)}, the logistic function {@code 1 / (1 + e^-z)} of every entry; for a
     * {@link MatrixNetwork.Output#SOFTMAX_CROSS_ENTROPY} network the last layer instead turns each
     * row of {@code Z_L} into probabilities with chapter 5's
     * {@link SoftmaxCrossEntropy#softmax(double[])}, Eq. (5.5). The net inputs can be computed
     * straight into {@code pass.activation(l)} and replaced there by the outputs.
     *
     * @param network the network
     * @param pass a pass for {@code network} whose {@code input()} holds the batch X
     * @return {@code pass.output()}, the outputs {@code A_L}
     * @throws IllegalArgumentException if the pass was made for another network or the input is not finite
     */
    // tag::forward[]
    public static Matrix forward(MatrixNetwork network, Pass pass) {
        checkForward(network, pass);
        // BEGIN SOLUTION
        int last = network.layers();
        for (int l = 1; l <= last; l++) {
            Matrix a = netInputs(pass.activation(l - 1), network.weights(l - 1), network.biases(l - 1), pass.activation(l));
            if (l == last && network.output() == MatrixNetwork.Output.SOFTMAX_CROSS_ENTROPY) {
                softmaxRows(a);
            } else {
                double[] A = a.data();
                for (int k = 0; k < A.length; k++) {
                    // A_l = phi(Z_l), phi(z) = 1 / (1 + e^-z)   (Eq. 6.2, 3.1)
                    A[k] = 1 / (1 + Math.exp(-A[k]));
                }
            }
        }
        return pass.output();
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 6, exercise 6.2: compute Z_l = A_(l-1) W_l + 1 b_l^T and A_l = phi(Z_l) for every layer (softmax rows for a softmax output) in MatrixForm.forward (Eq. 6.2).");
    }
    // end::forward[]

    // BEGIN SOLUTION
    private static void softmaxRows(Matrix z) {
        double[] Z = z.data();
        int k = z.columns();
        double[] row = new double[k];
        for (int x = 0; x < z.rows(); x++) {
            System.arraycopy(Z, x * k, row, 0, k);
            // p = softmax(z) of each row   (Eq. 5.5)
            System.arraycopy(SoftmaxCrossEntropy.softmax(row), 0, Z, x * k, k);
        }
    }

    // tag::product[]
    /*
     * The products of chapter 6, c_rc = sum_k p_rk q_kc, for all three of A W, A^T D and D W^T:
     * each says where entry (r, k) of its left factor and (k, c) of its right factor sit in their
     * arrays, p_rk at P[r * pRow + k * pK] and q_kc at Q[k * qK + c * qColumn], so a transposed
     * factor is read in place. C is rows x columns, row-major, and is overwritten.
     *
     * The matrices are too narrow for the JIT's vector loops (30 and 10 columns), so the speed comes
     * from the order of the work instead: a block of 2 rows by 4 columns of C is summed at once in
     * eight local variables, so each p_rk is loaded once for four products and each q_kc once for
     * two, and each c_rc is stored once, at the end. Math.fma rounds each multiply-add once.
     */
    private static void product(double[] P, int pRow, int pK, double[] Q, int qK, int qColumn, int terms,
            double[] C, int rows, int columns) {
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            int c = 0;
            for (; c + 3 < columns; c += 4) {
                block(P, pRow, pK, Q, qK, qColumn, terms, C, columns, r, c);
            }
            for (; c < columns; c++) {
                C[r * columns + c] = entry(P, pRow, pK, Q, qK, qColumn, terms, r, c);
                C[(r + 1) * columns + c] = entry(P, pRow, pK, Q, qK, qColumn, terms, r + 1, c);
            }
        }
        for (; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                C[r * columns + c] = entry(P, pRow, pK, Q, qK, qColumn, terms, r, c);
            }
        }
    }

    // c_rc .. c_(r+1)(c+3), the block of 2 x 4 entries at row r, column c
    private static void block(double[] P, int pRow, int pK, double[] Q, int qK, int qColumn, int terms,
            double[] C, int columns, int r, int c) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        int p = r * pRow;
        int q = c * qColumn;
        for (int k = 0; k < terms; k++, p += pK, q += qK) {
            double p0 = P[p], p1 = P[p + pRow];
            double q0 = Q[q], q1 = Q[q + qColumn], q2 = Q[q + 2 * qColumn], q3 = Q[q + 3 * qColumn];
            // c_rc += p_rk q_kc for the eight entries of the block
            c00 = Math.fma(p0, q0, c00);
            c01 = Math.fma(p0, q1, c01);
            c02 = Math.fma(p0, q2, c02);
            c03 = Math.fma(p0, q3, c03);
            c10 = Math.fma(p1, q0, c10);
            c11 = Math.fma(p1, q1, c11);
            c12 = Math.fma(p1, q2, c12);
            c13 = Math.fma(p1, q3, c13);
        }
        int at = r * columns + c;
        C[at] = c00;
        C[at + 1] = c01;
        C[at + 2] = c02;
        C[at + 3] = c03;
        at += columns;
        C[at] = c10;
        C[at + 1] = c11;
        C[at + 2] = c12;
        C[at + 3] = c13;
    }

    // c_rc = sum_k p_rk q_kc, one entry: the rows and columns the blocks leave over
    private static double entry(double[] P, int pRow, int pK, double[] Q, int qK, int qColumn, int terms,
            int r, int c) {
        double sum = 0;
        int p = r * pRow;
        int q = c * qColumn;
        for (int k = 0; k < terms; k++, p += pK, q += qK) {
            sum = Math.fma(P[p], Q[q], sum);
        }
        return sum;
    }
    // end::product[]
    // END SOLUTION

    /**
     * Exercise 6.3 of chapter 6: the deltas of a logistic output layer with the half squared
     * error, for a whole batch, Eq. (6.3): {@code D_L = (A_L - T) ⊙ A_L ⊙ (1 - A_L)}, where
     * {@code ⊙} multiplies entry by entry (the Hadamard product). Row x is chapter 4's
     * Eq. (4.4) for example x, with {@code phi'(net) = o (1 - o)}, Eq. (3.4).
     *
     * @param o the outputs {@code A_L}, {@code n x outputs}
     * @param t the targets T, shaped like {@code o}
     * @param d where the deltas go, shaped like {@code o}; overwritten
     * @return {@code d}
     * @throws IllegalArgumentException if the shapes differ
     */
    // tag::outputDeltas[]
    public static Matrix outputDeltas(Matrix o, Matrix t, Matrix d) {
        checkSame(o, "o", t, "t", d);
        // BEGIN SOLUTION
        double[] O = o.data();
        double[] T = t.data();
        double[] D = d.data();
        for (int k = 0; k < D.length; k++) {
            // D_L = (A_L - T) ⊙ A_L ⊙ (1 - A_L)   (Eq. 6.3)
            D[k] = (O[k] - T[k]) * O[k] * (1 - O[k]);
        }
        return d;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 6, exercise 6.3: compute D = (O - T) ⊙ O ⊙ (1 - O) entry by entry into d in MatrixForm.outputDeltas (Eq. 6.3).");
    }
    // end::outputDeltas[]

    /**
     * Exercise 6.4 of chapter 6: the deltas of a softmax output layer with the cross-entropy, for
     * a whole batch, Eq. (6.4): {@code D_L = P - T}. This is chapter 5's Eq. (5.7) for every row:
     * the derivative of the loss with respect to the net inputs already contains the softmax's own
     * derivative, so there is no factor {@code phi'} to multiply by.
     *
     * @param p the softmax outputs P, {@code n x classes}, each row summing to 1
     * @param t the targets T, shaped like {@code p}
     * @param d where the deltas go, shaped like {@code p}; overwritten
     * @return {@code d}
     * @throws IllegalArgumentException if the shapes differ
     */
    // tag::softmaxDeltas[]
    public static Matrix softmaxDeltas(Matrix p, Matrix t, Matrix d) {
        checkSame(p, "p", t, "t", d);
        // BEGIN SOLUTION
        double[] P = p.data();
        double[] T = t.data();
        double[] D = d.data();
        for (int k = 0; k < D.length; k++) {
            // D_L = P - T   (Eq. 6.4)
            D[k] = P[k] - T[k];
        }
        return d;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 6, exercise 6.4: compute D = P - T, with no phi' factor, into d in MatrixForm.softmaxDeltas (Eq. 6.4).");
    }
    // end::softmaxDeltas[]

    /**
     * Exercise 6.5 of chapter 6: the deltas of an inner logistic layer for a whole batch,
     * Eq. (6.5): {@code D_l = (D_(l+1) W_(l+1)^T) ⊙ A_l ⊙ (1 - A_l)}.
     *
     * <p>Entry {@code (x, j)} is chapter 4's Eq. (4.5) for example x:
     * {@code (sum_k w_jk d_xk) a_xj (1 - a_xj)}, where {@code w_jk} is row j, column k of the
     * next layer's weights: the product with the transpose runs along row j of {@code W_(l+1)}.
     *
     * @param next the deltas {@code D_(l+1)} of the next layer, {@code n x nextNeurons}
     * @param w the next layer's weights {@code W_(l+1)}, {@code neurons x nextNeurons}, as in the forward pass
     * @param a this layer's outputs {@code A_l}, {@code n x neurons}
     * @param d where this layer's deltas go, shaped like {@code a}; overwritten
     * @return {@code d}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    // tag::innerDeltas[]
    public static Matrix innerDeltas(Matrix next, Matrix w, Matrix a, Matrix d) {
        checkInnerDeltas(next, w, a, d);
        // BEGIN SOLUTION
        int n = a.rows();
        int neurons = w.rows();
        int m = w.columns();
        double[] A = a.data();
        double[] D = d.data();
        // D_(l+1) W_(l+1)^T: entry (x, j) is sum_k d_xk w_jk, row x of D_(l+1) times row j of W_(l+1)
        product(next.data(), m, 1, w.data(), 1, m, m, D, n, neurons);
        for (int k = 0; k < D.length; k++) {
            // D_l = (D_(l+1) W_(l+1)^T) ⊙ A_l ⊙ (1 - A_l)   (Eq. 6.5)
            D[k] *= A[k] * (1 - A[k]);
        }
        return d;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 6, exercise 6.5: compute D_l = (D_(l+1) W_(l+1)^T) ⊙ A_l ⊙ (1 - A_l) into d in MatrixForm.innerDeltas (Eq. 6.5).");
    }
    // end::innerDeltas[]

    /**
     * Exercise 6.6 of chapter 6: the gradients of a layer, averaged over the batch (chapter 5's
     * assumption 1, Eq. 5.2), Eq. (6.6) and (6.7):
     * {@code dE/dW = 1/n A^T D} and {@code dE/db = 1/n D^T 1}.
     *
     * <p>Entry {@code (i, j)} of {@code A^T D} is {@code sum_x a_xi d_xj}: chapter 4's
     * {@code o_i delta_j}, Eq. (4.6), summed over the examples of the batch; the bias gradient is
     * the mean of each column of D.
     *
     * @param a the layer's inputs {@code A_(l-1)}, {@code n x inputs}
     * @param d the layer's deltas {@code D_l}, {@code n x neurons}
     * @param gw where {@code dE/dW_l} goes, {@code inputs x neurons}; overwritten
     * @param gb where {@code dE/db_l} goes, one entry per neuron; overwritten
     * @return {@code gw}
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    // tag::gradients[]
    public static Matrix gradients(Matrix a, Matrix d, Matrix gw, double[] gb) {
        checkGradients(a, d, gw, gb);
        // BEGIN SOLUTION
        int n = a.rows();
        int inputs = a.columns();
        int neurons = d.columns();
        double[] D = d.data();
        double[] G = gw.data();
        // A^T D: g_ij = sum_x a_xi d_xj, column i of A (stride inputs along x) times column j of D
        product(a.data(), 1, inputs, D, neurons, 1, n, G, inputs, neurons);
        double mean = 1.0 / n;
        for (int k = 0; k < G.length; k++) {
            // dE/dW = 1/n A^T D   (Eq. 6.6)
            G[k] *= mean;
        }
        Arrays.fill(gb, 0);
        for (int x = 0; x < n; x++) {
            for (int j = 0; j < neurons; j++) {
                // dE/db = 1/n D^T 1: g_j += d_xj / n   (Eq. 6.7)
                gb[j] += D[x * neurons + j] / n;
            }
        }
        return gw;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 6, exercise 6.6: compute dE/dW = 1/n A^T D into gw and dE/db = 1/n D^T 1 into gb in MatrixForm.gradients (Eq. 6.6, 6.7).");
    }
    // end::gradients[]

    private static void checkNetInputs(Matrix a, Matrix w, double[] b, Matrix z) {
        Require.notNull(a, "a");
        Require.notNull(w, "w");
        Sizes.rows(w, "w", a.columns(), () -> "a has " + Sizes.count(a.columns(), "column", "columns")
                + " (the layer's inputs)");
        Sizes.vector(b, "b", w.columns(), () -> "w has " + Sizes.count(w.columns(), "column", "columns")
                + " (the layer's neurons)");
        Sizes.rows(z, "z", a.rows(), () -> "a has " + Sizes.count(a.rows(), "row", "rows") + " (the examples)");
        Sizes.columns(z, "z", w.columns(), () -> "w has " + Sizes.count(w.columns(), "column", "columns")
                + " (the layer's neurons)");
        Sizes.apart(z, "z", a, "a");
        Sizes.apart(z, "z", w, "w");
    }

    private static void checkForward(MatrixNetwork network, Pass pass) {
        Require.notNull(network, "network");
        Require.notNull(pass, "pass");
        pass.requireFits(network);
        Sizes.finite(pass.input(), "pass.input()");
    }

    private static void checkSame(Matrix o, String oName, Matrix t, String tName, Matrix d) {
        Require.notNull(o, oName);
        Sizes.same(t, tName, o, oName);
        Sizes.same(d, "d", o, oName);
    }

    private static void checkInnerDeltas(Matrix next, Matrix w, Matrix a, Matrix d) {
        Require.notNull(next, "next");
        Require.notNull(a, "a");
        Require.notNull(w, "w");
        Sizes.rows(next, "next", a.rows(), () -> "a has " + Sizes.count(a.rows(), "row", "rows") + " (the examples)");
        Sizes.columns(w, "w", next.columns(), () -> "next has " + Sizes.count(next.columns(), "column", "columns")
                + " (the next layer's neurons)");
        Sizes.rows(w, "w", a.columns(), () -> "a has " + Sizes.count(a.columns(), "column", "columns")
                + " (this layer's neurons)");
        Sizes.same(d, "d", a, "a");
        Sizes.apart(d, "d", next, "next");
        Sizes.apart(d, "d", a, "a");
    }

    private static void checkGradients(Matrix a, Matrix d, Matrix gw, double[] gb) {
        Require.notNull(a, "a");
        Require.notNull(d, "d");
        Sizes.rows(d, "d", a.rows(), () -> "a has " + Sizes.count(a.rows(), "row", "rows") + " (the examples)");
        Sizes.rows(gw, "gw", a.columns(), () -> "a has " + Sizes.count(a.columns(), "column", "columns")
                + " (the layer's inputs)");
        Sizes.columns(gw, "gw", d.columns(), () -> "d has " + Sizes.count(d.columns(), "column", "columns")
                + " (the layer's neurons)");
        Sizes.vector(gb, "gb", d.columns(), () -> "d has " + Sizes.count(d.columns(), "column", "columns")
                + " (the layer's neurons)");
        Sizes.apart(gw, "gw", a, "a");
        Sizes.apart(gw, "gw", d, "d");
    }
}
