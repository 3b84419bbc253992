package backprop.tools.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** export: the gradebook as Canvas's and Moodle's import files, through a roster. */
@DisplayName("The LMS export")
class ExportTest {

    Path dir;
    Path gradebook;

    @BeforeEach
    void gradebook() throws IOException {
        dir = Files.createTempDirectory("export");
        gradebook = dir.resolve("gradebook.csv");
        Files.writeString(gradebook, "student,status,ex1.1,ex1.2,total,max,reason,content_hash\n"
                + "'=evil,graded,1,2,3,19,,h0\n"
                + "ada,graded,4,5,9.5,19,,h1\n"
                + "bea,error,0,0,0,19,the grader failed,h2\n"
                + "cy,compile-error,0,0,0,19,\"does not compile, see notes\",h3\n"
                + "stray,graded,1,1,2,19,,h4\n");
    }

    Path roster(String text) throws IOException {
        Path r = dir.resolve("roster.csv");
        Files.writeString(r, text);
        return r;
    }

    @Nested
    @DisplayName("for Canvas")
    class Canvas {

        @Test
        @DisplayName("writes Student, ID, SIS User ID, SIS Login ID, Section, the assignment, and the Points Possible row")
        void layout() throws IOException {
            Path r = roster("Student,ID,SIS User ID,SIS Login ID,Section,submission\n"
                    + "    Points Possible,,,,,\n"
                    + "\"Lovelace, Ada\",101,s101,ada,A,ada\n"
                    + "Bea B,102,s102,bea,A,bea\n"
                    + "Cy C,103,s103,cy,B,cy\n"
                    + "\"=HYPERLINK(\"\"x\"\")\",104,s104,evil,B,=evil\n"
                    + "Dee D,105,s105,dee,B,dee\n");
            Corpus.Result res = Corpus.grader("export", "--format", "canvas", "--roster", r.toString(), "--assignment-id", "777",
                    gradebook.toString());
            assertThat(res.code()).as(res.err()).isZero();
            List<String> lines = Files.readAllLines(dir.resolve("canvas.csv"));
            assertThat(lines).containsExactly(
                    "Student,ID,SIS User ID,SIS Login ID,Section,Backpropagation (777)",
                    "Points Possible,,,,,19",
                    "\"Lovelace, Ada\",101,s101,ada,A,9.5",
                    "Bea B,102,s102,bea,A,",
                    "Cy C,103,s103,cy,B,0",
                    "\"'=HYPERLINK(\"\"x\"\")\",104,s104,evil,B,3");
            assertThat(res.err()).contains("submission stray has no row in the roster")
                    .contains("roster row dee (Dee D) has no submission").contains("bea has status error");
            assertThat(Files.readAllLines(dir.resolve("unmatched.csv"))).containsExactly("kind,who",
                    "submission without roster row,stray", "roster row without submission,dee (Dee D)");
        }

        @Test
        @DisplayName("takes a Canvas export as the roster, matched by another column with --match")
        void matchByLogin() throws IOException {
            Path r = roster("Student,ID,SIS User ID,SIS Login ID,Section\nAda,101,s101,ada,A\nBea,102,s102,bea,A\n");
            Corpus.Result res = Corpus.grader("export", "--format", "canvas", "--roster", r.toString(), "--match", "SIS Login ID",
                    "--out", dir.resolve("c.csv").toString(), gradebook.toString());
            assertThat(res.code()).as(res.err()).isZero();
            assertThat(Files.readAllLines(dir.resolve("c.csv"))).contains("Ada,101,s101,ada,A,9.5").hasSize(4);
        }

        @Test
        @DisplayName("refuses a roster without the submission column, naming its columns")
        void noMatchColumn() throws IOException {
            Path r = roster("Student,ID\nAda,101\n");
            Corpus.Result res = Corpus.grader("export", "--format", "canvas", "--roster", r.toString(), gradebook.toString());
            assertThat(res.code()).isEqualTo(Main.USAGE);
            assertThat(res.err()).contains("no column 'submission'").contains("Student, ID").contains("--match")
                    .doesNotContain("Exception");
        }

