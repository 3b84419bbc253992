package backprop.singlelayer;

/**
 * An activation function phi of chapter 2, with its derivative phi'. Given code.
 *
 * <p>A neuron passes its net input through phi to get its output, Eq. (2.2):
 * {@code o = phi(net)}. The chain rule needs phi', Eq. (2.5): {@code do/dnet = phi'(net)}.
 * Both methods take the net input z, never the output.
 */
// tag::activation[]
public interface Activation {

    /** phi(z), the output for the net input {@code z}. */
    double value(double z);

    /** phi'(z), the slope of phi at the net input {@code z} (not at the output). */
    double derivative(double z);
}
// end::activation[]
