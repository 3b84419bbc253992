package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The functions a notebook calls without a prefix, as in IJava: every cell starts with
 * {@code import static backprop.tools.kernel.Display.*;}.
 * <pre>
 * display(image);                       // shows a java.awt.image.RenderedImage as image/png
 * display(html("&lt;b&gt;bold&lt;/b&gt;"));          // shows text/html
 * render(table, "text/html")            // as a cell's last expression: its result as HTML
 * String id = display("step 1"); updateDisplay(id, "step 2");
 * </pre>
 */
public final class Display {

    private Display() {
    }

    /** Shows the value below the cell and returns its display id. */
    public static String display(Object value) {
        return ActiveCell.show(render(value));
    }

    /** Shows the value in the given MIME types (e.g. {@code "text/html"}), returns its display id. */
    public static String display(Object value, String... mimeTypes) {
        return ActiveCell.show(render(value, mimeTypes));
    }

    /** Replaces what an earlier {@code display} with this id showed. */
    public static void updateDisplay(String displayId, Object value) {
        ActiveCell.update(displayId, render(value));
    }

    public static void updateDisplay(String displayId, Object value, String... mimeTypes) {
        ActiveCell.update(displayId, render(value, mimeTypes));
    }

    /** The value as a MIME bundle; as a cell's last expression it becomes the cell's result. */
    public static DisplayData render(Object value) {
        if (value instanceof DisplayData) {
            return (DisplayData) value;
        }
        if (value == null) {
            return new DisplayData("null");
        }
        return ActiveCell.renderer().render(value);
    }

    /** The value as a MIME bundle in the given types, e.g. {@code render(image, "image/png")}. */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (value instanceof DisplayData || value == null || mimeTypes.length == 0) {
            return render(value);
        }
        return ActiveCell.renderer().renderAs(value, mimeTypes);
    }

    /** HTML to show with {@code display(html(...))} or as a cell's result. */
    public static DisplayData html(String html) {
        return DisplayBundles.html(html);
    }

    /** Markdown to show with {@code display(markdown(...))} or as a cell's result. */
    public static DisplayData markdown(String markdown) {
        return DisplayBundles.markdown(markdown);
    }
}