        @Test
        @DisplayName("refuses two roster rows for one submission")
        void duplicate() throws IOException {
            Path r = roster("submission,ID\nada,1\nada,2\n");
            Corpus.Result res = Corpus.grader("export", "--format", "canvas", "--roster", r.toString(), gradebook.toString());
            assertThat(res.code()).isEqualTo(Main.USAGE);
            assertThat(res.err()).contains("two rows for submission ada");
        }
    }

    @Nested
    @DisplayName("for Moodle")
    class Moodle {

        @Test
        @DisplayName("writes the identifier column and the grade column")
        void layout() throws IOException {
            Path r = roster("submission,email,idnumber\nada,ada@example.org,1001\ncy,+cy@example.org,1003\n");
            Corpus.Result res = Corpus.grader("export", "--format", "moodle", "--roster", r.toString(), "--moodle-id", "idnumber",
                    "--assignment", "Backprop, part 1", gradebook.toString());
            assertThat(res.code()).as(res.err()).isZero();
            assertThat(Files.readAllLines(dir.resolve("moodle.csv"))).containsExactly("idnumber,\"Backprop, part 1\"", "1001,9.5", "1003,0");
            Corpus.Result email = Corpus.grader("export", "--format", "moodle", "--roster", r.toString(), "--out",
                    dir.resolve("m.csv").toString(), gradebook.toString());
            assertThat(email.code()).isZero();
            assertThat(Files.readAllLines(dir.resolve("m.csv"))).containsExactly("email,Backpropagation", "ada@example.org,9.5",
                    "'+cy@example.org,0");
        }

        @Test
        @DisplayName("refuses an identifier Moodle cannot match users by")
        void badIdentifier() throws IOException {
            Path r = roster("submission,email\nada,a@b\n");
            Corpus.Result res = Corpus.grader("export", "--format", "moodle", "--roster", r.toString(), "--moodle-id", "name",
                    gradebook.toString());
            assertThat(res.code()).isEqualTo(Main.USAGE);
            assertThat(res.err()).contains("email, idnumber or username");
        }
    }

    @Nested
    @DisplayName("as plain CSV")
    class Plain {

        @Test
        @DisplayName("writes id,score,max for every row, with no roster")
        void plain() throws IOException {
            Corpus.Result res = Corpus.grader("export", "--format", "csv", gradebook.toString());
            assertThat(res.code()).as(res.err()).isZero();
            assertThat(Files.readAllLines(dir.resolve("scores.csv"))).containsExactly("id,score,max", "'=evil,3,19", "ada,9.5,19",
                    "bea,,19", "cy,0,19", "stray,2,19");
            assertThat(dir.resolve("unmatched.csv")).doesNotExist();
        }

        @Test
        @DisplayName("refuses a file that is not the grader's gradebook, and canvas without a roster")
        void badInput() throws IOException {
            Path other = dir.resolve("other.csv");
            Files.writeString(other, "name,points\nada,3\n");
            Corpus.Result res = Corpus.grader("export", "--format", "csv", other.toString());
            assertThat(res.code()).isEqualTo(Main.USAGE);
            assertThat(res.err()).contains("not the grader's gradebook.csv");
            Corpus.Result noRoster = Corpus.grader("export", "--format", "canvas", gradebook.toString());
            assertThat(noRoster.code()).isEqualTo(Main.USAGE);
            assertThat(noRoster.err()).contains("needs --roster");
            Corpus.Result missing = Corpus.grader("export", "--format", "csv", dir.resolve("nope.csv").toString());
            assertThat(missing.code()).isEqualTo(Main.IO);
            assertThat(missing.err()).contains("does not exist");
        }
    }
}
