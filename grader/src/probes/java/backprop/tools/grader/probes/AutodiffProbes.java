package backprop.tools.grader.probes;

import static backprop.tools.grader.probes.Probe.close;
import static backprop.tools.grader.probes.Probe.mistake;
import static backprop.tools.grader.probes.Probe.s;

import backprop.autodiff.Graph;
import backprop.autodiff.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Probes of chapter 7. The graphs are built with the given {@code Value.node}, so they do not
 * depend on the student's operations, and the probe runs its own backward pass, right and with
 * each classic mistake, over its own topological order.
 */
class AutodiffProbes {

    /** The probe's own topological order: inputs first, by a depth-first walk. */
    static List<Value> order(Value output) {
        List<Value> order = new ArrayList<>();
        visit(output, new HashSet<>(), order);
        return order;
    }

    private static void visit(Value v, Set<Value> seen, List<Value> order) {
        if (seen.add(v)) {
            for (Value u : v.inputs()) {
                visit(u, seen, order);
            }
            order.add(v);
        }
    }

    /**
     * The probe's backward pass over {@code grad} (the gradients before the pass), with the
     * mistakes switched on or off; returns the gradients after it.
     */
    static Map<Value, Double> backward(Value output, Map<Value, Double> before, boolean accumulate, boolean reverse,
            boolean reset) {
        List<Value> order = order(output);
        Map<Value, Double> g = new IdentityHashMap<>(before);
        for (Value v : order) {
            g.put(v, reset ? 0.0 : g.getOrDefault(v, 0.0));
        }
        g.put(output, 1.0);
        for (int step = 0; step < order.size(); step++) {
            Value v = order.get(reverse ? order.size() - 1 - step : step);
            for (int i = 0; i < v.inputs().size(); i++) {
                Value u = v.inputs().get(i);
                double term = g.get(v) * v.localDerivative(i);
                g.put(u, accumulate ? g.get(u) + term : term);
            }
        }
        return g;
    }

    static Map<Value, Double> right(Value output, Map<Value, Double> before) {
        return backward(output, before, true, true, true);
    }

    static boolean matches(Map<Value, Double> expected, Value... nodes) {
        for (Value v : nodes) {
            if (!close(v.gradient(), expected.get(v))) {
                return false;
            }
        }
        return true;
    }

    /** x = 3 used three times: out = x x + x, so d out/dx = 7. */
    static Value[] usedThrice() {
        Value x = new Value(3, "x");
        Value sq = Value.node("*", 9, List.of(x, x), 3, 3);
        Value out = Value.node("+", 12, List.of(sq, x), 1, 1);
        return new Value[] {x, sq, out};
    }

    @Test
    @Tag("ex7.5")
    void accumulates() {
        Value[] n = usedThrice();
        Graph.backward(n[2]);
        Map<Value, Double> right = right(n[2], Map.of());
        Map<Value, Double> assigned = backward(n[2], Map.of(), false, true, true);
        mistake("gradient-assigned", matches(assigned, n[0]), matches(right, n[0]), "in x x + x at x = 3 your backward pass gives dE/dx = "
                + s(n[0].gradient()) + ", one use of x only; adding a term for each of its three uses gives " + s(right.get(n[0])) + ".");
    }

    @Test
    @Tag("ex7.5")
    void order() {
        Value x = new Value(1, "x");
        Value u = Value.node("u", 1, List.of(x), 2);
        Value v = Value.node("v", 1, List.of(u), 3);
        Value w = Value.node("w", 1, List.of(v), 4);
        Graph.backward(w);
        Map<Value, Double> right = right(w, Map.of());
        Map<Value, Double> forward = backward(w, Map.of(), true, false, true);
        mistake("backward-wrong-order", matches(forward, x, u, v), matches(right, x, u, v), "on the chain x -> u -> v -> w with the local derivatives 2, 3, 4 your gradients of (x, u, v) are "
                + s(new double[] {x.gradient(), u.gradient(), v.gradient()}) + ", as if the nodes were visited inputs first; from the output back they are "
                + s(new double[] {right.get(x), right.get(u), right.get(v)}) + ".");
    }

    @Test
    @Tag("ex7.5")
    void resets() {
        Value[] n = usedThrice();
        Graph.backward(n[2]);
        Graph.backward(n[2]);
        Map<Value, Double> right = right(n[2], Map.of());
        Map<Value, Double> once = backward(n[2], Map.of(), true, true, false);
        Map<Value, Double> twice = backward(n[2], once, true, true, false);
        mistake("gradients-not-reset", matches(twice, n[0], n[1]), matches(right, n[0], n[1]), "after two backward passes over x x + x at x = 3, dE/dx is "
                + s(n[0].gradient()) + ": the second pass added to the gradients of the first; starting from 0 it is " + s(right.get(n[0])) + ".");
    }

    @Test
    @Tag("ex7.1")
    void productDerivative() {
        Value x = new Value(2, "x");
        Value y = new Value(5, "y");
        Value p = x.multiply(y);
        double dx = p.localDerivative(0);
        double dy = p.localDerivative(1);
        boolean right = close(dx, 5) && close(dy, 2);
        boolean own = close(dx, 2) && close(dy, 5);
        boolean product = close(dx, 10) && close(dy, 10);
        mistake("product-own-value", own || product, right, "for x = 2, y = 5 the product node's local derivatives (d/dx, d/dy) are "
                + s(new double[] {dx, dy}) + "; each factor's derivative is the OTHER factor: d(xy)/dx = y = 5, d(xy)/dy = x = 2.");
    }
}
