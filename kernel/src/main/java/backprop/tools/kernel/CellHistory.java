package backprop.tools.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The cells run in this kernel session, for {@code history_request} (tail, range, search). */
final class CellHistory implements HistoryManager {

    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void add(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        return entries(last(cells, n), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<Cell> found = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.number >= start && (stop <= 0 || cell.number < stop)) {
                found.add(cell);
            }
        }
        return entries(found, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int n, Set<ResultFlag> flags) {
        Pattern glob = globToRegex(pattern == null ? "*" : pattern);
        List<Cell> found = new ArrayList<>();
        for (Cell cell : cells) {
            if (glob.matcher(cell.input).matches()) {
                found.add(cell);
            }
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> latest = new LinkedHashMap<>();
            for (Cell cell : found) {
                latest.remove(cell.input);
                latest.put(cell.input, cell);
            }
            found = new ArrayList<>(latest.values());
        }
        return entries(last(found, n), flags);
    }

    private static List<Cell> last(List<Cell> cells, int n) {
        return n <= 0 || n >= cells.size() ? cells : cells.subList(cells.size() - n, cells.size());
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        List<HistoryEntry> entries = new ArrayList<>();
        for (Cell cell : cells) {
            String output = withOutput ? (cell.output == null ? "" : cell.output) : null;
            entries.add(new HistoryEntry(SESSION, cell.number, cell.input, output));
        }
        return entries;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
