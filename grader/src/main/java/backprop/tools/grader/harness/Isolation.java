package backprop.tools.grader.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Grades each exercise as if the other exercises were right (no cascades): when a test of
 * exercise X runs, every student class is defined with the bodies of the exercise methods of
 * every OTHER exercise replaced by the course's reference bodies. The private methods those
 * bodies call (helpers, the synthetic methods of their lambdas) are copied from the reference
 * under names no Java source can declare ({@code course-NAME}), so they never clash with the
 * student's. The student's method of X, the student's own helpers and fields stay as they are;
 * the given members are the course's anyway ({@code GivenCode}).
 *
 * <p>The reference classes and the map of exercise methods ({@code exercise-methods.tsv}: class,
 * method, descriptor, exercise) are written by {@code BuildCourse} beside the tests, into the
 * grader's own jar; they never reach a student (see grader/README.md). Each replaced body first
 * reports its exercise to {@link #used}, so the harness knows which exercises a test relied on:
 * a test that passes here but failed in the plain run is right given a correct one of those.
 */
public final class Isolation {

    /** The prefix of a copied reference method's name; '-' cannot appear in a Java identifier. */
    static final String PREFIX = "course-";

    private static final String USED_OWNER = Isolation.class.getName().replace('.', '/');

    /** Exercises whose replaced bodies ran in the current test (the tests run one at a time). */
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private final Path reference;
    /** internal class name -> (method name + descriptor -> exercise). */
    private final Map<String, Map<String, String>> methods;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    private Isolation(Path reference, Map<String, Map<String, String>> methods) {
        this.reference = reference;
        this.methods = methods;
    }

    /** The isolation of a course bundle whose tests are in {@code tests}; null if the bundle has no reference. */
    public static Isolation load(Path tests) throws IOException {
        Path reference = tests.resolveSibling("reference");
        Path map = reference.resolve(MAP);
        if (!Files.isRegularFile(map)) {
            return null;
        }
        return new Isolation(reference, readMap(map));
    }

    /** The file beside the reference classes that names every exercise method. */
    public static final String MAP = "exercise-methods.tsv";

    static Map<String, Map<String, String>> readMap(Path file) throws IOException {
        Map<String, Map<String, String>> m = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            m.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1] + "\t" + f[2], f[3]);
        }
        return m;
    }

    /** The exercise methods of compiled classes: those whose body names "Chapter N, exercise N.M" (the stubs). */
    public static Map<String, Map<String, String>> exerciseMethods(Map<String, byte[]> stubClasses) {
        Map<String, Map<String, String>> m = new java.util.TreeMap<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^Chapter \\d+, exercise (\\d+\\.\\d+)\\b.*", java.util.regex.Pattern.DOTALL);
        for (byte[] bytes : stubClasses.values()) {
            ClassNode c = node(bytes);
            for (MethodNode mn : c.methods) {
                if (mn.instructions == null) {
                    continue;
                }
                for (AbstractInsnNode i : mn.instructions) {
                    if (i instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                        java.util.regex.Matcher mt = p.matcher(s);
                        if (mt.matches()) {
                            m.computeIfAbsent(c.name, k -> new java.util.TreeMap<>()).put(mn.name + "\t" + mn.desc, mt.group(1));
                            break;
                        }
                    }
                }
            }
        }
        return m;
    }

    /** Lines of {@link #MAP}. */
    public static String mapText(Map<String, Map<String, String>> methods) {
        StringBuilder b = new StringBuilder("# class\tmethod\tdescriptor\texercise: the exercise methods, found in the stubs\n");
        methods.forEach((c, ms) -> ms.forEach((m, x) -> b.append(c).append('\t').append(m).append('\t').append(x).append('\n')));
        return b.toString();
    }

    /**
     * What a reference body of an exercise needs that a class graded with it might lack: a field
     * of its own class or a non-private method of its own class that the stub does not declare,
     * or a nested class that the stubs do not have. Empty when every body can be transplanted.
     */
    public static List<String> problems(Map<String, byte[]> referenceClasses, Map<String, byte[]> stubClasses,
            Map<String, Map<String, String>> methods) {
        List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, Map<String, String>> c : methods.entrySet()) {
            byte[] ref = referenceClasses.get(c.getKey());
            if (ref == null) {
                problems.add(c.getKey() + ": the reference has no such class");
                continue;
            }
            ClassNode r = node(ref);
            ClassNode s = node(stubClasses.get(c.getKey()));
            Set<String> stubMembers = new TreeSet<>();
            s.methods.forEach(m -> stubMembers.add(m.name + m.desc));
            s.fields.forEach(f -> stubMembers.add("field " + f.name + f.desc));
            for (String key : c.getValue().keySet()) {
                String[] nd = key.split("\t");
                MethodNode body = find(r, nd[0], nd[1]);
                if (body == null) {
                    problems.add(c.getKey() + "." + nd[0] + nd[1] + ": not in the reference");
                    continue;
                }
                for (MethodNode m : closure(r, body).keySet()) {
                    for (AbstractInsnNode i : m.instructions) {
                        if (i instanceof org.objectweb.asm.tree.FieldInsnNode f && f.owner.equals(r.name)
                                && !stubMembers.contains("field " + f.name + f.desc)) {
                            problems.add(c.getKey() + "." + nd[0] + ": uses the field " + f.name + " that the stub does not declare");
                        }
                        if (i instanceof MethodInsnNode mi && mi.owner.equals(r.name)) {
                            MethodNode target = find(r, mi.name, mi.desc);
                            boolean copied = target != null && isCopied(target);
                            if (!copied && !stubMembers.contains(mi.name + mi.desc)) {
                                problems.add(c.getKey() + "." + nd[0] + ": calls " + mi.name + " that the stub does not declare");
                            }
                        }
                        for (String type : types(i)) {
                            if (type.contains("$") && !stubClasses.containsKey(type)) {
                                problems.add(c.getKey() + "." + nd[0] + ": uses the class " + type + " that the stubs do not have");
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> types(AbstractInsnNode i) {
        if (i instanceof org.objectweb.asm.tree.TypeInsnNode t) {
            return List.of(t.desc);
        }
        if (i instanceof MethodInsnNode m) {
            return List.of(m.owner);
        }
        if (i instanceof org.objectweb.asm.tree.FieldInsnNode f) {
            return List.of(f.owner);
        }
        return List.of();
    }

    /** The class a student class becomes while exercise {@code exercise} is tested. */
    public byte[] rewrite(String className, byte[] student, String exercise) {
        String internal = className.replace('.', '/');
        Map<String, String> own = methods.get(internal);
        if (own == null || exercise == null || own.values().stream().allMatch(exercise::equals)) {
            return student;
        }
        return cache.computeIfAbsent(exercise + "\u0000" + internal, k -> transplant(internal, student, own, exercise));
    }

    private byte[] transplant(String internal, byte[] student, Map<String, String> own, String exercise) {
        byte[] refBytes;
        try {
            refBytes = Files.readAllBytes(reference.resolve(internal + ".class"));
        } catch (IOException e) {
            return student;
        }
        ClassNode s = node(student);
        ClassNode r = node(refBytes);
        Set<String> taken = new TreeSet<>();
        s.methods.forEach(m -> taken.add(m.name + m.desc));
        Map<String, MethodNode> copies = new LinkedHashMap<>();
        Map<String, String> renamed = new HashMap<>();
        for (Map.Entry<String, String> e : own.entrySet()) {
            if (e.getValue().equals(exercise)) {
                continue;
            }
            String[] nd = e.getKey().split("\t");
            MethodNode target = find(s, nd[0], nd[1]);
            MethodNode body = find(r, nd[0], nd[1]);
            if (target == null || body == null) {
                continue;
            }
            for (MethodNode helper : closure(r, body).keySet()) {
                if (helper != body && isCopied(helper)) {
                    String name = PREFIX + helper.name;
                    renamed.put(helper.name + helper.desc, name);
                    copies.putIfAbsent(name + helper.desc, helper);
                }
            }
            target.instructions = body.instructions;
            target.tryCatchBlocks = body.tryCatchBlocks;
            target.localVariables = null;
            target.visibleLocalVariableAnnotations = null;
            target.invisibleLocalVariableAnnotations = null;
            target.maxLocals = body.maxLocals;
            target.maxStack = Math.max(body.maxStack, 1);
            InsnList mark = new InsnList();
            mark.add(new LdcInsnNode(e.getValue()));
            mark.add(new MethodInsnNode(Opcodes.INVOKESTATIC, USED_OWNER, "used", "(Ljava/lang/String;)V", false));
            target.instructions.insert(mark);
            target.access &= ~Opcodes.ACC_ABSTRACT;
        }
        for (Map.Entry<String, MethodNode> c : copies.entrySet()) {
            MethodNode m = c.getValue();
            m.name = PREFIX + m.name;
            m.access = (m.access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC;
            m.localVariables = null;
            if (!taken.contains(m.name + m.desc)) {
                s.methods.add(m);
            }
        }
        for (MethodNode m : s.methods) {
            if (m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; ) {
                AbstractInsnNode next = i.getNext();
                if (i instanceof LineNumberNode && isTransplanted(m, own, exercise, copies)) {
                    m.instructions.remove(i);
                } else if (i instanceof MethodInsnNode mi && mi.owner.equals(s.name) && renamed.containsKey(mi.name + mi.desc)
                        && isTransplanted(m, own, exercise, copies)) {
                    mi.name = renamed.get(mi.name + mi.desc);
                } else if (i instanceof InvokeDynamicInsnNode indy && isTransplanted(m, own, exercise, copies)) {
                    for (int a = 0; a < indy.bsmArgs.length; a++) {
                        if (indy.bsmArgs[a] instanceof Handle h && h.getOwner().equals(s.name) && renamed.containsKey(h.getName() + h.getDesc())) {
                            indy.bsmArgs[a] = new Handle(h.getTag(), h.getOwner(), renamed.get(h.getName() + h.getDesc()), h.getDesc(), h.isInterface());
                        }
                    }
                }
                i = next;
            }
        }
        ClassWriter w = new ClassWriter(0);
        s.accept(w);
        return w.toByteArray();
    }

    /** Whether a method of the rewritten class holds reference code (a replaced body or a copy). */
    private static boolean isTransplanted(MethodNode m, Map<String, String> own, String exercise, Map<String, MethodNode> copies) {
        if (copies.containsValue(m)) {
            return true;
        }
        String x = own.get(m.name + "\t" + m.desc);
        return x != null && !x.equals(exercise);
    }

    /** Private methods (helpers, lambdas' synthetic methods) are copied with the body; the rest is the class's own. */
    private static boolean isCopied(MethodNode m) {
        return (m.access & Opcodes.ACC_PRIVATE) != 0 && !m.name.startsWith("<");
    }

    /** A body and, transitively, the private methods of its class that it calls or makes lambdas of. */
    private static Map<MethodNode, Boolean> closure(ClassNode c, MethodNode start) {
        Map<MethodNode, Boolean> seen = new LinkedHashMap<>();
        Deque<MethodNode> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            MethodNode m = todo.poll();
            if (seen.put(m, Boolean.TRUE) != null || m.instructions == null) {
                continue;
            }
            for (AbstractInsnNode i : m.instructions) {
                if (i instanceof MethodInsnNode mi && mi.owner.equals(c.name)) {
                    MethodNode t = find(c, mi.name, mi.desc);
                    if (t != null && isCopied(t)) {
                        todo.add(t);
                    }
                } else if (i instanceof InvokeDynamicInsnNode indy) {
                    for (Object a : indy.bsmArgs) {
                        if (a instanceof Handle h && h.getOwner().equals(c.name)) {
                            MethodNode t = find(c, h.getName(), h.getDesc());
                            if (t != null && isCopied(t)) {
                                todo.add(t);
                            }
                        }
                    }
                }
            }
        }
        return seen;
    }

    private static MethodNode find(ClassNode c, String name, String desc) {
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static ClassNode node(byte[] bytes) {
        ClassNode c = new ClassNode();
        new ClassReader(bytes).accept(c, 0);
        return c;
    }

    /** Called first by every replaced body: its exercise ran in the current test. */
    public static void used(String exercise) {
        USED.add(exercise);
    }

    /** The exercises whose replaced bodies ran since the last call, and forgets them. */
    public static Set<String> drainUsed() {
        Set<String> s = new TreeSet<>(USED);
        USED.removeAll(s);
        return Collections.unmodifiableSet(s);
    }
}
