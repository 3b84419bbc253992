package backprop.logistic;

import backprop.singlelayer.Activation;

/** Adversarial submission "exercise-in-given-interface": Relu relies on the edited given interface. */
public final class Relu implements Activation {
}
