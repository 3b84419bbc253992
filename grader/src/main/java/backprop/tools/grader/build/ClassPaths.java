package backprop.tools.grader.build;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the test API (JUnit, AssertJ) lives, found through the classes themselves. */
public final class ClassPaths {

    private ClassPaths() {
    }

    /** The jars (or directories) that the course tests compile against, besides the stubs. */
    public static List<Path> testApi() {
        String[] anchors = {
            "org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest",
            "org.junit.platform.launcher.Launcher",
            "org.junit.platform.engine.TestExecutionResult",
            "org.junit.platform.commons.util.Preconditions",
            "org.opentest4j.AssertionFailedError",
            "org.apiguardian.api.API",
            "org.assertj.core.api.Assertions",
        };
        List<Path> paths = new ArrayList<>();
        for (String a : anchors) {
            try {
                Class<?> c = Class.forName(a, false, ClassPaths.class.getClassLoader());
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
                // not present: the compiler will say what is missing
            }
        }
        return paths;
    }
}
