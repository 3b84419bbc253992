package backprop.tools.grader.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * A fresh loader for one test: course test classes come only from the test directory, student
 * classes only from the student directory and only for the course packages, everything else
 * (JDK, JUnit, AssertJ) from the parent. A student class can therefore never replace a test, a
 * test helper, a JDK class or a grader class, and static state dies with the loader.
 */
public final class RoutingLoader extends ClassLoader {

    /** The packages whose classes students write. */
    public static final Set<String> COURSE_PACKAGES = Set.of("backprop.common", "backprop.intuition",
            "backprop.singlelayer", "backprop.logistic", "backprop.network", "backprop.loss",
            "backprop.training", "backprop.autodiff");

    static {
        registerAsParallelCapable();
    }

    private final Path tests;
    private final Path student;
    private final Isolation isolation;
    private final String exercise;
    /** The names of course-package classes looked for in the student's directory, found or not. */
    private final Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RoutingLoader(Path tests, Path student, ClassLoader parent) {
        this(tests, student, parent, null, null);
    }

    /**
     * A loader whose student classes are those of {@code student} with the bodies of every
     * exercise but {@code exercise} replaced by the course's ({@link Isolation}); with a null
     * isolation or exercise, the student's classes as they are.
     */
    public RoutingLoader(Path tests, Path student, ClassLoader parent, Isolation isolation, String exercise) {
        super("submission", parent);
        this.tests = tests;
        this.student = student;
        this.isolation = isolation;
        this.exercise = exercise;
    }

    /** Whether a class name lies in one of the course packages (not in a sub-package). */
    public static boolean inCoursePackage(String className) {
        int dot = className.lastIndexOf('.');
        return dot > 0 && COURSE_PACKAGES.contains(className.substring(0, dot));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !name.startsWith("java.")) {
                String file = name.replace('.', '/') + ".class";
                Path t = tests.resolve(file);
                if (Files.isRegularFile(t)) {
                    c = define(name, t);
                } else if (student != null && inCoursePackage(name)) {
                    asked.add(name);
                    Path s = student.resolve(file);
                    if (Files.isRegularFile(s)) {
                        c = defineStudent(name, s);
                    } else {
                        throw new ClassNotFoundException(name);
                    }
                }
            }
            if (c == null) {
                c = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> define(String name, Path file) throws ClassNotFoundException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private Class<?> defineStudent(String name, Path file) throws ClassNotFoundException {
        if (isolation == null || exercise == null) {
            return define(name, file);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        byte[] isolated;
        try {
            isolated = isolation.rewrite(name, bytes, exercise);
        } catch (RuntimeException e) {
            isolated = bytes; // graded with the student's own bodies, as without isolation
        }
        return defineClass(name, isolated, 0, isolated.length);
    }

    @Override
    protected URL findResource(String name) {
        Path t = tests.resolve(name).normalize();
        if (t.startsWith(tests) && Files.isRegularFile(t)) {
            try {
                return t.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL u = findResource(name);
        return java.util.Collections.enumeration(u == null ? List.of() : List.of(u));
    }

    @Override
    public URL getResource(String name) {
        URL u = findResource(name);
        return u != null ? u : getParent().getResource(name);
    }

    /**
     * The student classes this loader was asked for so far (those it defined and those the student
     * does not have), sorted: with the course's classes, all the code a test could have run.
     */
    public List<String> asked() {
        return asked.stream().sorted().toList();
    }

    /** The directory with the course's compiled tests. */
    public Path tests() {
        return tests;
    }
}
