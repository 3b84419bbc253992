package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.List;

/** Keeps a cell's output for its {@link CellResult}, and passes it on as it comes. */
final class CollectingOutput implements CellOutput {

    private final CellOutput next;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private final List<DisplayData> displays = new ArrayList<>();

    CollectingOutput(CellOutput next) {
        this.next = next;
    }

    @Override
    public synchronized void stdout(String text) {
        stdout.append(text);
        next.stdout(text);
    }

    @Override
    public synchronized void stderr(String text) {
        stderr.append(text);
        next.stderr(text);
    }

    @Override
    public synchronized void display(DisplayData data) {
        displays.add(data);
        next.display(data);
    }

    @Override
    public synchronized void updateDisplay(DisplayData data) {
        displays.add(data);
        next.updateDisplay(data);
    }

    synchronized CellResult toResult(DisplayData result, CellError error) {
        return new CellResult(stdout.toString(), stderr.toString(), displays, result, error);
    }
}
