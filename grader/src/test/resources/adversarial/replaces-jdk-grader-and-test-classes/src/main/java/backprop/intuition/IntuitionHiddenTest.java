package backprop.intuition;

/** Pretends to be the hidden test, with no tests in it. */
class IntuitionHiddenTest {
}
