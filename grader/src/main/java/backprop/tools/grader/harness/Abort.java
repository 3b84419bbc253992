package backprop.tools.grader.harness;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered through the service loader: once the watchdog has given up on a test, every test
 * and container that JUnit would still start in the same request is skipped at once, so that
 * stopping the stuck thread never hits an innocent test. The tests that are left run again in a
 * fresh loader.
 */
public final class Abort implements ExecutionCondition {

    static volatile boolean now;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return now ? ConditionEvaluationResult.disabled("the watchdog stopped an earlier test")
                : ConditionEvaluationResult.enabled("");
    }
}
