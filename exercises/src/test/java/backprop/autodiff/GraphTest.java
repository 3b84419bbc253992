package backprop.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The graph of the chapter's worked example, {@code f(x, y) = x y + tanh(x)} at x = 0.5, y = 2,
 * built with {@code Value.node} and the local derivatives written out, so that these tests do
 * not depend on exercises 7.1 to 7.3:
 *
 * <pre>
 * a = x y    = 1                    da/dx = 2, da/dy = 0.5
 * b = tanh x = 0.46211715726000974  db/dx = 0.7864477329659274
 * f = a + b  = 1.4621171572600098   df/da = 1, df/db = 1
 * reverse: df/df = 1, df/da = 1, df/db = 1,
 *          df/dx = 1 * 2 + 1 * 0.7864477329659274 = 2.7864477329659274 (two paths), df/dy = 0.5
 * </pre>
 */
@Tag("ch7")
@DisplayName("Chapter 7: the graph of the worked example, its order and its backward pass")
class GraphTest {

    static final double TANH = Math.tanh(0.5);
    static final double SLOPE = 1 - TANH * TANH;

    /** The example's five nodes: x, y, a, b, f. */
    static Value[] example() {
        Value x = new Value(0.5, "x");
        Value y = new Value(2, "y");
        Value a = Value.node("*", 1, List.of(x, y), 2, 0.5);
        Value b = Value.node("tanh", TANH, List.of(x), SLOPE);
        Value f = Value.node("+", 1 + TANH, List.of(a, b), 1, 1);
        return new Value[] {x, y, a, b, f};
    }

    /** Every node of the order comes after all of its inputs. */
    static void inputsFirst(List<Value> order) {
        for (int k = 0; k < order.size(); k++) {
            for (Value u : order.get(k).inputs()) {
                int at = indexOf(order, u);
                assertThat(at).as("position of input %s of node %d (%s)", u, k, order.get(k)).isBetween(0, k - 1);
            }
        }
    }

    static int indexOf(List<Value> order, Value v) {
        for (int k = 0; k < order.size(); k++) {
            if (order.get(k) == v) {
                return k;
            }
        }
        return -1;
    }

    @Nested
    @Tag("ex7.4")
    @DisplayName("Exercise 7.4: the topological order")
    class TopologicalOrder {

        @Test
        @DisplayName("lists the example's five nodes once each, every node after its inputs, f last")
        void example() {
            Value[] n = GraphTest.example();
            List<Value> order = Graph.topologicalOrder(n[4]);
            assertThat(order).as("nodes").hasSize(5).containsExactlyInAnyOrder(n);
            assertThat(order.get(4)).as("last").isSameAs(n[4]);
            inputsFirst(order);
        }

        @Test
        @DisplayName("lists a node used twice only once: x x gives (x, x x)")
        void usedTwice() {
            Value x = new Value(3, "x");
            Value p = Value.node("*", 9, List.of(x, x), 3, 3);
            assertThat(Graph.topologicalOrder(p)).containsExactly(x, p);
        }

        @Test
        @DisplayName("is the leaf alone for a leaf, and leaves out nodes the output does not depend on")
        void onlyWhatTheOutputNeeds() {
            Value x = new Value(1, "x");
            assertThat(Graph.topologicalOrder(x)).containsExactly(x);
            Value[] n = GraphTest.example();
            Value other = Value.node("exp", Math.exp(0.5), List.of(n[0]), Math.exp(0.5));
            assertThat(Graph.topologicalOrder(n[2])).as("order of a = x y").hasSize(3)
                    .containsExactlyInAnyOrder(n[0], n[1], n[2]).doesNotContain(other);
        }

        @Test
        @DisplayName("orders a chain of 300 nodes from the leaf to the end")
        void chain() {
            List<Value> chain = new ArrayList<>();
            chain.add(new Value(1, "x"));
            for (int k = 1; k < 300; k++) {
                chain.add(Value.node("+1", 1 + k, List.of(chain.get(k - 1)), 1));
            }
            assertThat(Graph.topologicalOrder(chain.get(299))).containsExactlyElementsOf(chain);
        }
    }

    @Nested
    @Tag("ex7.5")
    @DisplayName("Exercise 7.5: the backward pass (Eq. 7.7)")
    class Backward {

        @Test
        @DisplayName("gives the example df/dx = 2 + 0.78644773 = 2.78644773 (x is used twice) and df/dy = 0.5")
        void example() {
            Value[] n = GraphTest.example();
            Graph.backward(n[4]);
            assertThat(n[4].gradient()).as("df/df").isEqualTo(1);
            assertThat(n[2].gradient()).as("df/da").isCloseTo(1, within(1e-15));
            assertThat(n[3].gradient()).as("df/db").isCloseTo(1, within(1e-15));
            assertThat(n[0].gradient()).as("df/dx").isCloseTo(2.7864477329659274, within(1e-15));
            assertThat(n[1].gradient()).as("df/dy").isCloseTo(0.5, within(1e-15));
        }

        @Test
        @DisplayName("accumulates: d(x x)/dx = 3 + 3 = 6 at x = 3, one term per use")
        void usedTwice() {
            Value x = new Value(3, "x");
            Value p = Value.node("*", 9, List.of(x, x), 3, 3);
            Graph.backward(p);
            assertThat(x.gradient()).as("d(x x)/dx").isCloseTo(6, within(1e-15));
        }

        @Test
        @DisplayName("sums over paths the products of local derivatives: 2 * 4 + 3 * 5 = 23 (Eq. 7.4)")
        void sumOverPaths() {
            Value x = new Value(1, "x");
            Value u = Value.node("u", 2, List.of(x), 2);
            Value v = Value.node("v", 3, List.of(x), 3);
            Value w = Value.node("w", 5, List.of(u, v), 4, 5);
            Graph.backward(w);
            assertThat(x.gradient()).as("dw/dx").isCloseTo(23, within(1e-12));
            assertThat(u.gradient()).as("dw/du").isCloseTo(4, within(1e-12));
            assertThat(v.gradient()).as("dw/dv").isCloseTo(5, within(1e-12));
        }

        @Test
        @DisplayName("goes from the output back: a chain x -> u -> v -> w multiplies 2 * 3 * 4 = 24")
        void chain() {
            Value x = new Value(1, "x");
            Value u = Value.node("u", 1, List.of(x), 2);
            Value v = Value.node("v", 1, List.of(u), 3);
            Value w = Value.node("w", 1, List.of(v), 4);
            Graph.backward(w);
            assertThat(x.gradient()).as("dw/dx").isCloseTo(24, within(1e-12));
            assertThat(u.gradient()).as("dw/du").isCloseTo(12, within(1e-12));
        }

        @Test
        @DisplayName("starts from zero: a second backward pass gives the same gradients, not twice them")
        void resets() {
            Value[] n = GraphTest.example();
            n[0].setGradient(7);
            Graph.backward(n[4]);
            Graph.backward(n[4]);
            assertThat(n[0].gradient()).as("df/dx").isCloseTo(2.7864477329659274, within(1e-15));
            assertThat(n[1].gradient()).as("df/dy").isCloseTo(0.5, within(1e-15));
            assertThat(n[2].gradient()).as("df/da").isCloseTo(1, within(1e-15));
        }
    }
}
