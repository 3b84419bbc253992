package backprop.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.network.Layer;
import backprop.network.Network;
import backprop.testing.Numeric;
import backprop.testing.PlainBackprop;
import backprop.testing.TestActivations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("ch7")
@DisplayName("Chapter 7, hidden tests")
class AutodiffHiddenTest {

    // ---------------------------------------------------------------------------------------
    // The test's own helpers: plain JDK arithmetic and its own graph walks.
    // ---------------------------------------------------------------------------------------

    static Value leaf(double x) {
        return new Value(x, "x");
    }

    static List<Value> leaves(double... x) {
        List<Value> v = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            v.add(new Value(x[i], "x" + i));
        }
        return v;
    }

    static void slope(Value node, DoubleUnaryOperator f, double x) {
        double expected = Numeric.centralDifference(f, x);
        assertThat(node.localDerivative(0)).as("local derivative at %s", x)
                .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
    }

    /** Every node the output depends on. */
    static Set<Value> reachable(Value output) {
        Set<Value> seen = new HashSet<>();
        List<Value> todo = new ArrayList<>(List.of(output));
        while (!todo.isEmpty()) {
            Value v = todo.remove(todo.size() - 1);
            if (seen.add(v)) {
                todo.addAll(v.inputs());
            }
        }
        return seen;
    }

    /** A random graph: leaves, then nodes with one to three inputs drawn from the earlier nodes, in creation order. */
    static List<Value> randomGraph(Random rng, int leaves, int nodes) {
        List<Value> all = new ArrayList<>();
        for (int k = 0; k < leaves; k++) {
            all.add(new Value(rng.nextGaussian(), "x" + k));
        }
        for (int k = 0; k < nodes; k++) {
            int n = 1 + rng.nextInt(3);
            List<Value> in = new ArrayList<>();
            double[] local = new double[n];
            for (int i = 0; i < n; i++) {
                // mostly recent nodes, so the graph is deep; sometimes the same input twice
                int from = Math.max(0, all.size() - 4 - rng.nextInt(all.size()));
                in.add(all.get(from + rng.nextInt(all.size() - from)));
                local[i] = rng.nextGaussian();
            }
            all.add(Value.node("n" + k, rng.nextGaussian(), in, local));
        }
        return all;
    }

    /** d output / d v for every v, by the test's own forward accumulation over the creation order (one sweep per node). */
    static Map<Value, Double> pathSums(List<Value> creationOrder, Value output) {
        Map<Value, Double> result = new IdentityHashMap<>();
        for (Value source : creationOrder) {
            Map<Value, Double> dot = new IdentityHashMap<>();
            for (Value v : creationOrder) {
                double d = v == source ? 1 : 0;
                for (int i = 0; i < v.inputs().size(); i++) {
                    d += v.localDerivative(i) * dot.getOrDefault(v.inputs().get(i), 0.0);
                }
                dot.put(v, d);
                if (v == output) {
                    break;
                }
            }
            result.put(source, dot.getOrDefault(output, 0.0));
        }
        return result;
    }

    static Network network(double[][][] w, double[][] b) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < w.length; l++) {
            layers.add(new Layer(w[l], b[l], TestActivations.IDENTITY));
        }
        return new Network(layers);
    }

    // ---------------------------------------------------------------------------------------

    @Nested
    @Tag("ex7.1")
    @DisplayName("Exercise 7.1: sum and product")
    class SumAndProduct {

        @Test
        @DisplayName("give the right values and local derivatives on random numbers, and leave their inputs alone")
        void random() {
            Random rng = new Random(71);
            for (int k = 0; k < 20; k++) {
                double av = 10 * rng.nextGaussian();
                double bv = 10 * rng.nextGaussian();
                Value a = leaf(av);
                Value b = leaf(bv);
                Value p = a.multiply(b);
                Value s = a.add(b);
                assertThat(p.data()).isCloseTo(av * bv, within(1e-12 * Math.max(1, Math.abs(av * bv))));
                assertThat(p.localDerivative(0)).as("d(ab)/da").isEqualTo(bv);
                assertThat(p.localDerivative(1)).as("d(ab)/db").isEqualTo(av);
                assertThat(s.data()).isCloseTo(av + bv, within(1e-12));
                assertThat(s.localDerivative(0)).isEqualTo(1);
                assertThat(s.localDerivative(1)).isEqualTo(1);
                assertThat(p.inputs()).containsExactly(a, b);
                assertThat(s.inputs()).containsExactly(a, b);
                assertThat(p.isLeaf()).isFalse();
                assertThat(a.data()).isEqualTo(av);
                assertThat(a.gradient()).isZero();
            }
        }

        @Test
        @DisplayName("are named + and * and print their value and gradient")
        void names() {
            Value s = leaf(1).add(new Value(0.5));
            assertThat(s.operation()).isEqualTo("+");
            assertThat(leaf(1).multiply(leaf(2)).operation()).isEqualTo("*");
            assertThat(s.toString()).isEqualTo("+ = 1.5 (gradient 0.0)");
            assertThat(leaf(0.5).toString()).isEqualTo("x = 0.5 (gradient 0.0)");
            assertThat(new Value(2).toString()).isEqualTo("2.0 (gradient 0.0)");
            assertThat(new Value(2).operation()).isEmpty();
            assertThat(new Value(2).isLeaf()).isTrue();
        }

        @Test
        @DisplayName("give the operations built on them: constants, negation, subtraction")
        void derived() {
            Value x = leaf(3);
            assertThat(x.add(2).data()).isEqualTo(5);
            assertThat(x.multiply(2).data()).isEqualTo(6);
            assertThat(x.multiply(2).localDerivative(0)).isEqualTo(2);
            assertThat(x.negate().data()).isEqualTo(-3);
            assertThat(x.subtract(leaf(5)).data()).isEqualTo(-2);
            assertThat(x.subtract(1.5).data()).isEqualTo(1.5);
            Value d = x.subtract(leaf(5));
            assertThat(reachable(d)).contains(x);
            assertThatThrownBy(() -> x.add((Value) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must not be null");
            assertThatThrownBy(() -> x.multiply((Value) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must not be null");
            assertThatThrownBy(() -> x.subtract((Value) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must not be null");
        }

        @Test
        @DisplayName("nodes check what they are given: counts, finite values and derivatives, leaves only change")
        void nodes() {
            Value x = leaf(2);
            Value p = x.multiply(x);
            assertThat(p.data()).isEqualTo(4);
            assertThatThrownBy(() -> p.setData(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("only a leaf (an input or a parameter) can be changed; this node is * of (2.0, 2.0)");
            x.setData(5);
            assertThat(x.data()).isEqualTo(5);
            assertThatThrownBy(() -> x.setData(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("data must be a finite number but was NaN");
            assertThatThrownBy(() -> x.setGradient(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the gradient of the node x = 5.0 would be Infinity: the product of the gradients and local derivatives on its paths overflows a double");
            assertThatThrownBy(() -> p.setGradient(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the gradient of the node * = 4.0 would be NaN");
            assertThatThrownBy(() -> Value.node("f", 1, List.of(x), 1, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("f has 1 inputs but 2 local derivatives");
            assertThatThrownBy(() -> Value.node("f", Double.NaN, List.of(x), 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("f of (5.0) is NaN, not a finite number: the result does not fit in a double");
            assertThatThrownBy(() -> Value.node("f", 1, List.of(x), Double.NEGATIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the local derivative of f of (5.0) with respect to input 0 is -Infinity, not a finite number");
            assertThatThrownBy(() -> Value.node("f", 1, List.of())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs of f is empty; it needs at least one element");
            assertThatThrownBy(() -> p.localDerivative(2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input 2 does not exist: * has 2 inputs");
            assertThatThrownBy(() -> p.localDerivative(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input -1 does not exist: * has 2 inputs");
            assertThatThrownBy(() -> new Value(1, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("name must not be null");
            assertThatThrownBy(() -> new Value(Double.NaN, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("data must be a finite number but was NaN");
            assertThatThrownBy(() -> new Value(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("data must be a finite number but was NaN");
        }

        @Test
        @DisplayName("overflow is an error that names the operation, not an infinite node")
        void overflow() {
            assertThat(leaf(1e150).multiply(leaf(1e150)).data()).isCloseTo(1e300, within(1e286));
            assertThatThrownBy(() -> leaf(1e200).multiply(leaf(1e200))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("* of (1.0E200, 1.0E200) is Infinity, not a finite number: the result does not fit in a double");
        }

        @Test
        @DisplayName("the n-ary sum is one node with the local derivative 1 per term; one term is the term itself")
        void sum() {
            Value a = leaf(1);
            Value b = leaf(2.5);
            Value s = Value.sum(List.of(a, b, a));
            assertThat(a.add(b).data()).isEqualTo(3.5);
            assertThat(s.data()).isEqualTo(4.5);
            assertThat(s.operation()).isEqualTo("sum");
            assertThat(s.inputs()).containsExactly(a, b, a);
            for (int k = 0; k < 3; k++) {
                assertThat(s.localDerivative(k)).isEqualTo(1);
            }
            assertThat(Value.sum(List.of(b))).isSameAs(b);
        }
    }

    @Nested
    @Tag("ex7.2")
    @DisplayName("Exercise 7.2: power, exponential, logarithm")
    class PowerExpLog {

        @Test
        @DisplayName("agree with the JDK and central differences on random inputs")
        void random() {
            Random rng = new Random(72);
            for (int k = 0; k < 20; k++) {
                double x = 0.1 + 3 * rng.nextDouble();
                double p = Math.round(8 * rng.nextGaussian()) / 4.0;
                Value pw = leaf(x).power(p);
                assertThat(pw.data()).isCloseTo(Math.pow(x, p), within(1e-12 * Math.max(1, Math.pow(x, p))));
                assertThat(pw.localDerivative(0)).isCloseTo(p * Math.pow(x, p - 1), within(1e-12 * Math.max(1, Math.abs(p * Math.pow(x, p - 1)))));
                slope(pw, v -> Math.pow(v, p), x);
                double z = 4 * rng.nextGaussian();
                Value e = leaf(z).exp();
                assertThat(e.data()).isCloseTo(Math.exp(z), within(1e-12 * Math.exp(z)));
                assertThat(e.localDerivative(0)).isCloseTo(Math.exp(z), within(1e-12 * Math.exp(z)));
                Value lg = leaf(x).log();
                assertThat(lg.data()).isCloseTo(Math.log(x), within(1e-12));
                assertThat(lg.localDerivative(0)).isCloseTo(1 / x, within(1e-12));
            }
        }

        @Test
        @DisplayName("name their nodes ^p, exp and log, and divide through the power -1")
        void names() {
            assertThat(leaf(3).power(2).operation()).isEqualTo("^2");
            assertThat(leaf(3).power(-1).operation()).isEqualTo("^-1");
            assertThat(leaf(3).power(0.5).operation()).isEqualTo("^0.5");
            assertThat(leaf(1).power(1e20).operation()).isEqualTo("^1.0E20");
            assertThat(leaf(3).exp().operation()).isEqualTo("exp");
            assertThat(leaf(3).log().operation()).isEqualTo("log");
            Value q = leaf(3).divide(leaf(4));
            assertThat(q.data()).isCloseTo(0.75, within(1e-15));
            assertThatThrownBy(() -> leaf(3).divide(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must not be null");
            assertThatThrownBy(() -> leaf(1).divide(leaf(0))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("division by zero: 1.0 / 0.0 has no value");
            assertThatThrownBy(() -> leaf(1).add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("c must be a finite number but was NaN");
            assertThatThrownBy(() -> leaf(1).multiply(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("c must be a finite number but was Infinity");
            assertThatThrownBy(() -> leaf(1).subtract(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("c must be a finite number but was NaN");
        }

        @Test
        @DisplayName("accept the edges of their domains and reject what lies beyond, with clear messages")
        void domains() {
            assertThat(leaf(709).exp().data()).isCloseTo(Math.exp(709), within(1e294));
            assertThatThrownBy(() -> leaf(710).exp()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("exp(710.0) overflows a double: e^x is finite only for x up to " + Math.log(Double.MAX_VALUE));
            assertThat(leaf(0).power(1).data()).isEqualTo(0);
            assertThat(leaf(0).power(1).localDerivative(0)).isEqualTo(1);
            assertThat(leaf(0).power(2).localDerivative(0)).isEqualTo(0);
            assertThat(leaf(-2).power(2).localDerivative(0)).isEqualTo(-4);
            assertThat(leaf(-2).power(-1).data()).isEqualTo(-0.5);
            assertThatThrownBy(() -> leaf(0).power(0.999)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("0 to the power 0.999 has no finite derivative");
            assertThatThrownBy(() -> leaf(0).power(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("0 to the power -1.0 has no finite derivative");
            assertThatThrownBy(() -> leaf(-2).power(2.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a negative number (-2.0) has no real power 2.5; use a whole exponent");
            assertThatThrownBy(() -> leaf(2).power(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("exponent must be a finite number but was NaN");
            assertThat(leaf(1e-300).log().data()).isCloseTo(Math.log(1e-300), within(1e-9));
            assertThatThrownBy(() -> leaf(Double.MIN_VALUE).log()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the local derivative of log of (4.9E-324) with respect to input 0 is Infinity, not a finite number");
            assertThatThrownBy(() -> leaf(-0.0).log()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("log needs a positive number but got -0.0: the logarithm of a number that is not positive is not a real number");
            assertThatThrownBy(() -> leaf(1e200).power(2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("^2 of (1.0E200) is Infinity");
        }
    }

    @Nested
    @Tag("ex7.3")
    @DisplayName("Exercise 7.3: logistic, tanh, ReLU")
    class Activations {

        @Test
        @DisplayName("agree with their formulas and central differences on random inputs")
        void random() {
            Random rng = new Random(73);
            for (int k = 0; k < 20; k++) {
                double z = 3 * rng.nextGaussian();
                Value s = leaf(z).logistic();
                double o = Numeric.logistic(z);
                assertThat(s.data()).isCloseTo(o, within(1e-15));
                assertThat(s.localDerivative(0)).isCloseTo(o * (1 - o), within(1e-15));
                Value t = leaf(z).tanh();
                assertThat(t.data()).isCloseTo(Math.tanh(z), within(1e-15));
                assertThat(t.localDerivative(0)).isCloseTo(1 - Math.tanh(z) * Math.tanh(z), within(1e-15));
                slope(t, Math::tanh, z);
                Value r = leaf(z).relu();
                assertThat(r.data()).isEqualTo(Math.max(0, z));
                assertThat(r.localDerivative(0)).isEqualTo(z > 0 ? 1.0 : 0.0);
            }
        }

        @Test
        @DisplayName("are named logistic, tanh and relu, each with one input")
        void names() {
            Value x = leaf(-0.5);
            assertThat(x.logistic().operation()).isEqualTo("logistic");
            assertThat(x.tanh().operation()).isEqualTo("tanh");
            assertThat(x.relu().operation()).isEqualTo("relu");
            assertThat(x.relu().inputs()).containsExactly(x);
            assertThat(x.tanh().inputs()).containsExactly(x);
            assertThat(x.logistic().inputs()).containsExactly(x);
            assertThat(leaf(-1e-300).relu().localDerivative(0)).isEqualTo(0);
            assertThat(leaf(1e-300).relu().localDerivative(0)).isEqualTo(1);
            assertThat(leaf(0).relu().localDerivative(0)).as("relu'(0), by convention").isEqualTo(0);
        }

        @Test
        @DisplayName("stay finite far out: the logistic node never overflows, tanh saturates")
        void farOut() {
            assertThat(leaf(-750).logistic().data()).isBetween(0.0, 1e-300);
            assertThat(leaf(745).logistic().localDerivative(0)).isBetween(0.0, 1e-300);
            assertThat(leaf(40).tanh().data()).isEqualTo(1);
            assertThat(leaf(40).tanh().localDerivative(0)).isEqualTo(0);
        }

        @Test
        @DisplayName("the activations of a neuron are these nodes, the identity no node at all")
        void nonlinearity() {
            Value z = leaf(0.3);
            assertThat(Nonlinearity.LOGISTIC.apply(z).data()).isCloseTo(Numeric.logistic(0.3), within(1e-15));
            assertThat(Nonlinearity.TANH.apply(z).data()).isCloseTo(Math.tanh(0.3), within(1e-15));
            assertThat(Nonlinearity.RELU.apply(z).data()).isEqualTo(0.3);
            assertThat(Nonlinearity.IDENTITY.apply(z)).isSameAs(z);
            assertThatThrownBy(() -> Nonlinearity.TANH.apply(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("z must not be null");
        }
    }

    @Nested
    @Tag("ex7.4")
    @DisplayName("Exercise 7.4: the topological order")
    class TopologicalOrder {

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {1, 2, 3, 4, 5})
        @DisplayName("of a random graph: exactly the nodes the output depends on, once each, inputs first, output last")
        void random(long seed) {
            List<Value> all = randomGraph(new Random(seed), 4, 30);
            Value output = all.get(all.size() - 1 - (int) seed);
            List<Value> order = Graph.topologicalOrder(output);
            Set<Value> expected = reachable(output);
            assertThat(order).hasSize(expected.size());
            assertThat(new HashSet<>(order)).isEqualTo(expected);
            assertThat(order.get(order.size() - 1)).isSameAs(output);
            Map<Value, Integer> at = new IdentityHashMap<>();
            for (int k = 0; k < order.size(); k++) {
                at.put(order.get(k), k);
            }
            for (Value v : order) {
                for (Value u : v.inputs()) {
                    assertThat(at.get(u)).as("an input's position").isLessThan(at.get(v));
                }
            }
        }

        @Test
        @DisplayName("of a chain of 1000 nodes, and of a diamond whose top is reached by two paths")
        void chainAndDiamond() {
            List<Value> chain = new ArrayList<>(List.of(leaf(0)));
            for (int k = 1; k < 1000; k++) {
                chain.add(Value.node("c", k, List.of(chain.get(k - 1)), 1));
            }
            assertThat(Graph.topologicalOrder(chain.get(999))).containsExactlyElementsOf(chain);
            Value x = leaf(1);
            Value u = Value.node("u", 1, List.of(x), 1);
            Value v = Value.node("v", 1, List.of(x), 1);
            Value w = Value.node("w", 1, List.of(v, u), 1, 1);
            List<Value> order = Graph.topologicalOrder(w);
            assertThat(order).hasSize(4).startsWith(x).endsWith(w).contains(u, v);
            assertThatThrownBy(() -> Graph.topologicalOrder(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output must not be null");
        }
    }

    @Nested
    @Tag("ex7.5")
    @DisplayName("Exercise 7.5: the backward pass")
    class Backward {

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {11, 12, 13, 14, 15})
        @DisplayName("of a random graph gives every node the sum over paths of the products of local derivatives")
        void random(long seed) {
            List<Value> all = randomGraph(new Random(seed), 3, 25);
            Value output = all.get(all.size() - 1);
            Map<Value, Double> expected = pathSums(all, output);
            Graph.backward(output);
            for (Value v : reachable(output)) {
                double e = expected.get(v);
                assertThat(v.gradient()).as("d output / d %s", v.operation()).isCloseTo(e, within(1e-9 * Math.max(1, Math.abs(e))));
            }
        }

        @Test
        @DisplayName("resets the gradients a leaf kept from another graph, and leaves nodes outside the graph alone")
        void resetsAcrossGraphs() {
            Value w = leaf(2);
            Value x = leaf(3);
            Value first = Value.node("*", 6, List.of(w, x), 3, 2);
            Graph.backward(first);
            assertThat(w.gradient()).isEqualTo(3);
            Value second = Value.node("sq", 4, List.of(w), 4);
            Graph.backward(second);
            assertThat(w.gradient()).as("dw from the second graph only").isEqualTo(4);
            assertThat(x.gradient()).as("x is not in the second graph").isEqualTo(2);
            assertThat(first.gradient()).isEqualTo(1);
            Value leafOnly = leaf(5);
            leafOnly.setGradient(3);
            Graph.backward(leafOnly);
            assertThat(leafOnly.gradient()).isEqualTo(1);
            assertThatThrownBy(() -> Graph.backward(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("output must not be null");
        }

        @Test
        @DisplayName("a node used three times, through two intermediate nodes, collects every use")
        void manyUses() {
            Value x = leaf(2);
            Value sq = Value.node("x x", 4, List.of(x, x), 2, 2);
            Value out = Value.node("sq + x", 6, List.of(sq, x), 1, 1);
            Graph.backward(out);
            assertThat(x.gradient()).as("d(x^2 + x)/dx").isEqualTo(5);
            assertThat(sq.gradient()).isEqualTo(1);
        }

        @Test
        @DisplayName("the reverse-mode gradient of a function of many inputs, in one backward pass")
        void gradientOfAFunction() {
            double[] x = {0.5, -1, 2, 3};
            double[] g = Graph.gradient(in -> {
                Value s = in.get(0).multiply(in.get(1));
                for (Value v : in) {
                    s = s.add(v.multiply(v));
                }
                return s;
            }, x);
            // f = x0 x1 + sum x_k^2
            assertThat(g).containsExactly(new double[] {x[1] + 2 * x[0], x[0] + 2 * x[1], 2 * x[2], 2 * x[3]}, within(1e-12));
            assertThatThrownBy(() -> Graph.gradient(in -> null, x)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the result of f must not be null");
            assertThatThrownBy(() -> Graph.gradient(in -> in.get(0), new double[] {Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("x[0] must be a finite number but was NaN");
            assertThatThrownBy(() -> Graph.gradient(null, x)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("f must not be null");
            assertThat(Graph.gradient(in -> in.get(1).exp(), new double[] {1, 0})).containsExactly(0, 1);
        }
    }

    @Nested
    @Tag("ex7.6")
    @DisplayName("Exercise 7.6: dual numbers")
    class Duals {

        static final List<UnaryOperator<Dual>> OPS = List.of(
                d -> d.power(3), d -> d.power(-1.5), Dual::exp, Dual::log, Dual::logistic, Dual::tanh, Dual::relu,
                d -> d.multiply(d.add(1)), d -> d.subtract(Dual.constant(2).multiply(d)), d -> d.multiply(2.5));
        static final List<DoubleUnaryOperator> FUNCTIONS = List.of(
                v -> Math.pow(v, 3), v -> Math.pow(v, -1.5), Math::exp, Math::log, Numeric::logistic, Math::tanh,
                v -> Math.max(0, v), v -> v * (v + 1), v -> v - 2 * v, v -> 2.5 * v);

        @Test
        @DisplayName("carry the chain rule f'(a) a' for random a and a', checked by central differences")
        void random() {
            Random rng = new Random(76);
            for (int k = 0; k < 10; k++) {
                double a = 0.2 + 2 * rng.nextDouble();
                double da = rng.nextGaussian();
                for (int op = 0; op < OPS.size(); op++) {
                    Dual r = OPS.get(op).apply(new Dual(a, da));
                    DoubleUnaryOperator f = FUNCTIONS.get(op);
                    assertThat(r.value()).as("op %d: value", op).isCloseTo(f.applyAsDouble(a), within(1e-12));
                    double expected = da * Numeric.centralDifference(f, a);
                    assertThat(r.derivative()).as("op %d: derivative", op)
                            .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
                }
                assertThat(new Dual(-a, da).relu()).isEqualTo(new Dual(0, 0));
                assertThat(new Dual(0, da).relu()).as("relu'(0) a', by convention 0").isEqualTo(new Dual(0, 0));
            }
        }

        @Test
        @DisplayName("constants have the derivative 0, variables 1; bad input is an error")
        void constantsAndErrors() {
            assertThat(Dual.constant(3).multiply(Dual.variable(2))).isEqualTo(new Dual(6, 3));
            assertThat(Dual.variable(2).add(5)).isEqualTo(new Dual(7, 1));
            assertThat(Dual.variable(0).power(1)).isEqualTo(new Dual(0, 1));
            assertThat(new Dual(0, 5).tanh()).isEqualTo(new Dual(0, 5));
            assertThatThrownBy(() -> Dual.variable(710).exp()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("exp(710.0) overflows a double");
            assertThatThrownBy(() -> Dual.variable(0).power(0.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("0 to the power 0.5 has no finite derivative");
            assertThatThrownBy(() -> Dual.variable(-1).log()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("log needs a positive number but got -1.0");
            assertThatThrownBy(() -> Dual.variable(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("x must be a finite number but was NaN");
            assertThatThrownBy(() -> Dual.variable(1).add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("c must be a finite number but was Infinity");
            assertThatThrownBy(() -> new Dual(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("derivative must be a finite number but was NaN");
            assertThatThrownBy(() -> Dual.variable(1).add((Dual) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must not be null");
            assertThatThrownBy(() -> Dual.variable(1).multiply((Dual) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must not be null");
            assertThatThrownBy(() -> Dual.variable(1).subtract(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("other must not be null");
        }
    }

    @Nested
    @Tag("ex7.7")
    @DisplayName("Exercise 7.7: forward mode")
    class Forward {

        @Test
        @DisplayName("gives the gradient of a function of five inputs, and of none")
        void gradient() {
            double[] x = {0.3, -0.7, 1.1, 2, -1};
            double[] g = ForwardMode.gradient(in -> {
                Dual s = in.get(0).multiply(in.get(1)).tanh();
                for (Dual d : in) {
                    s = s.add(d.multiply(d).multiply(0.5));
                }
                return s;
            }, x);
            double t = Math.tanh(x[0] * x[1]);
            double[] expected = x.clone();
            expected[0] += (1 - t * t) * x[1];
            expected[1] += (1 - t * t) * x[0];
            assertThat(g).containsExactly(expected, within(1e-12));
            assertThat(ForwardMode.gradient(in -> Dual.constant(1), new double[0])).isEmpty();
            assertThat(ForwardMode.gradient(in -> in.get(2), new double[] {5, 6, 7})).containsExactly(0, 0, 1);
            assertThatThrownBy(() -> ForwardMode.gradient(in -> null, x)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the result of f must not be null");
            assertThatThrownBy(() -> ForwardMode.gradient(null, x)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("f must not be null");
            assertThatThrownBy(() -> ForwardMode.gradient(in -> in.get(0), new double[] {Double.NaN}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("x[0] must be a finite number but was NaN");
        }

        @Test
        @DisplayName("gives the value of f at the point itself in every pass")
        void valueInEveryPass() {
            List<Double> values = new ArrayList<>();
            ForwardMode.gradient(in -> {
                Dual y = in.get(0).multiply(in.get(1)).exp();
                values.add(y.value());
                return y;
            }, new double[] {0.5, 2});
            assertThat(values).containsExactly(Math.E, Math.E);
        }
    }

    @Nested
    @Tag("ex7.8")
    @DisplayName("Exercise 7.8: a neuron")
    class NeuronOutput {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"IDENTITY", "LOGISTIC", "TANH", "RELU"})
        @DisplayName("computes phi(sum_i w_i x_i + b) with each activation, and its leaves get dE/dw_i = x_i phi'(net)")
        void output(String name) {
            Nonlinearity phi = Nonlinearity.valueOf(name);
            Random rng = new Random(78);
            for (int k = 0; k < 5; k++) {
                double[] w = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
                double b = rng.nextGaussian();
                double[] x = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
                Neuron n = new Neuron(w, b, phi);
                double net = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b;
                DoubleUnaryOperator f = switch (phi) {
                    case IDENTITY -> v -> v;
                    case LOGISTIC -> Numeric::logistic;
                    case TANH -> Math::tanh;
                    case RELU -> v -> Math.max(0, v);
                };
                Value o = n.output(leaves(x));
                assertThat(o.data()).as("o").isCloseTo(f.applyAsDouble(net), within(1e-12));
                assertThat(reachable(o)).containsAll(n.parameters());
                Graph.backward(o);
                double slope = Numeric.centralDifference(f, net);
                for (int i = 0; i < 3; i++) {
                    assertThat(n.weights().get(i).gradient()).as("do/dw_%d", i).isCloseTo(x[i] * slope, within(1e-6));
                }
                assertThat(n.bias().gradient()).as("do/db").isCloseTo(slope, within(1e-6));
            }
        }

        @Test
        @DisplayName("has its weights, then its bias, as parameters, and checks its input")
        void parameters() {
            Neuron n = new Neuron(new double[] {1, 2}, 3, Nonlinearity.TANH);
            assertThat(n.output(leaves(0, 0)).data()).isCloseTo(Math.tanh(3), within(1e-15));
            assertThat(n.parameters()).containsExactly(n.weights().get(0), n.weights().get(1), n.bias());
            assertThat(n.parameters()).extracting(Value::data).containsExactly(1.0, 2.0, 3.0);
            assertThat(n.weights()).extracting(Value::operation).containsExactly("w0", "w1");
            assertThat(n.bias().operation()).isEqualTo("b");
            assertThat(n.activation()).isEqualTo(Nonlinearity.TANH);
            assertThat(n.inputs()).isEqualTo(2);
            assertThatThrownBy(() -> n.output(leaves(1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 1 entry but the neuron has 2 weights");
            assertThatThrownBy(() -> new Neuron(new double[] {1}, 0, Nonlinearity.TANH).output(leaves(1, 2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("inputs has 2 entries but the neuron has 1 weight");
            assertThatThrownBy(() -> n.output(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs must not be null");
            assertThatThrownBy(() -> new Neuron(new double[0], 0, Nonlinearity.TANH)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the number of weights must be at least 1 but was 0");
            assertThatThrownBy(() -> new Neuron(new double[] {1}, Double.NaN, Nonlinearity.TANH))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("bias must be a finite number but was NaN");
            assertThatThrownBy(() -> new Neuron(new double[] {1}, 0, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("activation must not be null");
        }
    }

    @Nested
    @Tag("ex7.9")
    @DisplayName("Exercise 7.9: a network and its loss")
    class Networks {

        @ParameterizedTest(name = "seed {0}")
        @ValueSource(longs = {21, 22, 23, 24})
        @DisplayName("a random 2-3-3-1 tanh network: the loss and every gradient agree with chapter 4's recursion and central differences")
        void tanhNetwork(long seed) {
            PlainBackprop plain = PlainBackprop.tanh(seed, 2, 3, 3, 1);
            Mlp m = Mlp.of(network(plain.w(), plain.b()), Nonlinearity.TANH);
            Random rng = new Random(seed);
            double[] x = {rng.nextGaussian(), rng.nextGaussian()};
            double[] t = {rng.nextGaussian()};
            Value e = m.loss(x, t);
            assertThat(e.data()).isCloseTo(plain.error(x, t), within(1e-12));
            assertThat(m.output(leaves(x)).get(0).data()).isCloseTo(plain.output(x)[0], within(1e-12));
            Graph.backward(e);
            double[][][] g = m.weightGradients();
            double[][][] expected = plain.weightGradients(x, t);
            double[][] d = plain.deltas(x, t);
            for (int l = 0; l < 3; l++) {
                for (int i = 0; i < expected[l].length; i++) {
                    for (int j = 0; j < expected[l][i].length; j++) {
                        assertThat(g[l][i][j]).as("dE/dw[%d][%d][%d]", l, i, j).isCloseTo(expected[l][i][j], within(1e-12));
                        assertThat(g[l][i][j]).as("central difference [%d][%d][%d]", l, i, j)
                                .isCloseTo(plain.centralDifference(l, i, j, x, t), within(1e-7));
                    }
                }
                for (int j = 0; j < d[l].length; j++) {
                    assertThat(m.biasGradients()[l][j]).as("dE/db[%d][%d]", l, j).isCloseTo(d[l][j], within(1e-12));
                    assertThat(m.biasGradients()[l][j]).isCloseTo(plain.centralDifference(l, -1, j, x, t), within(1e-7));
                }
            }
        }

        @Test
        @DisplayName("a network with two outputs: the loss sums both halves of the squared error")
        void twoOutputs() {
            PlainBackprop plain = PlainBackprop.logistic(5, 2, 2);
            Mlp m = Mlp.of(network(plain.w(), plain.b()), Nonlinearity.LOGISTIC);
            double[] x = {1, -1};
            double[] t = {0.2, 0.9};
            assertThat(m.loss(x, t).data()).isCloseTo(plain.error(x, t), within(1e-15));
            List<Value> o = m.output(leaves(x));
            assertThat(o).hasSize(2);
            assertThat(o.get(1).data()).isCloseTo(plain.output(x)[1], within(1e-15));
        }

        @Test
        @DisplayName("Mlp.random draws chapter 4's weights; parameters come layer by layer, neuron by neuron")
        void structure() {
            Mlp m = Mlp.random(new Random(9), Nonlinearity.LOGISTIC, 3, 2, 1);
            PlainBackprop plain = PlainBackprop.logistic(9, 3, 2, 1);
            assertThat(m.loss(new double[] {1, 2, 3}, new double[] {1}).data())
                    .isCloseTo(plain.error(new double[] {1, 2, 3}, new double[] {1}), within(1e-15));
            assertThat(m.inputs()).isEqualTo(3);
            assertThat(m.outputs()).isEqualTo(1);
            assertThat(m.layers()).hasSize(2);
            List<Value> p = m.parameters();
            assertThat(p).hasSize(3 * 2 + 2 + 2 + 1);
            assertThat(p.get(0).data()).isEqualTo(plain.w()[0][0][0]);
            assertThat(p.get(1).data()).isEqualTo(plain.w()[0][1][0]);
            assertThat(p.get(3).data()).isEqualTo(plain.b()[0][0]);
            assertThat(p.get(4).data()).isEqualTo(plain.w()[0][0][1]);
            assertThat(p.get(10).data()).isEqualTo(plain.b()[1][0]);
            assertThatThrownBy(() -> m.loss(new double[] {1, 2}, new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input has 2 entries but the network has 3 inputs");
            assertThatThrownBy(() -> m.loss(new double[] {1, 2, Double.NaN}, new double[] {1}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("input[2] must be a finite number but was NaN");
            assertThatThrownBy(() -> m.loss(new double[] {1, 2, 3}, new double[] {1, 2}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("targets has 2 entries but the network has 1 output");
            assertThatThrownBy(() -> m.loss(new double[] {1, 2, 3}, new double[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("targets has 0 entries but the network has 1 output");
            Mlp one = Mlp.random(new Random(9), Nonlinearity.LOGISTIC, 1, 2);
            assertThatThrownBy(() -> one.output(leaves(1, 2))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs has 2 entries but the network has 1 input");
            assertThatThrownBy(() -> one.loss(new double[] {1, 2}, new double[] {1, 2})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("input has 2 entries but the network has 1 input");
            assertThatThrownBy(() -> one.loss(new double[] {1}, new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targets has 1 entry but the network has 2 outputs");
            assertThatThrownBy(() -> Mlp.of(null, Nonlinearity.TANH)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("network must not be null");
            assertThatThrownBy(() -> Mlp.of(network(plain.w(), plain.b()), null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("activation must not be null");
        }
    }

    @Nested
    @Tag("ex7.10")
    @DisplayName("Exercise 7.10: training with the engine")
    class Training {

        static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        static final double[][] T = {{0}, {1}, {1}, {0}};

        @Test
        @DisplayName("three epochs of a tanh network at learning rate 0.3 follow chapter 4's online steps exactly")
        void tanhEpochs() {
            PlainBackprop plain = PlainBackprop.tanh(31, 2, 3, 1);
            Mlp m = Mlp.of(network(plain.w(), plain.b()), Nonlinearity.TANH);
            double[] losses = EngineTraining.train(m, 0.3, 3);
            double[] expected = new double[3];
            for (int e = 0; e < 3; e++) {
                for (int row = 0; row < 4; row++) {
                    expected[e] += plain.error(X[row], T[row]) / 4;
                    plain = plain.step(X[row], T[row], 0.3);
                }
            }
            assertThat(losses).containsExactly(expected, within(1e-12));
            List<Value> p = m.parameters();
            assertThat(p.get(0).data()).isCloseTo(plain.w()[0][0][0], within(1e-12));
            assertThat(p.get(2).data()).as("bias of hidden neuron 0").isCloseTo(plain.b()[0][0], within(1e-12));
            assertThat(p.get(p.size() - 1).data()).as("output bias").isCloseTo(plain.b()[1][0], within(1e-12));
        }

        @Test
        @DisplayName("zero epochs change nothing; bad arguments are errors")
        void edges() {
            Mlp m = Mlp.random(new Random(2), Nonlinearity.LOGISTIC, 2, 2, 1);
            double w = m.parameters().get(0).data();
            assertThat(EngineTraining.train(m, 0.5, 1)).hasSize(1);
            assertThat(m.parameters().get(0).data()).isNotEqualTo(w);
            double after = m.parameters().get(0).data();
            assertThat(EngineTraining.train(m, 0.5, 0)).isEmpty();
            assertThat(m.parameters().get(0).data()).isEqualTo(after);
            assertThatThrownBy(() -> EngineTraining.train(m, 0.5, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("epochs must not be negative but was -1");
            assertThatThrownBy(() -> EngineTraining.train(m, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("learningRate must be a finite number greater than 0 but was NaN");
            assertThatThrownBy(() -> EngineTraining.train(null, 0.5, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mlp must not be null");
            assertThatThrownBy(() -> EngineTraining.train(Mlp.random(new Random(1), Nonlinearity.TANH, 2, 2), 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("mlp has 2 inputs and 2 outputs but XOR needs 2 inputs and 1 output");
            assertThatThrownBy(() -> EngineTraining.train(Mlp.random(new Random(1), Nonlinearity.TANH, 1, 1), 0.5, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("mlp has 1 input and 1 output but XOR needs 2 inputs and 1 output");
        }
    }
}
