package backprop.trainer;

import java.util.Arrays;

/** Medians and the arithmetic of an epoch. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /**
     * The floating-point operations of one epoch of the matrix code, counting a multiply-add as
     * two: per example the forward products {@code 2 sum_l n_(l-1) n_l}, the inner deltas
     * {@code 2 sum_(l>1) n_(l-1) n_l}, the weight gradients {@code 2 sum_l n_(l-1) n_l}, and about
     * four operations per neuron for activations, deltas and bias gradients; per batch the update
     * {@code 2 sum_l (n_(l-1) + 1) n_l}.
     */
    static double flopsPerEpoch(int[] sizes, int examples, int batch) {
        double perExample = 0;
        double perBatch = 0;
        for (int l = 1; l < sizes.length; l++) {
            double products = (double) sizes[l - 1] * sizes[l];
            perExample += 2 * products + 2 * products + 4.0 * sizes[l];
            if (l > 1) {
                perExample += 2 * products;
            }
            perBatch += 2 * (products + sizes[l]);
        }
        int batches = (examples + batch - 1) / batch;
        return perExample * examples + perBatch * batches;
    }
}
