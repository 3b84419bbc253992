package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** grade --shard K/N and merge: the shards of a class, merged, are the class graded at once. */
@DisplayName("Sharded grading")
class ShardMergeTest {

    static final String[] IDS = {"reference", "stubs", "sign-of-update", "ada", "bea", "cy", "dee"};
    static Path dir;
    static Path subs;
    static Corpus.Result whole;
    static List<Corpus.Result> parts = new ArrayList<>();
    static Corpus.Result merged;

    @BeforeAll
    static void gradeWholeAndInFourShards() throws IOException {
        dir = Files.createTempDirectory("shards");
        subs = Files.createDirectories(dir.resolve("submissions"));
        Corpus.submission(subs.resolve("reference"), "reference");
        Corpus.submission(subs.resolve("stubs"), "stubs");
        Corpus.mutate(Corpus.submission(subs.resolve("sign-of-update"), "reference"),
                Corpus.resources().resolve("fixtures/sign-of-update/mutation.txt"));
        for (String id : new String[] {"ada", "bea", "cy", "dee"}) {
            Corpus.submission(subs.resolve(id), id.equals("cy") ? "stubs" : "reference");
        }
        whole = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("whole").toString(), "--no-progress", "--chapters", "3");
        for (int k = 1; k <= 4; k++) {
            parts.add(Corpus.grader("grade", subs.toString(), "--out", dir.resolve("shard" + k).toString(), "--no-progress",
                    "--chapters", "3", "--shard", k + "/4"));
        }
        merged = Corpus.grader("merge", "--out", dir.resolve("merged").toString(), dir.resolve("shard1").toString(),
                dir.resolve("shard2").toString(), dir.resolve("shard3").toString(), dir.resolve("shard4").toString());
    }

    static String shard(int k) {
        return dir.resolve("shard" + k).toString();
    }

    @Nested
    @DisplayName("a shard")
    class AShard {

        @Test
        @DisplayName("is one of N parts: every id lies in exactly one, and adding other ids moves none")
        void partitionIsStable() {
            List<String> ids = IntStream.range(0, 500).mapToObj(i -> "student-" + i).toList();
            for (String id : ids) {
                assertThat(IntStream.rangeClosed(1, 4).filter(k -> new Shard(k, 4).owns(id)).count()).as(id).isEqualTo(1);
            }
            long inFirst = ids.stream().filter(new Shard(1, 4)::owns).count();
            assertThat(inFirst).as("a quarter, roughly").isBetween(90L, 160L);
            // the part depends on the id alone: the same id is in the same part whatever else is in the folder
            assertThat(Shard.part("student-7", 4)).isEqualTo(Shard.part("student-7", 4));
            assertThat(Shard.part("ada", 4)).isEqualTo(Shard.part(new String("ada"), 4));
        }

        @Test
        @DisplayName("written wrong (0/4, 5/4, 2-4) is refused with the form it must have")
        void badShardsAreRefused() {
            for (String bad : new String[] {"0/4", "5/4", "2-4", "a/b"}) {
                Corpus.Result r = Corpus.grader("grade", subs.toString(), "--out", dir.resolve("bad").toString(), "--shard", bad);
                assertThat(r.code()).as(bad).isEqualTo(Main.USAGE);
                assertThat(r.err()).as(bad).contains("K/N").doesNotContain("Exception");
            }
        }

        @Test
        @DisplayName("grades only its own submissions and records its part and the bundle version")
        void gradesItsOwn() throws IOException {
            int total = 0;
            for (int k = 1; k <= 4; k++) {
                assertThat(parts.get(k - 1).code()).as(parts.get(k - 1).err()).isZero();
                Path out = dir.resolve("shard" + k);
                String props = Files.readString(out.resolve(Shard.FILE));
                assertThat(props).contains("shard=" + k + "/4").contains("bundle.version=").contains("chapters=3");
                var rows = Corpus.gradebook(out);
                for (String id : rows.keySet()) {
                    assertThat(new Shard(k, 4).owns(id)).as(id + " in shard " + k).isTrue();
                }
                total += rows.size();
            }
            assertThat(total).isEqualTo(IDS.length);
        }
    }

    @Nested
    @DisplayName("merged")
    class Merged {

        @Test
        @DisplayName("four shards give the unsharded run's gradebook byte for byte, and the same feedback and Gradescope results")
        void sameAsUnsharded() throws IOException {
            assertThat(whole.code()).as(whole.err()).isZero();
            assertThat(merged.code()).as(merged.err()).isZero();
            Path w = dir.resolve("whole");
            Path m = dir.resolve("merged");
            assertThat(Files.readAllBytes(m.resolve("gradebook.csv"))).isEqualTo(Files.readAllBytes(w.resolve("gradebook.csv")));
            assertThat(Corpus.gradebook(m)).hasSize(IDS.length);
            for (String id : IDS) {
                for (String f : new String[] {"feedback/" + id + ".md", "feedback/" + id + ".html", "gradescope/" + id + "/results.json"}) {
                    assertThat(Files.readString(m.resolve(f))).as(f).isEqualTo(Files.readString(w.resolve(f)));
                }
            }
            for (String f : new String[] {"summary.md", "summary.html"}) {
                assertThat(untimed(Files.readString(m.resolve(f)))).as(f).isEqualTo(untimed(Files.readString(w.resolve(f))));
            }
            assertThat(Files.readString(m.resolve("summary.svg"))).isEqualTo(Files.readString(w.resolve("summary.svg")));
        }

        @Test
        @DisplayName("can be graded into again, and then nothing is graded twice")
        void resumes() throws IOException {
            Path copy = dir.resolve("merged-copy");
            Corpus.copyTree(dir.resolve("merged"), copy);
            Corpus.Result again = Corpus.grader("grade", subs.toString(), "--out", copy.toString(), "--no-progress",
                    "--chapters", "3");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.err()).contains("(0 now, " + IDS.length + " unchanged)");
        }
    }

    @Nested
    @DisplayName("merge refuses")
    class Refuses {

        @Test
        @DisplayName("a missing shard, naming it")
        void missing() {
            Corpus.Result r = Corpus.grader("merge", "--out", dir.resolve("m-missing").toString(), shard(1), shard(2), shard(4));
            assertThat(r.code()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("missing shard 3/4").doesNotContain("Exception");
            assertThat(dir.resolve("m-missing/gradebook.csv")).doesNotExist();
        }

        @Test
        @DisplayName("a shard given twice, naming it and both folders")
        void overlapping() {
            Corpus.Result r = Corpus.grader("merge", "--out", dir.resolve("m-twice").toString(), shard(1), shard(2), shard(3), shard(4),
                    shard(2));
            assertThat(r.code()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("overlapping shards").contains("shard 2/4 is given 2 times").contains(shard(2));
        }

        @Test
        @DisplayName("to write into one of the shards' own folders")
        void intoAShard() {
            Corpus.Result r = Corpus.grader("merge", "--out", shard(1), shard(1), shard(2), shard(3), shard(4));
            assertThat(r.code()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("is one of the shards' folders");
        }

        @Test
        @DisplayName("a folder that is not a shard's output")
        void notAShard() {
            Corpus.Result r = Corpus.grader("merge", "--out", dir.resolve("m-whole").toString(), dir.resolve("whole").toString());
            assertThat(r.code()).isEqualTo(Main.IO);
            assertThat(r.err()).contains("is not the output of a sharded run").contains("--shard K/N");
        }

        @Test
        @DisplayName("shards of different splits or chapters")
        void differentRuns() throws IOException {
            Path other = dir.resolve("other-split");
            Corpus.copyTree(dir.resolve("shard1"), other);
            Files.writeString(other.resolve(Shard.FILE), Files.readString(other.resolve(Shard.FILE)).replace("shard.n=4", "shard.n=5")
                    .replace("shard=1/4", "shard=1/5"));
            Corpus.Result r = Corpus.grader("merge", "--out", dir.resolve("m-split").toString(), other.toString(), shard(2), shard(3), shard(4));
            assertThat(r.code()).isEqualTo(Main.USAGE);
            assertThat(r.err()).contains("different numbers of parts");
            Path chapters = dir.resolve("other-chapters");
            Corpus.copyTree(dir.resolve("shard1"), chapters);
            Files.writeString(chapters.resolve(Shard.FILE), Files.readString(chapters.resolve(Shard.FILE)).replace("chapters=3", "chapters=2,3"));
            Corpus.Result c = Corpus.grader("merge", "--out", dir.resolve("m-ch").toString(), chapters.toString(), shard(2), shard(3), shard(4));
            assertThat(c.code()).isEqualTo(Main.USAGE);
            assertThat(c.err()).contains("different --chapters");
        }
    }

    @Test
    @DisplayName("a damaged shard record is an error naming the file, not a stack trace")
    void damagedRecord() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("damaged"));
        Files.writeString(bad.resolve(Shard.FILE), "format=1\nshard.k=1\n");
        assertThatThrownBy(() -> Shard.read(bad)).isInstanceOf(IOException.class).hasMessageContaining("lacks shard.n");
    }

    static String untimed(String s) {
        return s.replaceAll("in [0-9.]+ s\\.", "in (time) s.");
    }
}
