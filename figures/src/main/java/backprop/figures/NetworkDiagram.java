package backprop.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.text.AttributedString;

/**
 * Chapters 2 and 4: the notation of the book drawn as a network. Neuron i of an earlier layer
 * sends its output o_i over the weight w_ij to neuron j, whose net input net_j and output o_j
 * go on over the weights w_jℓ to every neuron ℓ of the next layer (two of them, ℓ and ℓ'); the
 * deltas delta_ℓ come back the other way. Drawn with Java2D; needs no course classes. The
 * letters are large, so that the figure stays readable when a phone shrinks it to a third.
 */
public final class NetworkDiagram {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 660;
    private static final int R = 30;
    private static final int[] COLUMN = {170, 480, 790};
    private static final Color FORWARD = new Color(31, 119, 180);
    private static final Color BACKWARD = new Color(214, 90, 20);
    private static final Color LIGHT = new Color(200, 200, 200);
    private static final String SIGMA = "\u03a3";
    private static final String PHI = "\u03c6";
    private static final String DELTA = "\u03b4";
    private static final String PARTIAL = "\u2202";
    /** The script l of the book's math, and a prime for the second neuron of the next layer. */
    private static final String ELL = "\u2113";
    private static final String PRIME = "\u2032";
    private static final String[] NEXT = {ELL, ELL + PRIME};

    private NetworkDiagram() {
    }

    /** The diagram as an image. */
    public static BufferedImage image() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        int[][] y = {{140, 250, 360}, {140, 250, 360}, {195, 305}};
        int i = 1;
        int j = 1;

        // every connection, thin and grey
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(LIGHT);
        for (int c = 0; c < 2; c++) {
            for (int a : y[c]) {
                for (int b : y[c + 1]) {
                    g.draw(new Line2D.Double(COLUMN[c] + R, a, COLUMN[c + 1] - R, b));
                }
            }
        }
        // w_ij: from neuron i to neuron j
        g.setStroke(new BasicStroke(3.5f));
        g.setColor(FORWARD);
        g.draw(new Line2D.Double(COLUMN[0] + R, y[0][i], COLUMN[1] - R, y[1][j]));
        text(g, "w_ij", (COLUMN[0] + COLUMN[1]) / 2 - 22, y[0][i] - 16, 30, FORWARD, true, true);
        // w_jl: from neuron j to every neuron l
        g.setColor(BACKWARD);
        for (int b : y[2]) {
            g.draw(new Line2D.Double(COLUMN[1] + R, y[1][j], COLUMN[2] - R, b));
        }
        text(g, "w_j" + ELL, (COLUMN[1] + COLUMN[2]) / 2 - 14, y[1][j] - 40, 30, BACKWARD, true, true);

