package backprop.tools.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The Jupyter side: the base library speaks the wire protocol, a {@link CellRunner} does the
 * work. Cells are executed here rather than by the base class so that output streams while the
 * cell runs and errors keep the runner's short form.
 */
final class JavaKernel extends BaseKernel {

    static final String IMPLEMENTATION = "backprop-kernel";

    private final CompletableFuture<CellRunner> starting;
    private final CellHistory history;

    private JavaKernel(CompletableFuture<CellRunner> starting, CellHistory history) {
        super(IMPLEMENTATION, Main.version(), languageInfo(), helpLinks(), history,
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, new MagicsRegistry(), false, new StringStyler.Builder().build());
        this.starting = starting;
        this.history = history;
    }

    /**
     * A kernel whose shell is still starting: Jupyter gets its kernel_info reply at once, and the
     * first request that needs the shell waits for it.
     */
    static JavaKernel create(CompletableFuture<CellRunner> starting) {
        return new JavaKernel(starting, new CellHistory());
    }

    private CellRunner runner() {
        return starting.join();
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    private static List<HelpLink> helpLinks() {
        return List.of(new HelpLink("Java 17 API",
                "https://docs.oracle.com/en/java/javase/17/docs/api/index.html"));
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) :: " + IMPLEMENTATION + " " + Main.version()
                + " :: IJava-compatible, kernelspec 'java'";
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        int count = silent ? executionCount.get() : executionCount.getAndIncrement();

        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));

        CellResult result = runCell(request.getCode(), silent ? CellOutput.NONE : new JupyterOutput(env), count);
        if (!silent && request.shouldStoreHistory()) {
            history.add(count, request.getCode(), result.resultText());
        }
        if (result.succeeded()) {
            if (result.result() != null && !silent) {
                env.publish(new PublishExecuteResult(count, result.result()));
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } else {
            CellError error = result.error();
            env.publish(new PublishError(error.ename(), error.evalue(), error.traceback()));
            ErrorReply reply = new ErrorReply(error.ename(), error.evalue(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    private CellResult runCell(String code, CellOutput output, int count) {
        try {
            return runner().run(code, output, "In [" + count + "]");
        } catch (CompletionException e) {
            CellError error = CellError.of("KernelStartError", "JShell did not start: " + e.getCause());
            return new CellResult("", "", List.of(), null, error);
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoReplyWithStatus(Header.PROTOCOL_VERISON, IMPLEMENTATION, Main.version(),
                getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Tail) {
            entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range) {
            HistoryRequest.Range range = (HistoryRequest.Range) request;
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else if (request instanceof HistoryRequest.Search) {
            HistoryRequest.Search search = (HistoryRequest.Search) request;
            if (search.filterUnique()) {
                flags.add(HistoryManager.ResultFlag.UNIQUE);
            }
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else {
            entries = List.of();
        }
        env.reply(new HistoryReplyWithStatus(entries));
    }

    @Override
    public Object evalRaw(String source) {
        CellResult result = runner().run(source);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.error().ename() + ": " + result.error().evalue());
        }
        return result.result();
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return runner().inspect(code, at).map(text -> {
            DisplayData data = new DisplayData();
            data.putText(text);
            return data;
        }).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Completions completions = runner().complete(code, at);
        return new ReplacementOptions(completions.matches(), completions.start(), completions.end());
    }

    @Override
    public String isComplete(String code) {
        Completeness completeness = runner().isComplete(code);
        // The base class reads any other string as "incomplete", with that string as the indent.
        return completeness == Completeness.INCOMPLETE ? "" : completeness.jupyterName();
    }

    @Override
    public void interrupt() {
        starting.thenAccept(CellRunner::interrupt);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        starting.thenAccept(CellRunner::close);
    }
}
