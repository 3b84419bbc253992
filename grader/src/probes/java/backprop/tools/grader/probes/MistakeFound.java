package backprop.tools.grader.probes;

/**
 * What a probe throws when the student's numbers match a classic mistake. The grader reads a
 * diagnosis only from a failure whose class is this one: student code can neither name nor
 * throw it (it lies outside the course packages), so no message or output a student writes
 * can pass for a diagnosis.
 */
public final class MistakeFound extends AssertionError {

    private static final long serialVersionUID = 1L;

    MistakeFound(String id, String evidence) {
        super("MISTAKE[" + id + "] " + evidence);
    }
}
