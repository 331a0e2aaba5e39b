package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/ARCHITECTURE.md §4: where the board lives when --db is not given. */
class DbLocationTest {

    @TempDir
    Path dir;

    private Path work;

    @BeforeEach
    void folders() throws IOException {
        work = Files.createDirectories(dir.resolve("projects/app/src/deep"));
        // Above the temporary folder there must be no .tack/tack.db, or the search would find it.
        for (Path folder = dir; folder != null; folder = folder.getParent()) {
            assumeTrue(!Files.exists(folder.resolve(".tack/tack.db")), "a board exists at " + folder + "/.tack/tack.db");
        }
    }

    @Test
    void anExplicitPathWinsAndIsNeverCreatedImplicitly() throws IOException {
        Files.createDirectories(work.resolve(".tack"));
        Files.createFile(work.resolve(".tack/tack.db"));
        Path explicit = dir.resolve("elsewhere/../boards/team.db");
        DbLocation location = DbLocation.resolve(explicit.toString(), work, Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString()));
        assertThat(location.file()).isEqualTo(dir.resolve("boards/team.db"));
        assertThat(location.file().isAbsolute()).isTrue();
        assertThat(location.createIfMissing()).isFalse();
    }

    @Test
    void aBlankExplicitPathIsIgnored() {
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
        assertThat(DbLocation.resolve("  ", work, env)).isEqualTo(DbLocation.resolve(null, work, env));
    }

    @Test
    void theNearestDotTackInTheWorkingFolderOrAParentIsFound() throws IOException {
        Path outer = dir.resolve("projects/.tack/tack.db");
        Path inner = dir.resolve("projects/app/.tack/tack.db");
        Files.createDirectories(outer.getParent());
        Files.createFile(outer);
        Files.createDirectories(inner.getParent());
        Files.createFile(inner);
        // A .tack folder without a board, and a "tack.db" that is a folder, do not count.
        Files.createDirectories(dir.resolve("projects/app/src/.tack"));
        Files.createDirectories(dir.resolve("projects/app/src/deep/.tack/tack.db"));
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString(), "HOME", dir.resolve("home").toString());

        DbLocation location = DbLocation.resolve(null, work, env);
        assertThat(location.file()).isEqualTo(inner);
        assertThat(location.createIfMissing()).isFalse();

        assertThat(DbLocation.resolve(null, inner.getParent().getParent(), env).file()).as("from the folder holding .tack").isEqualTo(inner);
        assertThat(DbLocation.resolve(null, dir.resolve("projects"), env).file()).isEqualTo(outer);
    }

    @Test
    void withoutADotTackTheBoardLivesInXdgDataHome() {
        Path xdg = dir.resolve("xdg");
        DbLocation location = DbLocation.resolve(null, work, Map.of("XDG_DATA_HOME", xdg.toString(), "HOME", dir.resolve("home").toString()));
        assertThat(location.file()).isEqualTo(xdg.resolve("tack/tack.db"));
        assertThat(location.createIfMissing()).as("the data-folder default is created on first use").isTrue();
    }

    @Test
    void withoutXdgDataHomeTheBoardLivesInLocalShare() {
        Path home = dir.resolve("home");
        DbLocation location = DbLocation.resolve(null, work, Map.of("HOME", home.toString()));
        assertThat(location.file()).isEqualTo(home.resolve(".local/share/tack/tack.db"));
        assertThat(location.createIfMissing()).isTrue();
    }

    @Test
    void anEmptyOrRelativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        Path home = dir.resolve("home");
        assertThat(DbLocation.resolve(null, work, Map.of("XDG_DATA_HOME", "", "HOME", home.toString())).file())
                .isEqualTo(home.resolve(".local/share/tack/tack.db"));
        assertThat(DbLocation.resolve(null, work, Map.of("XDG_DATA_HOME", "relative/data", "HOME", home.toString())).file())
                .isEqualTo(home.resolve(".local/share/tack/tack.db"));
    }
}
