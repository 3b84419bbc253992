package backprop.tools.grader;

import backprop.tools.grader.harness.RoutingLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Checks compiled student classes against what a course submission may use: basic
 * {@code java.lang}, {@code Math}, collections, functions, streams and the course's own
 * packages. Everything else is refused with a reason a student can act on: files, the network,
 * reflection, class loading, method handles, threads, processes, ending the JVM, reading the
 * environment or system properties, redirecting the standard streams, native methods, and
 * classes outside the course packages. Checked: super types, field and method descriptors,
 * every instruction that names a class or member, constants, exception handlers, and every
 * invokedynamic (only the bootstraps javac emits for lambdas, string concatenation and records
 * are allowed, and their method handles are checked like calls).
 */
public final class Allowlist {

    /** One refused use: the class and method where it occurs, what it is, and why it is refused. */
    public record Violation(String className, String where, String what, String why) {
        @Override
        public String toString() {
            return className.replace('/', '.') + (where.isEmpty() ? "" : "." + where) + " uses " + what + ": " + why;
        }
    }

    private static final String LAMBDA = "java/lang/invoke/LambdaMetafactory";
    private static final String CONCAT = "java/lang/invoke/StringConcatFactory";
    private static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";

    /** Classes of java.lang that may be used freely. */
    private static final Set<String> LANG = Set.of("Object", "String", "StringBuilder", "StringBuffer", "Math",
            "StrictMath", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character", "Boolean", "Number",
            "Enum", "Record", "Iterable", "Comparable", "CharSequence", "Cloneable", "Void", "Runnable",
            "AutoCloseable", "Throwable", "Exception", "RuntimeException", "Error", "IllegalArgumentException",
            "IllegalStateException", "UnsupportedOperationException", "ArithmeticException",
            "ArrayIndexOutOfBoundsException", "IndexOutOfBoundsException", "StringIndexOutOfBoundsException",
            "NullPointerException", "NumberFormatException", "ClassCastException", "NoSuchFieldError",
            "AssertionError", "IncompatibleClassChangeError", "ArrayStoreException", "NegativeArraySizeException", "CloneNotSupportedException",
            "StackOverflowError", "OutOfMemoryError", "Override", "FunctionalInterface", "SafeVarargs",
            "Deprecated", "SuppressWarnings", "Character$UnicodeBlock", "Integer$IntegerCache", "Enum$EnumDesc");

    /** Packages (exact) whose classes may be used, apart from the denied ones below. */
    private static final Set<String> PACKAGES = Set.of("java/util", "java/util/function", "java/util/stream", "java/math",
            "java/util/regex");

    /** Classes in allowed packages that are refused anyway, with the reason. */
    private static final Map<String, String> DENIED_CLASSES = Map.ofEntries(
            Map.entry("java/util/Timer", "threads"),
            Map.entry("java/util/TimerTask", "threads"),
            Map.entry("java/util/ServiceLoader", "class loading"),
            Map.entry("java/util/ResourceBundle", "class loading"),
            Map.entry("java/util/Scanner", "files and input streams"),
            Map.entry("java/util/Formatter", "files and input streams"),
            Map.entry("java/util/Properties", "files and input streams"),
            Map.entry("java/util/WeakHashMap", "references the garbage collector clears in another thread"),
            Map.entry("java/util/stream/StreamSupport", "parallel streams (threads)"),
            Map.entry("java/util/SplittableRandom", "not on the allowlist"));

    /** What may be used of java.lang.System. */
    private static final Set<String> SYSTEM_OK = Set.of("out", "err", "arraycopy", "nanoTime", "currentTimeMillis",
            "lineSeparator", "identityHashCode");

    /**
     * The JDK types a student class may extend or implement. Every other JDK type is refused as a
     * super type: a subclass inherits methods that the rules, written for the JDK owner, would not
     * see when a call names the subclass (a collection's parallel stream, a time zone's JVM-wide
     * default). Inherited members of these few are still checked as if called on them.
     */
    static final Set<String> SUPER_TYPES = Set.of("java/lang/Object", "java/lang/Record", "java/lang/Enum",
            "java/lang/Throwable", "java/lang/Exception", "java/lang/RuntimeException", "java/lang/Error",
            "java/lang/IllegalArgumentException", "java/lang/IllegalStateException",
            "java/lang/UnsupportedOperationException", "java/lang/ArithmeticException",
            "java/lang/IndexOutOfBoundsException", "java/lang/AssertionError",
            "java/lang/Comparable", "java/lang/Iterable", "java/lang/CharSequence", "java/lang/Cloneable",
            "java/lang/AutoCloseable", "java/io/Serializable", "java/util/Iterator", "java/util/Comparator");

