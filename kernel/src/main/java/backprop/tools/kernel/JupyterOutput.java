package backprop.tools.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

/** A cell's output as it comes, published on the IOPub channel of the request being answered. */
final class JupyterOutput implements CellOutput {

    private final ShellReplyEnvironment env;

    JupyterOutput(ShellReplyEnvironment env) {
        this.env = env;
    }

    @Override
    public void stdout(String text) {
        env.publish(new PublishStream(PublishStream.StreamType.OUT, text));
    }

    @Override
    public void stderr(String text) {
        env.publish(new PublishStream(PublishStream.StreamType.ERR, text));
    }

    @Override
    public void display(DisplayData data) {
        env.publish(new PublishDisplayData(data));
    }

    @Override
    public void updateDisplay(DisplayData data) {
        env.publish(new PublishUpdateDisplayData(data));
    }
}