        // the neurons
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < y[c].length; k++) {
                boolean marked = (c == 0 && k == i) || (c == 1 && k == j) || c == 2;
                neuron(g, COLUMN[c], y[c][k], marked ? (c == 2 ? BACKWARD : FORWARD) : Color.GRAY, marked);
            }
        }
        text(g, "i", COLUMN[0] - 6, y[0][i] + 10, 30, Color.BLACK, true);
        text(g, "j", COLUMN[1] - 6, y[1][j] + 10, 30, Color.BLACK, true);
        for (int k = 0; k < y[2].length; k++) {
            text(g, NEXT[k], COLUMN[2] - 9, y[2][k] + 10, 30, Color.BLACK, true);
        }
        // what each marked neuron holds
        text(g, "o_i", COLUMN[0] - 95, y[0][i] + 10, 30, FORWARD, false);
        text(g, "net_j, o_j", COLUMN[1] - 62, y[1][j] - 44, 28, FORWARD, false, true);
        text(g, DELTA + "_j", COLUMN[1] + 36, y[1][j] + 50, 30, BACKWARD, false, true);
        for (int k = 0; k < y[2].length; k++) {
            text(g, DELTA + "_" + NEXT[k], COLUMN[2] + 42, y[2][k] + 10, 30, BACKWARD, false);
        }

        // column headings
        Font heading = new Font(Font.SANS_SERIF, Font.BOLD, 22);
        g.setFont(heading);
        g.setColor(Color.DARK_GRAY);
        centre(g, "earlier layer", COLUMN[0], 60);
        centre(g, "layer of neuron j", COLUMN[1], 60);
        centre(g, "next layer (all " + ELL + " \u2208 L)", COLUMN[2], 60);

        // direction arrows
        arrow(g, COLUMN[0], 415, COLUMN[2], 415, FORWARD);
        text(g, "forward: outputs o flow to the right", COLUMN[0] + 110, 446, 22, FORWARD, false);
        arrow(g, COLUMN[2], 465, COLUMN[0], 465, BACKWARD);
        text(g, "backward: deltas " + DELTA + " flow to the left", COLUMN[0] + 110, 496, 22, BACKWARD, false);

        // the formulas
        int x = 60;
        text(g, "net_j = " + SIGMA + "_i w_ij o_i + b_j,   o_j = " + PHI + "(net_j)", x, 548, 26,
                FORWARD, false);
        text(g, DELTA + "_j = (" + SIGMA + "_" + ELL + " w_j" + ELL + " " + DELTA + "_" + ELL + ") " + PHI + PRIME
                + "(net_j)", x, 588, 26, BACKWARD, false);
        text(g, PARTIAL + "E/" + PARTIAL + "w_ij = o_i " + DELTA + "_j", x, 628, 26, Color.BLACK, false);
        text(g, "(4.1)", 760, 548, 24, Color.DARK_GRAY, false);
        text(g, "(4.5)", 760, 588, 24, Color.DARK_GRAY, false);
        text(g, "(4.6)", 760, 628, 24, Color.DARK_GRAY, false);
        g.dispose();
        return image;
    }

    /** Letters, digits and the prime belong to a subscript. */
    private static boolean subscript(char c) {
        return Character.isLetterOrDigit(c) || c == '\u2032';
    }

    private static void neuron(Graphics2D g, int x, int y, Color colour, boolean marked) {
        Ellipse2D circle = new Ellipse2D.Double(x - R, y - R, 2 * R, 2 * R);
        g.setColor(marked ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40) : Color.WHITE);
        g.fill(circle);
        g.setColor(colour);
        g.setStroke(new BasicStroke(marked ? 3f : 1.5f));
        g.draw(circle);
    }

    private static void arrow(Graphics2D g, int x1, int y1, int x2, int y2, Color colour) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        double dir = Math.signum(x2 - x1);
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - dir * 14, y2 - 7);
        head.lineTo(x2 - dir * 14, y2 + 7);
        head.closePath();
        g.fill(head);
    }

    private static void centre(Graphics2D g, String s, int x, int y) {
        g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, y);
    }

    /**
     * Draws text in which {@code _abc} (letters and digits after an underscore) is a subscript:
     * "w_ij" shows w with the subscript ij.
     */
    static void text(Graphics2D g, String s, int x, int y, int size, Color colour, boolean italic) {
        text(g, s, x, y, size, colour, italic, false);
    }

    /** Like {@link #text(Graphics2D, String, int, int, int, Color, boolean)}, on a white box if asked. */
    static void text(Graphics2D g, String s, int x, int y, int size, Color colour, boolean italic,
            boolean background) {
        StringBuilder plain = new StringBuilder();
        java.util.List<int[]> subs = new java.util.ArrayList<>();
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch == '_' && k + 1 < s.length() && subscript(s.charAt(k + 1))) {
                int start = plain.length();
                k++;
                while (k < s.length() && subscript(s.charAt(k))) {
                    plain.append(s.charAt(k));
                    k++;
                }
                k--;
                subs.add(new int[] {start, plain.length()});
            } else {
                plain.append(ch);
            }
        }
        if (plain.length() == 0) {
            return;
        }
        AttributedString text = new AttributedString(plain.toString());
        text.addAttribute(TextAttribute.FAMILY, Font.SERIF);
        text.addAttribute(TextAttribute.SIZE, (float) size);
        if (italic) {
            text.addAttribute(TextAttribute.POSTURE, TextAttribute.POSTURE_OBLIQUE);
        }
        text.addAttribute(TextAttribute.FOREGROUND, colour);
        for (int[] sub : subs) {
            // Java's subscript is two thirds of the size: from a size 1.15 times larger it ends up
            // at three quarters, readable when the figure is shrunk
            text.addAttribute(TextAttribute.SIZE, size * 1.15f, sub[0], sub[1]);
            text.addAttribute(TextAttribute.SUPERSCRIPT, TextAttribute.SUPERSCRIPT_SUB, sub[0], sub[1]);
        }
        TextLayout layout = new TextLayout(text.getIterator(), g.getFontRenderContext());
        if (background) {
            java.awt.geom.Rectangle2D box = layout.getBounds();
            g.setColor(Color.WHITE);
            g.fill(new java.awt.geom.RoundRectangle2D.Double(x + box.getX() - 4, y + box.getY() - 3,
                    box.getWidth() + 8, box.getHeight() + 6, 6, 6));
        }
        layout.draw(g, x, y);
    }
}
