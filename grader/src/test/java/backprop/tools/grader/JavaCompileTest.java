package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.tools.grader.JavaCompile.Source;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory compiler")
class JavaCompileTest {

    @Test
    @DisplayName("reports javac's diagnostic whole, with the symbol it cannot find and where, on the student's line")
    void wholeDiagnostic() {
        String src = "package backprop.logistic;\nfinal class Typo {\n    double f(double z) {\n        return rate * z;\n    }\n}\n";
        JavaCompile.Output out = JavaCompile.compile(List.of(new Source("backprop/logistic/Typo.java", src)), List.of());
        assertThat(out.errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("cannot find symbol").contains("symbol: variable rate").contains("location: class")
                    .doesNotContain("\n");
        });
    }
}
