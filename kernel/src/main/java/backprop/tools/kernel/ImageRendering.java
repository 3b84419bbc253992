package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Shows a {@link RenderedImage} (e.g. a {@code BufferedImage}) as {@code image/png}, or as JPEG or
 * GIF on request. Used instead of the base library's image renderer, which never closes its
 * Base64 stream and so cuts the last bytes off two PNGs in three.
 */
final class ImageRendering {

    private ImageRendering() {
    }

    static void register(Renderer renderer) {
        renderer.createRegistration(RenderedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_JPEG, MIMEType.IMAGE_GIF)
                .register(ImageRendering::render);
    }

    private static void render(RenderedImage image, RenderContext context) {
        renderAs(image, context, MIMEType.IMAGE_PNG, "png");
        renderAs(image, context, MIMEType.IMAGE_JPEG, "jpeg");
        renderAs(image, context, MIMEType.IMAGE_GIF, "gif");
        if (!context.getOutputContainer().hasDataForType(MIMEType.TEXT_PLAIN)) {
            context.getOutputContainer().putText(image.getClass().getSimpleName()
                    + " " + image.getWidth() + "x" + image.getHeight());
        }
    }

    private static void renderAs(RenderedImage image, RenderContext context, MIMEType type, String format) {
        context.renderIfRequested(type, (requested, out) -> {
            String data = base64(image, format);
            if (data != null) {
                out.putData(requested, data);
            }
        });
    }

    /** The image in the format, Base64-encoded; null if ImageIO cannot write it so. */
    static String base64(RenderedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image as " + format, e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
