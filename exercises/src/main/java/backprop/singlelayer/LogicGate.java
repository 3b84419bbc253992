package backprop.singlelayer;

import java.util.List;

/**
 * Three logic gates as training sets: the four rows of the truth table, inputs and target 0 or 1.
 * Given code.
 *
 * <p>AND and OR are linearly separable, so one neuron can learn them; XOR is not.
 */
public enum LogicGate {
    /** 1 only when both inputs are 1. */
    AND(0, 0, 0, 1),
    /** 1 when at least one input is 1. */
    OR(0, 1, 1, 1),
    /** 1 when exactly one input is 1. */
    XOR(0, 1, 1, 0);

    private final double[] targets;

    LogicGate(double t00, double t01, double t10, double t11) {
        this.targets = new double[] {t00, t01, t10, t11};
    }

    /** The truth table in the order (0, 0), (0, 1), (1, 0), (1, 1). */
    public List<Example> examples() {
        return List.of(
                new Example(new double[] {0, 0}, targets[0]),
                new Example(new double[] {0, 1}, targets[1]),
                new Example(new double[] {1, 0}, targets[2]),
                new Example(new double[] {1, 1}, targets[3]));
    }
}
