package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** Small helpers around the base library's {@link DisplayData} (a MIME bundle). */
final class DisplayBundles {

    private DisplayBundles() {
    }

    static DisplayData html(String html) {
        DisplayData data = new DisplayData();
        data.putHTML(html);
        data.putText(html);
        return data;
    }

    static DisplayData markdown(String markdown) {
        DisplayData data = new DisplayData();
        data.putMarkdown(markdown);
        data.putText(markdown);
        return data;
    }

    /** The bundle's {@code text/plain} entry, or null. */
    static String text(DisplayData data) {
        Object text = data.getData(MIMEType.TEXT_PLAIN);
        return text == null ? null : text.toString();
    }

    /** A copy, so that setting a display id on it leaves the caller's bundle alone. */
    static DisplayData copy(DisplayData data) {
        return new DisplayData(data);
    }
}
