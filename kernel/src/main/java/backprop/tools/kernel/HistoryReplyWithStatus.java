package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code history_reply} as the protocol has it: {@code "status": "ok"} and each entry a
 * {@code [session, line, input]} or {@code [session, line, [input, output]]} array. (The base
 * library's reply lacks the status, and its entries reach the wire as objects.)
 */
final class HistoryReplyWithStatus implements ContentType<HistoryReplyWithStatus> {

    @SuppressWarnings("unchecked")
    private static final MessageType<HistoryReplyWithStatus> TYPE =
            (MessageType<HistoryReplyWithStatus>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";
    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // serialized by Gson
    private final List<List<Object>> history;

    HistoryReplyWithStatus(List<HistoryEntry> entries) {
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryEntry entry : entries) {
            Object input = entry.hasOutput() ? List.of(entry.getInput(), entry.getOutput()) : entry.getInput();
            rows.add(List.of(entry.getSession(), entry.getCellNumber(), input));
        }
        this.history = rows;
    }

    @Override
    public MessageType<HistoryReplyWithStatus> getType() {
        return TYPE;
    }
}
