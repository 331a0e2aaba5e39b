package dev.tack.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TACK is shell words that give back the exact command line, spaces and quotes included. */
class TackLauncherTest {

    @Test
    void theQuotedCommandLineSplitsBackIntoTheSameWords() throws Exception {
        List<String> words = List.of("/opt/my java/bin/java", "-Dname=it's", "-cp", "/a/tack.jar:/b/lib/*", "dev.tack.Main");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "eval \"set -- $TACK\"; printf '%s\\n' \"$@\"");
        builder.environment().put("TACK", TackLauncher.quote(words));
        Process split = builder.redirectErrorStream(true).start();
        String out = new String(split.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(split.waitFor()).isZero();
        assertThat(out.lines()).containsExactlyElementsOf(words);
        assertThat(TackLauncher.quote(List.of("/usr/bin/java", "-cp", "/x/tack.jar", "dev.tack.Main")))
                .as("plain words stay plain, so an unquoted $TACK works").isEqualTo("/usr/bin/java -cp /x/tack.jar dev.tack.Main");
    }

    @Test
    void theCommandLineStartsThisTacksMainClassOnThisClassPath() {
        List<String> words = TackLauncher.commandLine();
        assertThat(words.get(0)).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(words.subList(words.size() - 3, words.size()))
                .containsExactly("-cp", System.getProperty("java.class.path"), "dev.tack.Main");
        assertThat(words).noneMatch(w -> w.startsWith("-agentlib") || w.startsWith("-javaagent"));
    }
}
