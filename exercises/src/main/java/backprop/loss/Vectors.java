package backprop.loss;

import backprop.common.Require;
import java.util.List;

/**
 * Input checks shared by the losses of chapter 5. Given code: students do not write it.
 */
final class Vectors {

    private Vectors() {
    }

    /** Output and target must be non-empty, finite and of the same length. */
    static void check(double[] output, String outputName, double[] target, String targetName) {
        Require.sameLength(output, outputName, target, targetName);
        if (output.length == 0) {
            throw new IllegalArgumentException(outputName + " is empty; it needs at least one entry");
        }
        Require.finite(output, outputName);
        Require.finite(target, targetName);
    }

    /** Output and target of one example. */
    static void check(double[] output, double[] target) {
        check(output, "output", target, "target");
    }

    /**
     * A batch: a loss and as many outputs as targets, at least one, each pair checked as by
     * {@link #check(double[], String, double[], String)}.
     */
    static void checkBatch(Loss loss, List<double[]> outputs, List<double[]> targets) {
        Require.notNull(loss, "loss");
        Require.nonEmpty(outputs, "outputs");
        Require.nonEmpty(targets, "targets");
        if (outputs.size() != targets.size()) {
            throw new IllegalArgumentException("outputs has " + examples(outputs.size())
                    + " but targets has " + targets.size());
        }
        for (int x = 0; x < outputs.size(); x++) {
            check(outputs.get(x), "outputs[" + x + "]", targets.get(x), "targets[" + x + "]");
        }
    }

    private static String examples(int n) {
        return n + (n == 1 ? " example" : " examples");
    }
}
