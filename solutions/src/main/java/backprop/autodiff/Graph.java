package backprop.autodiff;

import backprop.common.Require;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reverse-mode automatic differentiation on a graph of {@link Value} nodes, chapter 7: the
 * topological order of the graph and the backward pass.
 */
public final class Graph {

    private Graph() {
    }

    /**
     * Exercise 7.4 of chapter 7: the nodes of the graph that computed {@code output}, in
     * topological order.
     *
     * <p>Every node the output depends on appears exactly once (even when it is used twice), each
     * node after all of its inputs, and the output last. Nodes are the same when they are the same
     * object: {@code Value} does not override {@code equals}, so a {@code HashSet<Value>} works.
     *
     * @param output the node at the end of the graph
     * @return the nodes, inputs first, {@code output} last
     */
    // tag::topologicalOrder[]
    public static List<Value> topologicalOrder(Value output) {
        Require.notNull(output, "output");
        // BEGIN SOLUTION
        List<Value> order = new ArrayList<>();
        Set<Value> visited = new HashSet<>();
        // the walk keeps its own stack, so a chain deeper than the JVM's call stack is no problem:
        // path holds the nodes whose inputs are being visited, next their inputs still to visit
        Deque<Value> path = new ArrayDeque<>();
        Deque<Iterator<Value>> next = new ArrayDeque<>();
        visited.add(output);
        path.push(output);
        next.push(output.inputs().iterator());
        while (!path.isEmpty()) {
            Iterator<Value> inputs = next.peek();
            if (inputs.hasNext()) {
                Value u = inputs.next();
                if (visited.add(u)) {
                    path.push(u);
                    next.push(u.inputs().iterator());
                }
            } else {
                next.pop();
                // all inputs of the node are in the order: it may follow
                order.add(path.pop());
            }
        }
        return order;
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.4: list every node once, each after its inputs and the output last, in Graph.topologicalOrder.");
    }
    // end::topologicalOrder[]

    /**
     * Exercise 7.5 of chapter 7: the backward pass. Afterwards every node {@code u} of the graph
     * holds {@code d output / d u} in its gradient, Eq. (7.7).
     *
     * <p>Reset every node's gradient to 0 (the leaves may keep one from an earlier pass), set the
     * output's to 1, then visit the nodes in REVERSE topological order and, for each input u of a
     * node v, ADD {@code v.gradient() * dv/du}: a node used by several nodes, or twice by one,
     * collects one term per use, the sum over paths of Eq. (7.4).
     *
     * @param output the node to differentiate, for example a loss
     */
    // tag::backward[]
    public static void backward(Value output) {
        Require.notNull(output, "output");
        // BEGIN SOLUTION
        List<Value> order = topologicalOrder(output);
        for (Value v : order) {
            v.setGradient(0);
        }
        // d output / d output = 1
        output.setGradient(1);
        for (int k = order.size() - 1; k >= 0; k--) {
            Value v = order.get(k);
            for (int i = 0; i < v.inputs().size(); i++) {
                Value u = v.inputs().get(i);
                // grad u += grad v * dv/du   (Eq. 7.7)
                u.setGradient(u.gradient() + v.gradient() * v.localDerivative(i));
            }
        }
        // END SOLUTION
        // STUB: throw new UnsupportedOperationException("Chapter 7, exercise 7.5: reset the gradients, set the output's to 1 and add grad(v) * dv/du to every input u, in reverse topological order, in Graph.backward (Eq. 7.7).");
    }
    // end::backward[]

    /**
     * The gradient of {@code f} at {@code x} by reverse mode: one forward pass that builds the
     * graph, one backward pass. Given code.
     *
     * @param f a function of n inputs with one output, written with {@link Value} operations
     * @param x the point, n finite numbers
     * @return {@code df/dx_k} for every k
     */
    public static double[] gradient(Function<List<Value>, Value> f, double[] x) {
        Require.notNull(f, "f");
        Require.finite(x, "x");
        List<Value> inputs = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            inputs.add(new Value(x[k], "x" + k));
        }
        Value y = Require.notNull(f.apply(inputs), "the result of f");
        backward(y);
        double[] g = new double[x.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = inputs.get(k).gradient();
        }
        return g;
    }
}
