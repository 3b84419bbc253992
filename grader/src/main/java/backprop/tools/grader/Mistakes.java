package backprop.tools.grader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classic mistakes the grader recognises from the numbers (see the course syllabus), each
 * with a name and an explanation for the student. The probes (grader/src/probes) compute what
 * each mistake would produce with the grader's own formulas and name the one the student's
 * values match.
 */
public final class Mistakes {

    /** A mistake: its title and what to do about it. */
    public record Mistake(String id, String title, String advice) {
    }

    public static final Map<String, Mistake> ALL = new LinkedHashMap<>();

    static {
        add("sign-of-update", "The update climbs instead of descending",
                "A gradient-descent step subtracts: w <- w - eta * dE/dw. Your weights moved by +eta * dE/dw, uphill.");
        add("sign-of-error-derivative", "dE/dy has the wrong sign",
                "The derivative of the error with respect to the output is y - t (times 2 without the factor 1/2), not t - y.");
        add("missing-activation-derivative", "The activation derivative is missing",
                "The chain rule has three factors: dE/do, do/dnet = phi'(net) and dnet/dw. Your values equal the product without phi'(net).");
        add("derivative-of-net-input", "The logistic derivative was taken of the net input: z(1 - z)",
                "o(1 - o) holds for the OUTPUT o = phi(z). Given the net input z, compute phi(z)(1 - phi(z)), not z(1 - z).");
        add("logistic-applied-twice", "phi'(o) instead of phi'(net): the activation was applied twice",
                "The derivative must be evaluated at the net input (or as o(1 - o) from the output), not by passing the output through phi again.");
        add("stale-weights", "Deltas were computed with weights already updated in this step",
                "Backpropagate the whole step with the weights of the forward pass first; update all layers only afterwards.");
        add("no-sum-downstream", "The inner delta does not sum over all downstream neurons",
                "An inner neuron feeds every neuron l of the next layer: delta_j = (sum over l of w_jl delta_l) phi'(net_j).");
        add("factor-n", "Off by the factor n: a sum where the loss averages (or the other way round)",
                "The error is the MEAN over the n cases, so its gradient is the mean of the per-case gradients: divide by n.");
        add("factor-half", "Off by the factor 2: the factor 1/2 of the loss was dropped or doubled",
                "Check which loss you differentiate: (t - y)^2 has derivative 2(y - t); 1/2 (t - y)^2 has y - t.");
        add("transposed-weights", "The weight matrix is transposed (w_ji used for w_ij)",
                "weights[i][j] connects input i to neuron j. Swapping the indices works only for square layers.");
        add("bias-not-updated", "The bias is not updated",
                "The bias is a weight on a constant input 1: update it with b <- b - eta * dE/db like every other weight.");
        add("bias-wrong-input", "The bias gradient uses the wrong input",
                "The bias sees the constant input 1, so dE/db = delta (the error signal times 1), not delta times an input.");
        // numerical stability
        add("logistic-overflow", "The logistic function overflows for net inputs far from 0",
                "e^z (or e^-z) overflows to infinity beyond |z| = 709 and infinity / infinity is NaN. Use 1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) for z < 0: the exponent is never positive.");
        add("softmax-overflow", "The softmax (or log-sum-exp) overflows for large logits",
                "Subtract the largest logit m before exponentiating: p_k = e^(z_k - m) / sum_i e^(z_i - m), and log sum_i e^z_i = m + log sum_i e^(z_i - m). The result is the same, and no power of e exceeds 1.");
        add("forward-difference", "A one-sided difference where the central difference belongs",
                "(f(x + h) - f(x)) / h has an error of order h; the central difference (f(x + h) - f(x - h)) / 2h has an error of order h^2 and is exact on quadratics.");
        // loops and steps
        add("skips-last", "A loop skips the last neuron or example",
                "Loop over all n items: for (int i = 0; i < n; i++). A bound of n - 1 (or i + 1 < n) leaves the last one out.");
        add("learning-rate-twice", "The learning rate is applied twice",
                "A step is w <- w - eta * dE/dw with eta once. Your weights moved by eta^2 * dE/dw: the gradient was scaled by eta before the update scaled it again.");
        // derivatives
        add("derivative-at-output", "The activation's derivative was called with the output, not the net input",
                "Activation.derivative(z) expects the net input z: do/dnet = phi'(net). Passing the output o computes phi'(o) = phi'(phi(net)).");
        add("softmax-coupling-missing", "The cross-entropy gradient ignores how the softmax couples the outputs",
                "Every p_k depends on every z_j: dp_k/dz_j = p_k (delta_kj - p_j). Summed over k this gives dE/dz_j = p_j - t_j; the diagonal p_j (1 - p_j) alone is not the gradient.");
        add("relu-derivative-is-value", "ReLU's derivative returns the function, not its slope",
                "relu(z) = max(0, z) has slope 1 for z > 0 and 0 otherwise; the derivative is a step, not max(0, z) again.");
        // chapter 7: the autodiff engine
        add("gradient-assigned", "Gradients are assigned instead of accumulated",
                "A node used more than once gets a term from every use: grad(u) += grad(v) * dv/du. Assigning keeps only the last use.");
        add("backward-wrong-order", "The backward pass visits the nodes in the wrong order",
                "Walk the topological order from the output back to the leaves: a node's gradient is complete only after every node that uses it has added its term.");
        add("gradients-not-reset", "Gradients are not reset between backward passes",
                "Set every gradient of the graph to 0 before a backward pass (and the output's to 1); otherwise a parameter adds this step's gradient to the last one's.");
        add("product-own-value", "The product's local derivative uses the factor's own value",
                "d(ab)/da = b and d(ab)/db = a: the derivative with respect to one factor is the OTHER factor's value.");
    }

    private static void add(String id, String title, String advice) {
        ALL.put(id, new Mistake(id, title, advice));
    }

    private Mistakes() {
    }

    public static Mistake get(String id) {
        return ALL.getOrDefault(id, new Mistake(id, id, ""));
    }
}
