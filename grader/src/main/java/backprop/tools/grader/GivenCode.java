package backprop.tools.grader;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The tests judge with the course's own given code, never the student's copy of it. Each
 * submitted file that the course has a stub for is rebuilt from that stub: only the bodies of
 * the exercise methods (those whose stub body throws the "Chapter N, exercise N.M"
 * {@code UnsupportedOperationException}) are taken from the student, with the student's
 * parameter names, plus the members, nested and top-level types and imports the student added.
 * Everything else (records, interfaces, {@code Require}, validation, given methods, fields,
 * constructors, class headers) is the course's text, whatever the student's file says there.
 *
 * <p>An added member is left out when its name is one that the given code of any stub uses (it
 * could change what a given call resolves to: an overload, a field or a nested type that shadows,
 * a same-package class named like a JDK one), as are added constructors and initializer blocks
 * (they would run inside given objects). A new file's class named like something the given code
 * uses is left out for the same reason. A file that does not parse is passed on unchanged: the
 * compiler then reports it and it is graded as the stub. Every change is named in the notes.
 */
final class GivenCode {

    /** The files to compile and what the student should be told. */
    record Restored(Map<String, String> files, List<String> notes, Map<String, String> submitted) {

        /**
         * The line of the student's own file that a line of the restored file came from, or 0
         * when it is the course's given code (or cannot be told apart from it). A line is found by
         * its text: the k-th restored line that reads like it is the k-th such line of the
         * student's file, so that a compile error points where the student can look.
         */
        long studentLine(String path, long line) {
            String restored = files.get(path);
            String mine = submitted.get(path);
            if (restored == null || mine == null || line < 1) {
                return 0;
            }
            if (restored.equals(mine)) {
                return line;
            }
            List<String> r = restored.lines().toList();
            List<String> m = mine.lines().toList();
            if (line > r.size()) {
                return 0;
            }
            String text = r.get((int) line - 1).strip();
            if (text.replaceAll("[{}();\\s]", "").isEmpty()) {
                return 0; // a brace or a blank: any line could read like it
            }
            long before = r.subList(0, (int) line - 1).stream().filter(x -> x.strip().equals(text)).count();
            for (int i = 0, seen = 0; i < m.size(); i++) {
                if (m.get(i).strip().equals(text) && seen++ == before) {
                    return i + 1;
                }
            }
            return 0;
        }
    }

    static final String MARKER = "UnsupportedOperationException(\"Chapter ";

    /** The parsed stubs of a course, kept for every submission graded against it. */
    private static final Map<Map<String, String>, Course> COURSES = new ConcurrentHashMap<>();

    /** Names of the methods of the JDK types a student class may extend: an added one would override or overload them. */
    private static final Set<String> JDK_METHODS = jdkMethods();

    private GivenCode() {
    }