    private static final String TEST_CLASS = "a class of the course's tests: their helpers and expected values are out of a submission's reach";

    private Allowlist() {
    }

    /** Checks every class; returns the refusals (empty when all is allowed). */
    public static List<Violation> check(Map<String, byte[]> classes) {
        Map<String, ClassNode> nodes = new LinkedHashMap<>();
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            ClassNode cn = new ClassNode();
            try {
                new ClassReader(e.getValue()).accept(cn, 0);
                nodes.put(cn.name, cn);
            } catch (RuntimeException x) {
                out.add(new Violation(e.getKey(), "", "an unreadable class file", "not a valid class"));
            }
        }
        for (ClassNode cn : nodes.values()) {
            out.addAll(checkClass(cn, nodes));
        }
        return out;
    }

    private static List<Violation> checkClass(ClassNode cn, Map<String, ClassNode> submission) {
        Set<Violation> out = new LinkedHashSet<>();
        String self = cn.name;
        if (!RoutingLoader.inCoursePackage(self.replace('/', '.'))) {
            out.add(new Violation(self, "", "the package " + pkg(self).replace('/', '.'),
                    "a submission may only define classes in the course packages " + RoutingLoader.COURSE_PACKAGES));
        } else if (TestBundle.classes().contains(self)) {
            out.add(new Violation(self, "", "a class named like " + self.replace('/', '.'), TEST_CLASS));
        }
        Checker k = new Checker(self, out, submission);
        k.where = "";
        if (cn.superName != null) {
            k.superType(cn.superName, "extends " + cn.superName.replace('/', '.'));
        }
        for (String i : cn.interfaces) {
            k.superType(i, "implements " + i.replace('/', '.'));
        }
        for (FieldNode f : cn.fields) {
            k.where = f.name;
            k.descriptor(f.desc);
        }
        for (MethodNode m : cn.methods) {
            k.where = m.name;
            if ((m.access & Opcodes.ACC_NATIVE) != 0) {
                out.add(new Violation(self, m.name, "a native method", "native code"));
            }
            if (m.name.equals("finalize") && m.desc.equals("()V")) {
                out.add(new Violation(self, m.name, "a finalizer", "finalizers run on the JVM's own thread, outside the time limit"));
            }
            k.descriptor(m.desc);
            if (m.exceptions != null) {
                m.exceptions.forEach(x -> k.type(x, x.replace('/', '.')));
            }
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (t.type != null) {
                    k.type(t.type, "catch " + t.type.replace('/', '.'));
                }
            }
            for (AbstractInsnNode insn : m.instructions) {
                k.instruction(insn);
            }
        }
        return List.copyOf(out);
    }

    private static String pkg(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static final class Checker {
        final String self;
        final Set<Violation> out;
        final Map<String, ClassNode> submission;
        String where;

        Checker(String self, Set<Violation> out, Map<String, ClassNode> submission) {
            this.self = self;
            this.out = out;
            this.submission = submission;
        }

        /** A super class or interface: a course type, or one of the few listed JDK types. */
        void superType(String internalName, String what) {
            String reason = classReason(internalName);
            if (reason != null) {
                refuse(what, reason);
            } else if (!RoutingLoader.inCoursePackage(internalName.replace('/', '.')) && !SUPER_TYPES.contains(internalName)
                    && !internalName.startsWith("java/util/function/")) {
                refuse(what, "a submission may extend or implement only course types, functional interfaces and "
                        + "Object, Record, Enum, exceptions, Comparable, Iterable, Iterator, Comparator, CharSequence");
            }
        }

        /**
         * The JDK types whose member a use of {@code owner.name} resolves to when no course class
         * on the way up declares it: every JDK super type of the course class, through any chain of
         * course classes and interfaces. Empty when a course class declares the member.
         */
        Set<String> inheritedFrom(String owner, String name, String desc, boolean field) {
            Set<String> jdk = new LinkedHashSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(owner));
            Set<String> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                String c = todo.poll();
                if (!seen.add(c)) {
                    continue;
                }
                ClassNode n = submission.get(c);
                if (n == null) {
                    jdk.add(c);
                    continue;
                }
                boolean declares = field ? n.fields.stream().anyMatch(f -> f.name.equals(name))
                        : n.methods.stream().anyMatch(m -> m.name.equals(name) && m.desc.equals(desc));
                if (declares) {
                    return Set.of(); // student or given bytecode, checked itself
                }
                if (n.superName != null) {
                    todo.add(n.superName);
                }
                todo.addAll(n.interfaces);
            }
            return jdk;
        }

        void refuse(String what, String why) {
            out.add(new Violation(self, where, what, why));
        }

        void descriptor(String desc) {
            Type t = Type.getType(desc);
            if (t.getSort() == Type.METHOD) {
                type(t.getReturnType(), null);
                for (Type a : t.getArgumentTypes()) {
                    type(a, null);
                }
            } else {
                type(t, null);
            }
        }

        void type(Type t, String what) {
            if (t.getSort() == Type.ARRAY) {
                t = t.getElementType();
            }
            if (t.getSort() == Type.OBJECT) {
                type(t.getInternalName(), what);
            } else if (t.getSort() == Type.METHOD) {
                descriptor(t.getDescriptor());
            }
        }

        /** A class used by name (internal name or array descriptor). */
        void type(String internalName, String what) {
            if (internalName.startsWith("[")) {
                type(Type.getType(internalName), what);
                return;
            }
            String reason = classReason(internalName);
            if (reason != null) {
                refuse(what == null ? internalName.replace('/', '.') : what, reason);
            }
        }

        /** Why a class may not be used at all, or null. */
        String classReason(String c) {
            if (RoutingLoader.inCoursePackage(c.replace('/', '.'))) {
                // the submission's own classes and the course's given ones are all compiled
                // together: any other class of a course package can only be one of the tests
                return submission.containsKey(c) && !TestBundle.classes().contains(c) ? null : TEST_CLASS;
            }
            String p = pkg(c);
            String simple = c.substring(c.lastIndexOf('/') + 1);
            if (p.equals("java/lang")) {
                if (LANG.contains(simple) || c.equals("java/lang/System") || c.equals("java/lang/Class")) {
                    return null;
                }
                if (simple.startsWith("Thread") || simple.equals("Runnable") || simple.startsWith("InheritableThreadLocal")) {
                    return "threads";
                }
                if (simple.startsWith("Process") || simple.equals("Runtime") || simple.startsWith("Runtime$")) {
                    return "processes and the runtime";
                }
                if (simple.contains("ClassLoader") || simple.startsWith("Module") || simple.equals("StackWalker")) {
                    return "class loading and reflection";
                }
                if (simple.equals("ReflectiveOperationException") || simple.equals("ClassNotFoundException")
                        || simple.startsWith("NoSuchMethod") || simple.equals("NoSuchFieldException")
                        || simple.equals("IllegalAccessException") || simple.equals("InstantiationException")) {
                    return "reflection";
                }
                if (simple.equals("SecurityManager")) {
                    return "the security manager";
                }
                return "not on the grader's allowlist";
            }
            if (p.startsWith("java/lang/reflect")) {
                return "reflection";
            }
            if (p.startsWith("java/lang/invoke")) {
                return "method handles";
            }
            if (p.startsWith("java/util/concurrent") || p.startsWith("java/lang/ref")) {
                return "threads";
            }
            if (p.startsWith("java/net")) {
                return "the network";
            }
            if (p.startsWith("java/io")) {
                if (c.equals("java/io/PrintStream") || c.equals("java/io/Serializable")) {
                    return null;
                }
                return "files and I/O streams";
            }
            if (p.startsWith("java/nio")) {
                return "files and channels";
            }
            if (PACKAGES.contains(p)) {
                return DENIED_CLASSES.get(c);
            }
            if (c.startsWith("backprop/")) {
                return "a class outside the course packages (the grader's or the tests' own code)";
            }
            return "not on the grader's allowlist";
        }

        /** A member use: owner, name, descriptor; field says whether it is a field. */
        void member(String owner, String name, String desc, boolean field) {
            String what = owner.replace('/', '.') + "." + name;
            if (owner.startsWith("[")) {
                type(owner, what);
                return;
            }
            String reason = classReason(owner);
            if (reason != null) {
                refuse(what, reason);
                return;
            }
            if (RoutingLoader.inCoursePackage(owner.replace('/', '.'))) {
                // the rules hold for the member the use resolves to, not the name in the bytecode
                for (String jdk : inheritedFrom(owner, name, desc, field)) {
                    rules(jdk, name, owner.replace('/', '.') + "." + name + " (inherited from " + jdk.replace('/', '.') + ")");
                }
                descriptor(desc);
                return;
            }
            rules(owner, name, what);
            descriptor(desc);
        }

        /** The rules for members of JDK classes that may be used, but not every member. */
        void rules(String owner, String name, String what) {
            switch (owner) {
                case "java/lang/System" -> {
                    if (!SYSTEM_OK.contains(name)) {
                        refuse(what, switch (name) {
                            case "exit" -> "a submission may not end the JVM";
                            case "getenv", "getProperty", "getProperties", "setProperty", "clearProperty", "setProperties" ->
                                    "reading or changing the environment and system properties";
                            case "setOut", "setErr", "setIn", "in", "console", "inheritedChannel" ->
                                    "redirecting or reading the standard streams";
                            case "load", "loadLibrary", "mapLibraryName" -> "native code";
                            default -> "not on the grader's allowlist";
                        });
                    }
                }
                case "java/lang/Class" -> {
                    if (!name.equals("desiredAssertionStatus")) {
                        refuse(what, "reflection");
                    }
                }
                case "java/lang/Integer", "java/lang/Long", "java/lang/Boolean" -> {
                    if (name.equals("getInteger") || name.equals("getLong") || name.equals("getBoolean")) {
                        refuse(what, "reading system properties");
                    }
                }
                case "java/lang/Object" -> {
                    if (name.equals("wait") || name.equals("notify") || name.equals("notifyAll")) {
                        refuse(what, "threads");
                    }
                }
                case "java/io/PrintStream" -> {
                    if (name.equals("<init>")) {
                        refuse(what, "files and I/O streams");
                    }
                }
                case "java/util/Locale", "java/util/TimeZone" -> {
                    if (name.startsWith("setDefault")) {
                        refuse(what, "changing JVM-wide defaults");
                    }
                }
                default -> {
                }
            }
            if (name.startsWith("parallel")) {
                refuse(what, "parallel streams (threads)");
            }
        }

        void handle(Handle h) {
            member(h.getOwner(), h.getName(), h.getDesc(), h.getTag() <= Opcodes.H_PUTSTATIC);
        }

        void constant(Object c) {
            if (c instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    refuse("a method type constant", "method handles");
                } else {
                    type(t, "the class literal " + t.getClassName());
                }
            } else if (c instanceof Handle h) {
                refuse("a method handle constant " + h.getOwner().replace('/', '.') + "." + h.getName(), "method handles");
            } else if (c instanceof ConstantDynamic d) {
                refuse("a dynamic constant " + d.getName(), "method handles");
            }
        }

        void instruction(AbstractInsnNode insn) {
            if (insn instanceof MethodInsnNode m) {
                member(m.owner, m.name, m.desc, false);
            } else if (insn instanceof FieldInsnNode f) {
                member(f.owner, f.name, f.desc, true);
            } else if (insn instanceof TypeInsnNode t) {
                type(t.desc, t.desc.replace('/', '.'));
            } else if (insn instanceof MultiANewArrayInsnNode a) {
                type(a.desc, a.desc);
            } else if (insn instanceof LdcInsnNode l) {
                constant(l.cst);
            } else if (insn instanceof InvokeDynamicInsnNode d) {
                indy(d);
            }
        }

        void indy(InvokeDynamicInsnNode d) {
            Handle bsm = d.bsm;
            String owner = bsm.getOwner();
            boolean lambda = owner.equals(LAMBDA) && (bsm.getName().equals("metafactory") || bsm.getName().equals("altMetafactory"));
            boolean concat = owner.equals(CONCAT) && bsm.getName().startsWith("makeConcat");
            boolean record = owner.equals(OBJECT_METHODS) && bsm.getName().equals("bootstrap");
            if (!lambda && !concat && !record) {
                refuse("invokedynamic with the bootstrap " + owner.replace('/', '.') + "." + bsm.getName(), "method handles");
                return;
            }
            descriptor(d.desc);
            for (Object arg : d.bsmArgs) {
                if (arg instanceof Handle h) {
                    if (record && !h.getOwner().equals(self)) {
                        refuse("a record method over another class's fields", "method handles");
                    } else {
                        handle(h);
                    }
                } else if (arg instanceof Type t) {
                    type(t, (String) null);
                } else if (arg instanceof ConstantDynamic c) {
                    refuse("a dynamic constant " + c.getName(), "method handles");
                }
            }
        }
    }
}
