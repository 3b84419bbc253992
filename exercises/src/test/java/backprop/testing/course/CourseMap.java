package backprop.testing.course;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The course's chapters and exercises as listed in {@code course/exercises.tsv}: the one place
 * that maps exercises to tests (through the tags {@code chN} and {@code exN.M}) and to points.
 */
public record CourseMap(List<Chapter> chapters, List<Exercise> exercises) {

    /** The classpath resource that holds the map. */
    public static final String RESOURCE = "/course/exercises.tsv";

    /** A chapter: its number, the package of its code and its title. */
    public record Chapter(int number, String packageName, String title) {

        /** The JUnit tag that every test of this chapter carries. */
        public String tag() {
            return "ch" + number;
        }
    }

    /** An exercise: its id such as {@code 3.1}, its points, what to implement and its title. */
    public record Exercise(String id, int chapter, int points, String target, String title) {

        /** The JUnit tag that every test of this exercise carries. */
        public String tag() {
            return "ex" + id;
        }

        /** The class that holds the exercise, e.g. {@code backprop.logistic.Logistic}. */
        public String className() {
            return target.substring(0, target.indexOf('#'));
        }

        /** The methods the student writes, e.g. {@code [value, derivative]}. */
        public List<String> methods() {
            return List.of(target.substring(target.indexOf('#') + 1).split(","));
        }
    }

    public CourseMap {
        chapters = List.copyOf(chapters);
        exercises = List.copyOf(exercises);
    }

    /** Reads the map from the classpath. */
    public static CourseMap load() {
        InputStream in = CourseMap.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Reads the tab-separated map; lines starting with {@code #} are comments.
     *
     * @throws IllegalArgumentException naming the line that is malformed
     */
    public static CourseMap parse(Reader source) {
        List<Chapter> chapters = new ArrayList<>();
        List<Exercise> exercises = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(source)) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5) {
                    throw new IllegalArgumentException("exercises.tsv line " + n + ": expected 5 tab-separated fields but found " + f.length);
                }
                switch (f[0]) {
                    case "chapter" -> chapters.add(new Chapter(Integer.parseInt(f[1]), f[3], f[4]));
                    case "exercise" -> exercises.add(new Exercise(f[1],
                            Integer.parseInt(f[1].substring(0, f[1].indexOf('.'))),
                            Integer.parseInt(f[2]), f[3], f[4]));
                    default -> throw new IllegalArgumentException("exercises.tsv line " + n + ": unknown kind '" + f[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CourseMap(chapters, exercises);
    }

    /** The exercise whose tag is among a test's tags, if any. */
    public Optional<Exercise> exerciseOf(Set<String> tags) {
        return exercises.stream().filter(e -> tags.contains(e.tag())).findFirst();
    }

    /** The exercises of each chapter, in order. */
    public Map<Chapter, List<Exercise>> byChapter() {
        Map<Chapter, List<Exercise>> map = new LinkedHashMap<>();
        for (Chapter c : chapters) {
            map.put(c, exercises.stream().filter(e -> e.chapter() == c.number()).toList());
        }
        return map;
    }
}
