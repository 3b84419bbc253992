package backprop.tools.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelInstallerTest {

    @Test
    void writesAKernelspecThatRunsTheCopiedJar(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("built.jar"), "not really a jar");
        Path target = dir.resolve("kernels/java");
        KernelInstaller.Options options = KernelInstaller.parse(
                new String[] {"--dir", target.toString(), "--classpath", "course/classes", "--timeout", "60000"}, Map.of());

        Path installed = KernelInstaller.install(options, jar);

        assertThat(installed).isEqualTo(target.toAbsolutePath());
        JsonObject spec = JsonParser.parseString(Files.readString(installed.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = List.of(spec.getAsJsonArray("argv").get(0).getAsString(),
                spec.getAsJsonArray("argv").get(1).getAsString(),
                spec.getAsJsonArray("argv").get(2).getAsString(),
                spec.getAsJsonArray("argv").get(3).getAsString());
        assertThat(Path.of(argv.get(0))).isAbsolute();
        assertThat(argv.subList(1, 4)).containsExactly(
                "-jar", installed.resolve("backprop-kernel.jar").toString(), "{connection_file}");
        assertThat(installed.resolve("backprop-kernel.jar")).hasContent("not really a jar");
        assertThat(spec.get("language").getAsString()).isEqualTo("java");
        assertThat(spec.get("display_name").getAsString()).isEqualTo("Java (backprop course)");
        assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
        JsonObject env = spec.getAsJsonObject("env");
        assertThat(env.get("IJAVA_CLASSPATH").getAsString())
                .isEqualTo(Path.of("course/classes").toAbsolutePath().toString());
        assertThat(env.get("IJAVA_TIMEOUT").getAsString()).isEqualTo("60000");
    }

    @Test
    void userInstallGoesToJupyterDataDir(@TempDir Path dir) {
        KernelInstaller.Options options = KernelInstaller.parse(new String[] {"--user"},
                Map.of("JUPYTER_DATA_DIR", dir.toString()));

        assertThat(options.directory()).isEqualTo(dir.resolve("kernels").resolve("java"));
        assertThat(options.name()).isEqualTo("java");
        assertThat(options.env()).isEmpty();
    }

    @Test
    void prefixInstallUsesShareJupyter(@TempDir Path dir) {
        KernelInstaller.Options options = KernelInstaller.parse(
                new String[] {"--prefix", dir.toString(), "--name", "java-course"}, Map.of());

        assertThat(options.directory()).isEqualTo(dir.resolve("share/jupyter/kernels/java-course"));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> KernelInstaller.parse(new String[] {"--colour"}, Map.of()))
                .hasMessageStartingWith("install: unknown option --colour");
        assertThatThrownBy(() -> KernelInstaller.parse(new String[] {"--dir"}, Map.of()))
                .hasMessage("install: --dir needs a value");
        assertThatThrownBy(() -> KernelInstaller.parse(new String[] {"--timeout", "soon"}, Map.of()))
                .hasMessageContaining("IJAVA_TIMEOUT").hasMessageContaining("soon");
        assertThatThrownBy(() -> KernelInstaller.parse(new String[] {"--name", "my kernel"}, Map.of()))
                .hasMessageContaining("--name");
    }

    @Test
    void settingsComeFromTheIJavaVariables() {
        KernelSettings settings = KernelSettings.fromEnvironment(Map.of(
                "IJAVA_CLASSPATH", "a" + File.pathSeparator + "lib/*",
                "IJAVA_TIMEOUT", "5000",
                "IJAVA_STARTUP_SCRIPTS_PATH", "init.jshell"));

        assertThat(settings.classpath()).containsExactly("a", "lib/*");
        assertThat(settings.timeoutMillis()).isEqualTo(5000);
        assertThat(settings.startupScripts()).containsExactly("init.jshell");
        assertThat(KernelSettings.fromEnvironment(Map.of("IJAVA_TIMEOUT", "-1")).hasTimeout()).isFalse();
    }

    @Test
    void aStarMeansTheJarsOfADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.jar"), "");
        Files.writeString(dir.resolve("b.jar"), "");
        Files.writeString(dir.resolve("notes.txt"), "");

        assertThat(ClasspathEntries.resolve(dir + "/*")).containsExactly(dir.resolve("a.jar"), dir.resolve("b.jar"));
        assertThatThrownBy(() -> ClasspathEntries.resolve(dir + "/*.zip"))
                .hasMessageStartingWith("nothing matches");
    }

    @Test
    void userInstallFollowsHomeAndXdgAsJupyterDoes(@TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().contains("win"));
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").toLowerCase().contains("mac"));
        Path home = dir.resolve("someone");
        assertThat(KernelInstaller.parse(new String[] {}, Map.of("HOME", home.toString())).directory())
                .isEqualTo(home.resolve(".local/share/jupyter/kernels/java"));
        assertThat(KernelInstaller.parse(new String[] {}, Map.of("HOME", home.toString(), "XDG_DATA_HOME", dir.resolve("xdg").toString())).directory())
                .isEqualTo(dir.resolve("xdg/jupyter/kernels/java"));
        assertThat(KernelInstaller.parse(new String[] {"--user"}, Map.of("HOME", home.toString(), "JUPYTER_DATA_DIR", dir.resolve("jd").toString())).directory())
                .as("JUPYTER_DATA_DIR wins over HOME").isEqualTo(dir.resolve("jd/kernels/java"));
    }

    @Test
    void theHintNamesTheKitsClassesAndFiguresJar(@TempDir Path kit) throws IOException {
        Files.createDirectories(kit.resolve("exercises"));
        Files.writeString(kit.resolve("exercises/pom.xml"), "<project/>");
        Path lib = Files.createDirectories(kit.resolve("lib"));
        Path jar = Files.writeString(lib.resolve("backprop-kernel.jar"), "jar");
        Files.writeString(lib.resolve("backprop-figures-with-xchart.jar"), "jar");

        String hint = KernelInstaller.classpathHint(jar);

        String cp = kit.resolve("exercises/target/classes") + File.pathSeparator + lib.resolve("backprop-figures-with-xchart.jar");
        assertThat(hint).contains("install --classpath \"" + cp + "\"")
                .contains("export IJAVA_CLASSPATH=\"" + cp + "\"").contains("export JJAVA_CLASSPATH=");
    }

    @Test
    void theHintFindsTheCoursesFiguresJarFromKernelTarget(@TempDir Path course) throws IOException {
        Files.createDirectories(course.resolve("exercises"));
        Files.writeString(course.resolve("exercises/pom.xml"), "<project/>");
        Path figures = Files.createDirectories(course.resolve("figures/target"));
        Files.writeString(figures.resolve("backprop-figures-1.0-with-xchart.jar"), "jar");
        Path jar = Files.writeString(Files.createDirectories(course.resolve("kernel/target")).resolve("backprop-kernel.jar"), "jar");

        assertThat(KernelInstaller.classpathHint(jar)).contains(course.resolve("exercises/target/classes") + File.pathSeparator
                + figures.resolve("backprop-figures-1.0-with-xchart.jar"));
    }

    @Test
    void jjavaVariablesWorkToo() {
        KernelSettings jjava = KernelSettings.fromEnvironment(Map.of("JJAVA_CLASSPATH", "a" + File.pathSeparator + "b", "JJAVA_TIMEOUT", "5000"));
        assertThat(jjava.classpath()).containsExactly("a", "b");
        assertThat(jjava.timeoutMillis()).isEqualTo(5000);
        KernelSettings both = KernelSettings.fromEnvironment(Map.of("IJAVA_CLASSPATH", "a", "JJAVA_CLASSPATH", "a" + File.pathSeparator + "c",
                "IJAVA_TIMEOUT", "7000", "JJAVA_TIMEOUT", "5000"));
        assertThat(both.classpath()).as("the union, IJava's first, without repeats").containsExactly("a", "c");
        assertThat(both.timeoutMillis()).as("IJava's wins").isEqualTo(7000);
    }
}
