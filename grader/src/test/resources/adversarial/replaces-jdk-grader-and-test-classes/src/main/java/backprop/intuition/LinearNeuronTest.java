package backprop.intuition;

class LinearNeuronTest {
}
