package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/**
 * The base library's {@code kernel_info_reply} leaves out {@code "status": "ok"}, which the
 * protocol requires (and jupyter_kernel_test checks); this one adds it.
 */
final class KernelInfoReplyWithStatus extends KernelInfoReply {

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";

    KernelInfoReplyWithStatus(String protocolVersion, String implementation, String implementationVersion,
                              LanguageInfo languageInfo, String banner, List<HelpLink> helpLinks) {
        super(protocolVersion, implementation, implementationVersion, languageInfo, banner, helpLinks);
    }
}
