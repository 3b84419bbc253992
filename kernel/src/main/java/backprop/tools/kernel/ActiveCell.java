package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;

/**
 * The bridge between code in a cell and the {@link CellRunner} running it. User code runs in
 * this JVM (JShell local execution), in a class loader whose parent is the system class loader,
 * so it sees this class and its static state. Public only because JShell code calls it; not an
 * API for notebooks ({@link Display} is).
 */
public final class ActiveCell {

    private static final Object LOCK = new Object();
    private static Renderer renderer;
    private static CellOutput output;
    private static Set<String> displayIds;
    private static Object capturedResult;

    private ActiveCell() {
    }

    static void begin(Renderer cellRenderer, CellOutput cellOutput) {
        synchronized (LOCK) {
            renderer = cellRenderer;
            output = cellOutput;
            displayIds = Collections.newSetFromMap(new IdentityHashMap<>());
            capturedResult = null;
        }
    }

    static void end() {
        synchronized (LOCK) {
            renderer = null;
            output = null;
            displayIds = null;
            capturedResult = null;
        }
    }

    /** Called by the code the runner adds after a cell's last expression; not for notebooks. */
    public static void captureResult(Object value) {
        synchronized (LOCK) {
            capturedResult = value;
        }
    }

    static Object takeCapturedResult() {
        synchronized (LOCK) {
            Object value = capturedResult;
            capturedResult = null;
            return value;
        }
    }

    /** True if the value is the very id string that {@code display(...)} returned in this cell. */
    static boolean isDisplayId(Object value) {
        synchronized (LOCK) {
            return displayIds != null && value instanceof String && displayIds.contains(value);
        }
    }

    static Renderer renderer() {
        synchronized (LOCK) {
            if (renderer == null) {
                throw new IllegalStateException("display functions work only while a cell runs");
            }
            return renderer;
        }
    }

    static String show(DisplayData data) {
        String id = UUID.randomUUID().toString();
        DisplayData shown = DisplayBundles.copy(data);
        shown.setDisplayId(id);
        CellOutput target;
        synchronized (LOCK) {
            target = requireOutput();
            displayIds.add(id);
        }
        target.display(shown);
        return id;
    }

    static void update(String id, DisplayData data) {
        DisplayData shown = DisplayBundles.copy(data);
        shown.setDisplayId(id);
        CellOutput target;
        synchronized (LOCK) {
            target = requireOutput();
        }
        target.updateDisplay(shown);
    }

    private static CellOutput requireOutput() {
        if (output == null) {
            throw new IllegalStateException("display functions work only while a cell runs");
        }
        return output;
    }
}
