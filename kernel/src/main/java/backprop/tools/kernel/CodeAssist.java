package backprop.tools.kernel;

import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completion, inspection and completeness checks, from JShell's {@link SourceCodeAnalysis}.
 * A cell may hold several snippets and magic lines; each request looks at the snippet under the
 * cursor, with magic lines blanked out.
 */
final class CodeAssist {

    private final JShell shell;

    CodeAssist(JShell shell) {
        this.shell = shell;
    }

    Completeness isComplete(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = CellSource.blankMagics(code);
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    remaining = info.remaining();
                    break;
                case EMPTY:
                    return Completeness.COMPLETE;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Completeness.INCOMPLETE;
                default:
                    return Completeness.INVALID;
            }
        }
        return Completeness.COMPLETE;
    }

    Completions complete(String code, int cursor) {
        int at = clamp(cursor, code);
        String prefix = CellSource.blankMagics(code).substring(0, at);
        int start = currentSnippetStart(prefix);
        String snippet = prefix.substring(start);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                shell.sourceCodeAnalysis().completionSuggestions(snippet, snippet.length(), anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        if (matches.isEmpty()) {
            return Completions.none(at);
        }
        return new Completions(new ArrayList<>(matches), start + anchor[0], at);
    }

    Optional<String> inspect(String code, int cursor) {
        String text = CellSource.blankMagics(code);
        int end = clamp(cursor, text);
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
            end++;
        }
        String prefix = text.substring(0, end);
        String name = identifierBefore(prefix);
        boolean member = prefix.length() > name.length() && prefix.charAt(prefix.length() - name.length() - 1) == '.';
        if (!member) {
            Optional<String> declared = describeDeclaration(name);
            if (declared.isPresent()) {
                return declared;
            }
        }
        String snippet = prefix.substring(currentSnippetStart(prefix));
        List<SourceCodeAnalysis.Documentation> docs = documentation(snippet);
        if (docs.isEmpty() && !name.isEmpty()) {
            docs = documentation(snippet + "(");
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(docs.stream().map(CodeAssist::describe).collect(Collectors.joining("\n\n")));
    }

    private List<SourceCodeAnalysis.Documentation> documentation(String snippet) {
        return shell.sourceCodeAnalysis().documentation(snippet, snippet.length(), true);
    }

    /** Offset in the text where the snippet that the text ends in begins. */
    private int currentSnippetStart(String text) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int start = 0;
        String remaining = text;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            boolean complete = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI;
            if (!complete || info.remaining().isBlank() || info.remaining().length() >= remaining.length()) {
                return start;
            }
            start += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
    }

    private Optional<String> describeDeclaration(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        shell.variables().filter(v -> v.name().equals(name) && isActive(v))
                .forEach(v -> found.add(describeVariable(v)));
        shell.methods().filter(m -> m.name().equals(name) && isActive(m))
                .forEach(m -> found.add(describeMethod(m)));
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", found));
    }

    private String describeVariable(VarSnippet variable) {
        String text = variable.typeName() + " " + variable.name();
        try {
            return text + " = " + shell.varValue(variable);
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static String describeMethod(MethodSnippet method) {
        String source = method.source().strip();
        int body = source.indexOf('{');
        return (body > 0 ? source.substring(0, body) : source).strip();
    }

    private boolean isActive(Snippet snippet) {
        return shell.status(snippet).isActive();
    }

    private static String describe(SourceCodeAnalysis.Documentation doc) {
        String javadoc = doc.javadoc();
        return javadoc == null || javadoc.isBlank() ? doc.signature() : doc.signature() + "\n" + javadoc.strip();
    }

    private static String identifierBefore(String text) {
        int start = text.length();
        while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start);
    }

    private static int clamp(int cursor, String code) {
        return Math.max(0, Math.min(cursor, code.length()));
    }
}
