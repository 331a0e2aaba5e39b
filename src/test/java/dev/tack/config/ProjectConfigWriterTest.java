package dev.tack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tack init --db … --save}: the db line written into the project's file, and read back; never a password. */
class ProjectConfigWriterTest {

    @TempDir
    Path root;

    private Config reload(Path from) {
        return Config.load(from, Map.of("HOME", root.resolve("home").toString()));
    }

    @Test
    void aPostgresqlUrlIsStoredAndReadBack() {
        Path project = root.resolve("home/app");
        Path file = project.resolve(".tack/config.toml");
        ProjectConfigWriter.saveDb(file, "postgresql://alice@db.example:5432/tack?currentSchema=team");
        Config config = reload(project);
        assertThat(config.problems()).isEmpty();
        assertThat(config.db().orElseThrow().value()).isEqualTo("postgresql://alice@db.example:5432/tack?currentSchema=team");
    }

    @Test
    void aUrlWithAPasswordIsRefusedAndNothingIsWritten() {
        Path file = root.resolve("home/app/.tack/config.toml");
        for (String url : new String[] {"postgresql://alice:s3cret@db.example/tack", "postgres://db.example/tack?user=a&password=s3cret"}) {
            assertThatThrownBy(() -> ProjectConfigWriter.saveDb(file, url)).isInstanceOf(TackException.class)
                    .hasMessage(DbUrls.NO_PASSWORD)
                    .satisfies(e -> assertThat(((TackException) e).kind()).isEqualTo(TackException.Kind.USAGE));
            assertThat(file).doesNotExist();
            assertThat(file.getParent()).doesNotExist();
        }
    }

    @Test
    void theDbLineIsReplacedAndEveryOtherLineKept() throws IOException {
        Path project = root.resolve("home/app");
        Path file = Files.createDirectories(project.resolve(".tack")).resolve("config.toml");
        Files.writeString(file, """
                # the team's board
                theme = "dark"
                db = "old.db"

                [keys]
                move_left = "a" # mine
                """);
        ProjectConfigWriter.saveDb(file, project.resolve("boards/team.db").toString());
        assertThat(Files.readString(file)).isEqualTo("""
                # the team's board
                theme = "dark"
                db = "boards/team.db"

                [keys]
                move_left = "a" # mine
                """);
        assertThat(reload(project.resolve("sub")).db().orElseThrow().value()).isEqualTo(project.resolve("boards/team.db").toString());
    }

    @Test
    void aFileWithoutADbLineGetsItAtTheTopAndAFileOutsideTheProjectIsAbsolute() throws IOException {
        Path project = root.resolve("home/app");
        Path file = Files.createDirectories(project.resolve(".tack")).resolve("config.toml");
        Files.writeString(file, "[keys]\nundo = \"z\"\n");
        Path outside = root.resolve("shared/board \"x\".db");
        ProjectConfigWriter.saveDb(file, outside.toString());
        assertThat(Files.readString(file)).startsWith("db = \"" + outside.toString().replace("\"", "\\\"") + "\"\n[keys]\n");
        Config config = reload(project);
        assertThat(config.problems()).isEmpty();
        assertThat(config.db().orElseThrow().value()).isEqualTo(outside.toString());
        assertThat(config.keys()).containsKey("undo");
    }
}
