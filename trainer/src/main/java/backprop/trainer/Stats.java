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

    /**
     * One core's multiply-add peak in GFLOP/s as Java reaches it: {@code y[k] += a x[k]} over
     * arrays that stay in the first-level cache, which the JIT turns into vector fused
     * multiply-adds; the best of several CPU-timed rounds.
     */
    static double peakGflops() {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 1024;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = 1e-3 * k;
        }
        double best = 0;
        for (int round = 0; round < 15; round++) {
            int reps = 20_000;
            long c0 = cpu.getCurrentThreadCpuTime();
            for (int r = 0; r < reps; r++) {
                double a = r % 2 == 0 ? 1e-9 : -1e-9;
                for (int k = 0; k < n; k++) {
                    y[k] += a * x[k];
                }
            }
            double s = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
            best = Math.max(best, 2.0 * n * reps / s / 1e9);
        }
        if (y[n - 1] > 1) {
            throw new IllegalStateException("impossible: " + y[n - 1]);
        }
        return best;
    }
}
