package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Where a running cell's output goes while it runs: to Jupyter's IOPub channel in the kernel,
 * to lists in tests. Called from the thread that runs user code.
 */
public interface CellOutput {

    void stdout(String text);

    void stderr(String text);

    void display(DisplayData data);

    /** Replaces an earlier display that has the same display id. */
    void updateDisplay(DisplayData data);

    /** Drops everything. */
    CellOutput NONE = new CellOutput() {
        @Override
        public void stdout(String text) {
        }

        @Override
        public void stderr(String text) {
        }

        @Override
        public void display(DisplayData data) {
        }

        @Override
        public void updateDisplay(DisplayData data) {
        }
    };
}
