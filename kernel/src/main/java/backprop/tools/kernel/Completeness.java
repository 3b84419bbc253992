package backprop.tools.kernel;

/** The answer to Jupyter's {@code is_complete_request}. */
public enum Completeness {
    /** Ready to run. */
    COMPLETE("complete"),
    /** Valid so far, but more lines are needed (an open brace, a trailing operator). */
    INCOMPLETE("incomplete"),
    /** Cannot become valid Java by adding lines (a syntax error). */
    INVALID("invalid");

    private final String jupyterName;

    Completeness(String jupyterName) {
        this.jupyterName = jupyterName;
    }

    /** The status word of the Jupyter protocol. */
    public String jupyterName() {
        return jupyterName;
    }
}
