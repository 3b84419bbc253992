package backprop.logistic;

/** Declared so that Relu.Spy compiles; at run time its super class would be the course's visible test. */
class ReluTest {
}
