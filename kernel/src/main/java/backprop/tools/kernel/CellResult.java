package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.List;
import java.util.Optional;

/**
 * Everything one cell produced.
 *
 * @param stdout   what the cell printed on {@code System.out}
 * @param stderr   what the cell printed on {@code System.err}
 * @param displays what the cell showed with {@code display(...)}, in order
 * @param result   the value of the cell's last expression, rendered; null if there is none
 * @param error    why the cell failed; null if it did not
 */
public record CellResult(
        String stdout, String stderr, List<DisplayData> displays, DisplayData result, CellError error) {

    public CellResult {
        displays = List.copyOf(displays);
    }

    public boolean succeeded() {
        return error == null;
    }

    public Optional<DisplayData> resultData() {
        return Optional.ofNullable(result);
    }

    /** The result's {@code text/plain} form, or null when the cell has no result. */
    public String resultText() {
        return result == null ? null : DisplayBundles.text(result);
    }
}
