package backprop.tools.grader;

import backprop.tools.grader.harness.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One graded submission: what the gradebook, the feedback and Gradescope are made from. Stored
 * under {@code OUT/.grader/results/} so a re-run can skip submissions that have not changed.
 */
public record Graded(String id, String hash, String status, String reason, double total, double max, long millis,
        List<Exercise> exercises, List<Test> tests, List<String> notes, List<Diagnosis> diagnoses) {

    /** An exercise's share: points, how many of its tests passed, and the points earned. */
    public record Exercise(String id, String title, int points, int tests, int passed, double score) {
    }

    /** One scored test. */
    public record Test(String exercise, String kind, String name, String status, String message, String output) {
        public boolean passed() {
            return status.equals("passed");
        }
    }

    /** A classic mistake the probes found, with the numbers that show it. */
    public record Diagnosis(String exercise, String mistake, String evidence) {
    }

    public Graded {
        exercises = List.copyOf(exercises);
        tests = List.copyOf(tests);
        notes = List.copyOf(notes);
        diagnoses = List.copyOf(diagnoses);
    }

    public String serialize() {
        StringBuilder b = new StringBuilder();
        b.append(Wire.join("SUB", id, hash, status, reason, Double.toString(total), Double.toString(max), Long.toString(millis))).append('\n');
        for (String n : notes) {
            b.append(Wire.join("NOTE", n)).append('\n');
        }
        for (Exercise e : exercises) {
            b.append(Wire.join("EX", e.id(), e.title(), Integer.toString(e.points()), Integer.toString(e.tests()),
                    Integer.toString(e.passed()), Double.toString(e.score()))).append('\n');
        }
        for (Test t : tests) {
            b.append(Wire.join("TEST", t.exercise(), t.kind(), t.name(), t.status(), t.message(), t.output())).append('\n');
        }
        for (Diagnosis d : diagnoses) {
            b.append(Wire.join("DIAG", d.exercise(), d.mistake(), d.evidence())).append('\n');
        }
        return b.toString();
    }

    public static Graded read(Path file) throws IOException {
        String id = null;
        String hash = null;
        String status = null;
        String reason = null;
        double total = 0;
        double max = 0;
        long millis = 0;
        List<Exercise> exercises = new ArrayList<>();
        List<Test> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> f = Wire.split(line);
            switch (f.get(0)) {
                case "SUB" -> {
                    id = f.get(1);
                    hash = f.get(2);
                    status = f.get(3);
                    reason = f.get(4);
                    total = Double.parseDouble(f.get(5));
                    max = Double.parseDouble(f.get(6));
                    millis = Long.parseLong(f.get(7));
                }
                case "NOTE" -> notes.add(f.get(1));
                case "EX" -> exercises.add(new Exercise(f.get(1), f.get(2), Integer.parseInt(f.get(3)), Integer.parseInt(f.get(4)),
                        Integer.parseInt(f.get(5)), Double.parseDouble(f.get(6))));
                case "TEST" -> tests.add(new Test(f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6)));
                case "DIAG" -> diagnoses.add(new Diagnosis(f.get(1), f.get(2), f.get(3)));
                default -> throw new IOException("unknown record " + f.get(0) + " in " + file);
            }
        }
        if (id == null) {
            throw new IOException("no SUB record in " + file);
        }
        return new Graded(id, hash, status, reason, total, max, millis, exercises, tests, notes, diagnoses);
    }
}
