package backprop.singlelayer;

import backprop.common.Require;

/**
 * One training example of chapter 2: the inputs {@code x_1 .. x_n} and the correct output t.
 * Given code.
 *
 * @param inputs the inputs x_k, at least one, all finite (copied)
 * @param target the correct output t
 */
// tag::given[]
public record Example(double[] inputs, double target) {

    public Example {
        inputs = Require.finite(inputs, "inputs").clone();
        if (inputs.length == 0) {
            throw new IllegalArgumentException("inputs is empty; an example needs at least one input");
        }
        Require.finite(target, "target");
    }
// end::given[]

    /** A copy of the inputs. */
    @Override
    public double[] inputs() {
        return inputs.clone();
    }
}