    private static Set<String> jdkMethods() {
        Set<String> names = new HashSet<>();
        for (String t : Allowlist.SUPER_TYPES) {
            try {
                for (java.lang.reflect.Method m : Class.forName(t.replace('/', '.')).getMethods()) {
                    names.add(m.getName());
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        names.add("clone");
        names.add("finalize");
        return Set.copyOf(names);
    }

    /** The course's stubs, parsed, and the names their given code uses. */
    private record Course(Map<String, Model> models, Map<String, Type> types, Set<String> allNames, Set<String> fields) {
        static Course of(Map<String, String> stubs) {
            Map<String, Model> models = parse(stubs);
            Map<String, Type> types = new LinkedHashMap<>();
            Set<String> all = new HashSet<>();
            Set<String> fields = new HashSet<>();
            for (Model m : models.values()) {
                m.types.forEach((name, t) -> types.putIfAbsent(name.substring(name.lastIndexOf('.') + 1), t));
                all.addAll(m.names);
                m.types.values().forEach(t -> t.members.values().stream().filter(x -> x.kind == Tree.Kind.VARIABLE)
                        .forEach(x -> fields.add(x.name)));
            }
            return new Course(models, types, Set.copyOf(all), Set.copyOf(fields));
        }

        /** The methods a new member of the type may not be named like: its own, its super types', the JDK's, and what its file calls unqualified. */
        Set<String> methods(Model file, Type t) {
            Set<String> names = new HashSet<>(JDK_METHODS);
            names.addAll(file.unqualifiedCalls);
            java.util.ArrayDeque<Type> todo = new java.util.ArrayDeque<>(List.of(t));
            Set<Type> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                Type x = todo.poll();
                if (seen.add(x)) {
                    x.members.values().stream().filter(m -> m.kind == Tree.Kind.METHOD).forEach(m -> names.add(m.name));
                    x.supers.stream().map(types::get).filter(java.util.Objects::nonNull).forEach(todo::add);
                }
            }
            return names;
        }

        /** The fields a new member may not be named like: what the file refers to (but its locals), and every given field. */
        Set<String> fields(Model file) {
            Set<String> names = new HashSet<>(file.names);
            names.removeAll(file.locals);
            names.addAll(fields);
            return names;
        }
    }

    /** Rebuilds every file that has a stub from the stub, keeping only the student's exercise bodies and additions. */
    static Restored restore(Map<String, String> files, Map<String, String> stubs) {
        Course course = COURSES.computeIfAbsent(stubs, Course::of);
        Map<String, String> changed = new LinkedHashMap<>();
        files.forEach((path, text) -> {
            if (!text.equals(stubs.get(path))) {
                changed.put(path, text);
            }
        });
        Map<String, Model> student = parse(changed);
        Map<String, String> out = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            Model stub = course.models.get(path);
            Model mine = student.get(path);
            if (!changed.containsKey(path) || mine == null) {
                out.put(path, f.getValue()); // the stub itself, or a file that does not parse: the compiler names the error
            } else if (stub == null) {
                String clash = mine.types.entrySet().stream().filter(t -> t.getValue().outer.isEmpty() && course.allNames.contains(t.getKey()))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (clash != null) {
                    notes.add(path + " declares the class " + clash + ", a name the given code uses; left out (rename it)");
                } else {
                    out.put(path, f.getValue());
                }
            } else {
                out.put(path, splice(path, course, stub, mine, notes));
            }
        }
        return new Restored(out, notes, Map.copyOf(files));
    }

    private static String splice(String path, Course given, Model course, Model student, List<String> notes) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        boolean exercises = course.types.values().stream().anyMatch(t -> t.members.values().stream().anyMatch(m -> m.exercise));
        if (!exercises) {
            notes.add(file + " is given code: the course's version is used, not yours");
            return course.text;
        }
        List<Edit> edits = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, Type> c : course.types.entrySet()) {
            Type mine = student.types.get(c.getKey());
            StringBuilder added = new StringBuilder();
            for (Member m : c.getValue().members.values()) {
                Member theirs = mine == null ? null : mine.members.get(m.key);
                if (m.nested) {
                    continue; // a type of its own, restored member by member
                }
                if (m.exercise) {
                    if (theirs == null || theirs.bodyStart < 0) {
                        missing.add(c.getKey() + "." + m.label);
                        continue;
                    }
                    edits.add(new Edit(m.bodyStart, m.bodyEnd, student.text.substring(theirs.bodyStart, theirs.bodyEnd)));
                    for (int i = 0; i < m.params.size(); i++) {
                        Param p = m.params.get(i);
                        String name = theirs.params.get(i).name;
                        if (!p.name.equals(name)) {
                            edits.add(new Edit(p.namePos, p.namePos + p.name.length(), name));
                        }
                    }
                } else if (theirs == null || !same(theirs.text, m.text)) {
                    restored.add(c.getKey() + "." + m.label);
                }
            }
            if (mine != null) {
                Set<String> methods = given.methods(course, c.getValue());
                Set<String> fields = given.fields(course);
                for (Member m : mine.members.values()) {
                    if (c.getValue().members.containsKey(m.key) || m.nested) {
                        continue;
                    }
                    String why = refusal(m, m.kind == Tree.Kind.METHOD ? methods : fields);
                    if (why != null) {
                        dropped.add((m.kind == Tree.Kind.BLOCK ? m.label + " of " + c.getKey() : c.getKey() + "." + m.label) + " (" + why + ")");
                    } else {
                        added.append("\n    ").append(m.text).append('\n');
                    }
                }
                for (Map.Entry<String, Type> t : student.types.entrySet()) {
                    if (t.getValue().outer.equals(c.getKey()) && !course.types.containsKey(t.getKey())) {
                        String simple = t.getKey().substring(t.getKey().lastIndexOf('.') + 1);
                        if (given.allNames.contains(simple)) {
                            dropped.add(t.getKey() + " (a name the given code uses; rename it)");
                        } else {
                            added.append("\n    ").append(t.getValue().text).append('\n');
                        }
                    }
                }
            }
            if (added.length() > 0) {
                edits.add(new Edit(c.getValue().closingBrace, c.getValue().closingBrace, added.toString()));
            }
        }
        StringBuilder topLevel = new StringBuilder();
        for (Map.Entry<String, Type> t : student.types.entrySet()) {
            if (t.getValue().outer.isEmpty() && !course.types.containsKey(t.getKey())) {
                if (given.allNames.contains(t.getKey())) {
                    dropped.add(t.getKey() + " (a name the given code uses; rename it)");
                } else {
                    topLevel.append("\n").append(t.getValue().text).append('\n');
                }
            }
        }
        if (topLevel.length() > 0) {
            edits.add(new Edit(course.text.length(), course.text.length(), topLevel.toString()));
        }
        StringBuilder imports = new StringBuilder();
        boolean stubHasStaticOnDemand = course.imports.stream().anyMatch(i -> i.isStatic && i.simple.equals("*"));
        for (Import i : student.imports) {
            if (course.imports.stream().anyMatch(c -> c.text.equals(i.text))) {
                continue;
            }
            boolean ok = i.simple.equals("*") ? !(i.isStatic && stubHasStaticOnDemand) : !course.names.contains(i.simple);
            if (ok) {
                imports.append(i.text).append('\n');
            } else {
                dropped.add(i.text + " (it would change what a name of the given code means)");
            }
        }
        if (imports.length() > 0) {
            edits.add(new Edit(course.importsEnd, course.importsEnd, "\n" + imports));
        }
        if (!restored.isEmpty()) {
            notes.add(file + ": the given code is the course's: your changes to " + String.join(", ", restored)
                    + " were not used (only exercise bodies and new helpers are yours)");
        }
        if (!missing.isEmpty()) {
            notes.add(file + ": no method with the signature of " + String.join(", ", missing)
                    + "; that exercise is graded as the stub");
        }
        if (!dropped.isEmpty()) {
            notes.add(file + ": left out " + String.join(", ", dropped));
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed().thenComparing(Comparator.comparingInt(Edit::end).reversed()));
        StringBuilder b = new StringBuilder(course.text);
        for (Edit e : edits) {
            b.replace(e.start, e.end, e.text);
        }
        return b.toString();
    }

    /** Why an added member may not join the given class, or null. */
    private static String refusal(Member m, Set<String> taken) {
        if (m.kind == Tree.Kind.BLOCK) {
            return "an initializer block would run inside the given class";
        }
        if (m.name.equals("<init>")) {
            return "constructors are given code";
        }
        if (m.kind == Tree.Kind.METHOD && JDK_METHODS.contains(m.name)) {
            return "a method of Object or of a JDK type the class may extend has that name; yours would override or overload it";
        }
        if (taken.contains(m.name)) {
            return "a name the given code uses; rename it";
        }
        return null;
    }

    private static boolean same(String a, String b) {
        return a.replaceAll("\\s+", " ").equals(b.replaceAll("\\s+", " "));
    }

    private record Edit(int start, int end, String text) {
    }

    private record Param(String name, int namePos) {
    }

    private record Import(String text, String simple, boolean isStatic) {
    }

    private static final class Member {
        String key;
        String label;
        String name;
        Tree.Kind kind;
        String text;
        boolean exercise;
        boolean nested;
        int bodyStart = -1;
        int bodyEnd = -1;
        final List<Param> params = new ArrayList<>();
    }

    private static final class Type {
        String outer;
        final List<String> supers = new ArrayList<>();
        String text;
        int closingBrace;
        final Map<String, Member> members = new LinkedHashMap<>();
    }

    private static final class Model {
        String text;
        int importsEnd;
        final List<Import> imports = new ArrayList<>();
        final Map<String, Type> types = new LinkedHashMap<>();
        final Set<String> names = new HashSet<>();
        final Set<String> unqualifiedCalls = new HashSet<>();
        final Set<String> locals = new HashSet<>();
    }

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /** The models of several sources, parsed in one compiler task; a source that does not parse has none. */
    static Map<String, Model> parse(Map<String, String> sources) {
        // javac's parser recurses once per level of nesting: on a thread of its own with the stack
        // of the grader's compiler, so that what SourceShape lets through parses whatever thread
        // grades the submission (a pool thread's default stack holds far less)
        // A file too deep for the compiler is not parsed (the compiler refuses it by its shape and
        // it is graded as the stub); if the files together still fail, each is parsed alone, so
        // that one hostile file can never leave the others unparsed and so unrestored.
        Map<String, String> shaped = new LinkedHashMap<>();
        sources.forEach((path, text) -> {
            if (SourceShape.check(new JavaCompile.Source(path, text)).isEmpty()) {
                shaped.put(path, text);
            }
        });
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = parseHere(shaped);
            } catch (StackOverflowError | RuntimeException whole) {
                Map<String, Model> each = new LinkedHashMap<>();
                shaped.forEach((path, text) -> {
                    try {
                        each.putAll(parseHere(Map.of(path, text)));
                    } catch (StackOverflowError | RuntimeException alone) {
                        // this file does not parse: the compiler names it and it is graded as the stub
                    }
                });
                result[0] = each;
            }
        }, "parse-given-code", (long) IsolatedCompiler.STACK_MB << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LinkedHashMap<>();
        }
        @SuppressWarnings("unchecked")
        Map<String, Model> models = (Map<String, Model>) result[0];
        return models == null ? new LinkedHashMap<>() : models;
    }

    private static Map<String, Model> parseHere(Map<String, String> sources) {
        Map<String, Model> models = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return models;
        }
        List<JavaFileObject> objects = new ArrayList<>();
        Map<URI, String> paths = new LinkedHashMap<>();
        sources.forEach((path, text) -> {
            JavaFileObject o = new SimpleJavaFileObject(URI.create("string:///" + Math.abs(path.hashCode()) + "/" + objects.size() + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
            objects.add(o);
            paths.put(o.toUri(), path);
        });
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try {
            JavacTask task = (JavacTask) JAVAC.getTask(null, null, diagnostics, List.of("-proc:none", "--release", "17"), null, objects);
            Iterable<? extends CompilationUnitTree> units = task.parse();
            Set<URI> broken = new HashSet<>();
            diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR && d.getSource() != null)
                    .forEach(d -> broken.add(d.getSource().toUri()));
            SourcePositions pos = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : units) {
                URI uri = unit.getSourceFile().toUri();
                String path = paths.get(uri);
                if (path != null && !broken.contains(uri)) {
                    models.put(path, model(sources.get(path), unit, pos));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // nothing parsed: every file goes to the compiler as it is
        }
        return models;
    }

    private static Model model(String text, CompilationUnitTree unit, SourcePositions pos) {
        Model m = new Model();
        m.text = text;
        m.importsEnd = unit.getPackage() == null ? 0 : (int) pos.getEndPosition(unit, unit.getPackage());
        for (ImportTree i : unit.getImports()) {
            String name = i.getQualifiedIdentifier().toString();
            m.imports.add(new Import(slice(text, pos, unit, i), name.substring(name.lastIndexOf('.') + 1), i.isStatic()));
            m.importsEnd = Math.max(m.importsEnd, (int) pos.getEndPosition(unit, i));
        }
        for (Tree t : unit.getTypeDecls()) {
            if (t instanceof ClassTree c) {
                type(m, unit, pos, c, "", "");
            }
        }
        java.util.ArrayDeque<Tree> stack = new java.util.ArrayDeque<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree node, Void v) {
                m.names.add(node.getName().toString());
                return super.visitIdentifier(node, v);
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree node, Void v) {
                m.names.add(node.getIdentifier().toString());
                return super.visitMemberSelect(node, v);
            }

            @Override
            public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void v) {
                if (node.getMethodSelect() instanceof IdentifierTree i) {
                    m.unqualifiedCalls.add(i.getName().toString());
                }
                return super.visitMethodInvocation(node, v);
            }

            @Override
            public Void visitVariable(VariableTree node, Void v) {
                if (!(stack.peek() instanceof ClassTree)) {
                    m.locals.add(node.getName().toString());
                }
                stack.push(node);
                super.visitVariable(node, v);
                stack.pop();
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Void v) {
                m.names.add(node.getSimpleName().toString());
                stack.push(node);
                super.visitClass(node, v);
                stack.pop();
                return null;
            }

            @Override
            public Void scan(Tree tree, Void v) {
                if (tree == null || tree instanceof ClassTree || tree instanceof VariableTree) {
                    return super.scan(tree, v);
                }
                stack.push(tree);
                try {
                    return super.scan(tree, v);
                } finally {
                    stack.pop();
                }
            }
        }.scan(unit, null);
        return m;
    }

    private static void type(Model m, CompilationUnitTree unit, SourcePositions pos, ClassTree c, String outer, String prefix) {
        String name = prefix + c.getSimpleName();
        Type t = new Type();
        t.outer = outer;
        t.text = slice(m.text, pos, unit, c);
        t.closingBrace = m.text.lastIndexOf('}', (int) pos.getEndPosition(unit, c) - 1);
        m.types.put(name, t);
        List<Tree> supers = new ArrayList<>(c.getImplementsClause());
        if (c.getExtendsClause() != null) {
            supers.add(c.getExtendsClause());
        }
        for (Tree s : supers) {
            String n = s.toString().replaceAll("<.*", "");
            t.supers.add(n.substring(n.lastIndexOf('.') + 1));
        }
        int blocks = 0;
        for (Tree member : c.getMembers()) {
            Member x = new Member();
            x.kind = member.getKind();
            x.text = slice(m.text, pos, unit, member);
            if (member instanceof MethodTree md) {
                x.name = md.getName().toString();
                StringBuilder sig = new StringBuilder();
                for (VariableTree p : md.getParameters()) {
                    String type = slice(m.text, pos, unit, p.getType()).replaceAll("\\s+", "");
                    sig.append(sig.length() == 0 ? "" : ",").append(type);
                    String ptext = slice(m.text, pos, unit, p);
                    int at = (int) pos.getStartPosition(unit, p) + ptext.lastIndexOf(p.getName().toString());
                    x.params.add(new Param(p.getName().toString(), at));
                }
                x.key = "m:" + x.name + "(" + sig + ")";
                x.label = (x.name.equals("<init>") ? c.getSimpleName().toString() : x.name) + "(" + sig + ")";
                BlockTree body = md.getBody();
                if (body != null) {
                    x.bodyStart = (int) pos.getStartPosition(unit, body);
                    x.bodyEnd = (int) pos.getEndPosition(unit, body);
                    x.exercise = m.text.substring(x.bodyStart, x.bodyEnd).contains(MARKER);
                }
            } else if (member instanceof VariableTree v) {
                x.name = v.getName().toString();
                x.key = "f:" + x.name;
                x.label = x.name;
            } else if (member instanceof ClassTree inner) {
                x.name = inner.getSimpleName().toString();
                x.key = "t:" + x.name;
                x.label = x.name;
                x.nested = true;
                type(m, unit, pos, inner, name, name + ".");
            } else {
                x.name = "";
                x.key = "b:" + blocks++;
                x.label = "an initializer block";
            }
            t.members.put(x.key, x);
        }
    }

    private static String slice(String text, SourcePositions pos, CompilationUnitTree unit, Tree t) {
        long start = pos.getStartPosition(unit, t);
        long end = pos.getEndPosition(unit, t);
        return start < 0 || end < start ? "" : text.substring((int) start, (int) end);
    }

}
