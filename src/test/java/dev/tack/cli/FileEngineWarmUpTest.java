package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FileEngineWarmUpTest {

    private static boolean wanted(Map<String, String> environment, String... args) {
        return FileEngineWarmUp.wanted(args, environment::get);
    }

    @Test
    void aCommandOnABoardFileWarmsTheEngineUp() {
        assertThat(wanted(Map.of())).as("the screen").isTrue();
        assertThat(wanted(Map.of(), "add", "a card")).isTrue();
        assertThat(wanted(Map.of(), "--db", "/tmp/x.db", "ls")).isTrue();
        assertThat(wanted(Map.of("TACK_DB", "/tmp/x.db"), "mv", "3", "Done")).isTrue();
        assertThat(wanted(Map.of(), "add", "--", "--version")).as("a title, after --").isTrue();
    }

    @Test
    void whatOpensNoFileDoesNot() {
        assertThat(wanted(Map.of(), "--version")).isFalse();
        assertThat(wanted(Map.of(), "-V")).isFalse();
        assertThat(wanted(Map.of(), "--help")).isFalse();
        assertThat(wanted(Map.of(), "add", "--help")).isFalse();
        assertThat(wanted(Map.of(), "agent-guide")).isFalse();
        assertThat(wanted(Map.of(), "config", "show")).isFalse();
    }

    @Test
    void aBoardOnAServerDoesNot() {
        assertThat(wanted(Map.of(), "--db", "postgresql://tack@db.example/tack", "add", "x")).isFalse();
        assertThat(wanted(Map.of(), "--db=postgres://db.example/tack", "ls")).isFalse();
        assertThat(wanted(Map.of("TACK_DB", "postgresql://db.example/tack"), "ls")).isFalse();
        assertThat(wanted(Map.of("TACK_DB", "postgresql://db.example/tack"), "--db", "/tmp/x.db", "ls"))
                .as("--db over TACK_DB").isTrue();
    }
}
