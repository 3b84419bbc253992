package backprop.tools.kernel;

import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs Java code of a cell snippet by snippet in JShell, keeps where each snippet came from (for
 * tracebacks), and turns the last expression's value into a MIME bundle.
 */
final class SnippetRunner {

    private static final String CAPTURE = ActiveCell.class.getName() + ".captureResult(%s);";

    /** How code ended: an error, or the expression whose value is its result, or neither. */
    record Outcome(CellError error, String valueName, String valueText) {
        static final Outcome NOTHING = new Outcome(null, null, null);

        static Outcome failed(CellError error) {
            return new Outcome(error, null, null);
        }

        boolean hasValue() {
            return valueName != null;
        }
    }

    private final JShell shell;
    private final Renderer renderer;
    private final CellStopper stopper;
    private final Map<String, CellErrors.Origin> origins = new HashMap<>();

    SnippetRunner(JShell shell, Renderer renderer, CellStopper stopper) {
        this.shell = shell;
        this.renderer = renderer;
        this.stopper = stopper;
    }

    /**
     * Runs the snippets of some Java code in order; stops at the first error or stop request.
     *
     * @param firstLine the code's first line in its cell, 0-based
     * @param label     how tracebacks name the cell
     */
    Outcome runCode(String code, int firstLine, String label) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        Outcome last = Outcome.NOTHING;
        while (!remaining.isBlank() && stopper.reason() == null) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            String rest;
            switch (info.completeness()) {
                case EMPTY:
                    return last;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    source = remaining;
                    rest = "";
                    break;
                default:
                    source = info.source();
                    rest = info.remaining();
                    break;
            }
            // JShell counts a snippet's lines from its first non-blank character.
            String snippet = source.stripLeading();
            int offset = code.length() - remaining.length() + (source.length() - snippet.length());
            CellErrors.Origin origin = new CellErrors.Origin(label, firstLine + CellSource.lineOf(code, offset) + 1);
            last = eval(snippet, origin);
            if (last.error() != null) {
                return last;
            }
            remaining = rest;
        }
        return last;
    }

    /** The value an outcome points at, rendered; null for null or for a display id. */
    DisplayData render(Outcome outcome) {
        ActiveCell.takeCapturedResult();
        for (SnippetEvent event : shell.eval(String.format(CAPTURE, outcome.valueName()))) {
            if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                DisplayData text = new DisplayData();
                text.putText(outcome.valueText() == null ? "" : outcome.valueText());
                return text;
            }
        }
        Object value = ActiveCell.takeCapturedResult();
        if (value == null || ActiveCell.isDisplayId(value)) {
            return null;
        }
        if (value instanceof DisplayData) {
            return (DisplayData) value;
        }
        DisplayData data = renderer.render(value);
        if (value.getClass().isArray() && outcome.valueText() != null) {
            data.putText(outcome.valueText());
        }
        return data;
    }

    private Outcome eval(String source, CellErrors.Origin origin) {
        Outcome outcome = Outcome.NOTHING;
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            origins.put(snippet.id(), origin);
            if (event.status() == Snippet.Status.REJECTED) {
                List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
                return Outcome.failed(CellErrors.compile(errors, source, origin));
            }
            if (event.exception() != null) {
                return Outcome.failed(CellErrors.runtime(event.exception(), shell, origins));
            }
            if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                noteUnresolved(snippet);
            }
            outcome = valueOf(snippet, event.value());
        }
        return outcome;
    }

    private void noteUnresolved(Snippet snippet) {
        if (snippet instanceof DeclarationSnippet) {
            DeclarationSnippet declaration = (DeclarationSnippet) snippet;
            String missing = shell.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
            System.err.println("note: " + declaration.name() + " cannot be used until " + missing + " is declared");
        }
    }

    /** Points at the variable holding the snippet's value, if the snippet is an expression. */
    private static Outcome valueOf(Snippet snippet, String shellText) {
        if (snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return new Outcome(null, ((VarSnippet) snippet).name(), shellText);
        }
        if (snippet instanceof ExpressionSnippet) {
            return new Outcome(null, ((ExpressionSnippet) snippet).name(), shellText);
        }
        return Outcome.NOTHING;
    }
}
