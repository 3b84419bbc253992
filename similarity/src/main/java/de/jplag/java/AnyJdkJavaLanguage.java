package de.jplag.java;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import de.jplag.Language;
import de.jplag.ParsingException;
import de.jplag.Token;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * JPlag's Java language on any JDK 21 or newer. JPlag 5.1.0 parses with {@code --release=21
 * --enable-preview}, which javac accepts only when it is itself release 21 ("invalid source
 * release 21 with --enable-preview" on JDK 25). This language parses with the running JDK's own
 * release and no preview features (plain student code needs none) and hands each compilation
 * unit to JPlag's own token scanner, so the tokens are those of {@link JavaLanguage}. It lives in
 * JPlag's package because that scanner is package-private.
 */
public final class AnyJdkJavaLanguage implements Language {

    private final JavaLanguage jplag = new JavaLanguage();

    @Override
    public String[] suffixes() {
        return jplag.suffixes();
    }

    @Override
    public String getName() {
        return jplag.getName();
    }

    @Override
    public String getIdentifier() {
        return jplag.getIdentifier();
    }

    @Override
    public int minimumTokenMatch() {
        return jplag.minimumTokenMatch();
    }

    @Override
    public boolean tokensHaveSemantics() {
        return jplag.tokensHaveSemantics();
    }

    @Override
    public boolean supportsNormalization() {
        return jplag.supportsNormalization();
    }

    /** Collects the tokens the scanner adds. */
    private static final class Collector extends Parser {
        final List<Token> tokens = new ArrayList<>();

        @Override
        public void add(Token token) {
            tokens.add(token);
        }
    }

    @Override
    public List<Token> parse(Set<File> files, boolean normalize) throws ParsingException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new ParsingException(null, "no Java compiler in this JVM: run it with a JDK, not a JRE");
        }
        Collector collector = new Collector();
        List<File> sorted = files.stream().sorted(Comparator.comparing(File::getPath)).toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromFiles(sorted));
            SourcePositions positions = new FixedSourcePositions(Trees.instance(task).getSourcePositions());
            for (CompilationUnitTree unit : task.parse()) {
                File file = new File(unit.getSourceFile().toUri());
                unit.accept(new TokenGeneratingTreeScanner(file, collector, unit.getLineMap(), positions, unit), null);
                collector.add(Token.semanticFileEnd(file));
            }
        } catch (IOException e) {
            throw new ParsingException(null, e.getMessage(), e);
        }
        List<ParsingException> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                File f = d.getSource() == null ? null : new File(d.getSource().toUri());
                errors.add(new ParsingException(f, "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)));
            }
        }
        if (!errors.isEmpty()) {
            throw ParsingException.wrappingExceptions(errors);
        }
        return collector.tokens;
    }

    @Override
    public String toString() {
        return getIdentifier();
    }
}
