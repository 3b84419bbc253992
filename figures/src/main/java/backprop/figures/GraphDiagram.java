package backprop.figures;

import backprop.autodiff.Graph;
import backprop.autodiff.Value;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 7: a computational graph of {@code backprop.autodiff.Value} nodes drawn in layers with
 * Java2D. A node's column is the length of the longest path from a leaf to it, so every edge
 * points to the right; each box shows the operation (or a leaf's name), the value and the
 * gradient, each edge its local derivative. Works on any graph from the classpath (the reference
 * code in the book, the student's code in a notebook).
 */
public final class GraphDiagram {

    private static final int COLUMN_WIDTH = 230;
    private static final int ROW_HEIGHT = 120;
    private static final int BOX_WIDTH = 150;
    private static final int BOX_HEIGHT = 66;
    private static final int MARGIN = 40;
    private static final Color LEAF = new Color(31, 119, 180);
    private static final Color NODE = new Color(90, 90, 90);
    private static final Color GRADIENT = new Color(214, 90, 20);

    private GraphDiagram() {
    }

    /**
     * The chapter's worked example, {@code f = x y + tanh(x)} at x = 0.5, y = 2, after its backward pass.
     */
    public static BufferedImage workedExample() {
        Value x = new Value(0.5, "x");
        Value y = new Value(2, "y");
        Value f = x.multiply(y).add(x.tanh());
        Graph.backward(f);
        return image(f);
    }

    /** The graph that computed {@code output}, with the values and gradients the nodes hold now. */
    public static BufferedImage image(Value output) {
        List<Value> nodes = new ArrayList<>();
        Map<Value, Integer> column = new IdentityHashMap<>();
        place(output, column, nodes);
        int columns = 0;
        for (Value v : nodes) {
            columns = Math.max(columns, column.get(v) + 1);
        }
        List<List<Value>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            byColumn.add(new ArrayList<>());
        }
        for (Value v : nodes) {
            byColumn.get(column.get(v)).add(v);
        }
        int rows = 1;
        for (List<Value> c : byColumn) {
            rows = Math.max(rows, c.size());
        }
        int width = Math.max(760, 2 * MARGIN + (columns - 1) * COLUMN_WIDTH + BOX_WIDTH);
        int height = 2 * MARGIN + (rows - 1) * ROW_HEIGHT + BOX_HEIGHT + 30;
        Map<Value, double[]> at = new IdentityHashMap<>();
        for (int c = 0; c < columns; c++) {
            List<Value> col = byColumn.get(c);
            double top = MARGIN + (rows - col.size()) * ROW_HEIGHT / 2.0;
            for (int r = 0; r < col.size(); r++) {
                at.put(col.get(r), new double[] {MARGIN + c * COLUMN_WIDTH, top + r * ROW_HEIGHT});
            }
        }

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        for (Value v : nodes) {
            for (int k = 0; k < v.inputs().size(); k++) {
                edge(g, at.get(v.inputs().get(k)), at.get(v), "\u2202 " + Values.number(v.localDerivative(k)), small,
                        k - (v.inputs().size() - 1) / 2.0);
            }
        }
        for (Value v : nodes) {
            box(g, v, at.get(v));
        }
        g.setFont(small);
        g.setColor(Color.DARK_GRAY);
        g.drawString("box: operation = value, and (orange) d output / d node;  arrow: local derivative",
                MARGIN, height - 14);
        g.dispose();
        return image;
    }

    /** Columns by the longest path from a leaf; nodes listed inputs first. */
    private static int place(Value v, Map<Value, Integer> column, List<Value> nodes) {
        Integer known = column.get(v);
        if (known != null) {
            return known;
        }
        int c = 0;
        for (Value u : v.inputs()) {
            c = Math.max(c, place(u, column, nodes) + 1);
        }
        column.put(v, c);
        nodes.add(v);
        return c;
    }

    private static void box(Graphics2D g, Value v, double[] p) {
        boolean leaf = v.isLeaf();
        RoundRectangle2D r = new RoundRectangle2D.Double(p[0], p[1], BOX_WIDTH, BOX_HEIGHT, 14, 14);
        g.setColor(leaf ? new Color(225, 238, 250) : new Color(240, 240, 240));
        g.fill(r);
        g.setColor(leaf ? LEAF : NODE);
        g.setStroke(new BasicStroke(2f));
        g.draw(r);
        String name = v.operation().isEmpty() ? "constant" : v.operation();
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        centre(g, name + " = " + Values.number(v.data()), p[0] + BOX_WIDTH / 2.0, p[1] + 26);
        g.setColor(GRADIENT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        centre(g, "grad " + Values.number(v.gradient()), p[0] + BOX_WIDTH / 2.0, p[1] + 50);
    }

    private static void edge(Graphics2D g, double[] from, double[] to, String label, Font font, double offset) {
        double x1 = from[0] + BOX_WIDTH;
        double y1 = from[1] + BOX_HEIGHT / 2.0;
        double x2 = to[0];
        double y2 = to[1] + BOX_HEIGHT / 2.0 + offset * 14;
        g.setColor(new Color(150, 150, 150));
        g.setStroke(new BasicStroke(1.6f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        double a = Math.atan2(y2 - y1, x2 - x1);
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - 12 * Math.cos(a - 0.35), y2 - 12 * Math.sin(a - 0.35));
        head.lineTo(x2 - 12 * Math.cos(a + 0.35), y2 - 12 * Math.sin(a + 0.35));
        head.closePath();
        g.fill(head);
        g.setFont(font);
        FontMetrics m = g.getFontMetrics();
        double t = 0.72;
        double lx = x1 + t * (x2 - x1);
        double ly = y1 + t * (y2 - y1) - 6;
        int w = m.stringWidth(label);
        g.setColor(Color.WHITE);
        g.fillRect((int) (lx - w / 2.0) - 2, (int) ly - m.getAscent(), w + 4, m.getHeight());
        g.setColor(Color.BLACK);
        g.drawString(label, (float) (lx - w / 2.0), (float) ly);
    }

    private static void centre(Graphics2D g, String s, double x, double y) {
        g.drawString(s, (float) (x - g.getFontMetrics().stringWidth(s) / 2.0), (float) y);
    }
}
