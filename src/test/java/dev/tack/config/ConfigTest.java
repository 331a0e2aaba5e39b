package dev.tack.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config files: where they are, what they hold, which one wins, and what a bad one says. */
class ConfigTest {

    @TempDir
    Path root;
    Path home;
    Path project;
    Map<String, String> env;

    @BeforeEach
    void folders() throws IOException {
        home = Files.createDirectories(root.resolve("home"));
        project = Files.createDirectories(home.resolve("code/app"));
        env = Map.of("HOME", home.toString());
    }

    private Path user(String toml) throws IOException {
        return write(home.resolve(".config/tack/config.toml"), toml);
    }

    private Path projectFile(String toml) throws IOException {
        return write(project.resolve(".tack/config.toml"), toml);
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void withNoFilesEverySettingIsTacksDefault() {
        Config config = Config.load(project, env);
        assertThat(config.problems()).isEmpty();
        assertThat(config.projectFile()).isNull();
        assertThat(config.userFile()).isEqualTo(home.resolve(".config/tack/config.toml"));
        assertThat(config.db()).isEmpty();
        assertThat(config.board("/x/tack.db")).isEmpty();
        assertThat(config.theme()).isEqualTo(Setting.byDefault("auto"));
        assertThat(config.pollInterval()).isEqualTo(Setting.byDefault(Duration.ofMillis(40)));
        assertThat(config.cardFields().value()).containsExactly("id", "priority", "tags", "due", "assignee");
        assertThat(config.keys()).isEmpty();
        assertThat(config.dateFormat()).isEmpty();
    }

    @Test
    void theUserFileIsInXdgConfigHomeWhenItIsSet() throws IOException {
        Path xdg = root.resolve("xdg");
        write(xdg.resolve("tack/config.toml"), "theme = \"light\"\n");
        Config config = Config.load(project, Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString()));
        assertThat(config.userFile()).isEqualTo(xdg.resolve("tack/config.toml"));
        assertThat(config.theme().value()).isEqualTo("light");
        assertThat(config.theme().origin().name()).isEqualTo(xdg.resolve("tack/config.toml") + ":1");
    }

    @Test
    void everySettingIsReadWithItsLine() throws IOException {
        Path file = user("""
                # my tack
                theme = "high-contrast"
                date_format = "d MMM yyyy"
                poll_interval = "100ms"
                card_fields = ["tags", "due"]
                board = "sprint"

                [keys]
                move_left = "a"
                move_right = ["s", "shift+right"]
                """);
        Config config = Config.load(project, env);
        assertThat(config.problems()).isEmpty();
        assertThat(config.theme()).isEqualTo(new Setting<>("high-contrast", new Origin("~/.config/tack/config.toml:2")));
        assertThat(config.dateFormat().orElseThrow().value()).isEqualTo("d MMM yyyy");
        assertThat(config.pollInterval().value()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.cardFields().value()).containsExactly("tags", "due");
        assertThat(config.board("/any/tack.db").orElseThrow().origin().name()).isEqualTo("~/.config/tack/config.toml:6");
        assertThat(config.keys()).containsOnlyKeys("move_left", "move_right");
        assertThat(config.keys().get("move_right")).isEqualTo(new Setting<>(List.of("s", "shift+right"),
                Origin.file(file, 10, home)));
    }

    @Test
    void theProjectsFileOverridesTheUsersSettingBySetting() throws IOException {
        user("""
                theme = "light"
                poll_interval = 200
                [keys]
                move_left = "a"
                undo = "z"
                """);
        projectFile("""
                theme = "dark"
                [keys]
                move_left = "x"
                """);
        Config config = Config.load(project.resolve("src"), env);
        assertThat(config.theme().value()).isEqualTo("dark");
        assertThat(config.theme().origin().name()).isEqualTo("~/code/app/.tack/config.toml:1");
        assertThat(config.pollInterval().value()).isEqualTo(Duration.ofMillis(200)); // the user's: the project's says nothing
        assertThat(config.keys().get("move_left").value()).containsExactly("x");
        assertThat(config.keys().get("undo").value()).containsExactly("z");
    }

    @Test
    void theProjectIsTheNearestFolderWithATackConfigLikeGitFindsGit() throws IOException {
        projectFile("theme = \"dark\"\n");
        Path inner = Files.createDirectories(project.resolve("a/b/c"));
        assertThat(Locations.projectFile(inner, home)).isEqualTo(project.resolve(".tack/config.toml"));
        Path nested = write(project.resolve("a/.tack/config.toml"), "theme = \"light\"\n");
        assertThat(Locations.projectFile(inner, home)).isEqualTo(nested);
        assertThat(Config.load(inner, env).theme().value()).isEqualTo("light");
        // A .tack folder without config.toml is no project (a board file alone is found as before).
        Files.createDirectories(project.resolve("a/b/.tack"));
        assertThat(Locations.projectFile(inner, home)).isEqualTo(nested);
    }

    @Test
    void theSearchStopsAtTheHomeFolder() throws IOException {
        write(root.resolve(".tack/config.toml"), "theme = \"light\"\n"); // above home: not this person's project
        assertThat(Locations.projectFile(project, home)).isNull();
        assertThat(Config.load(project, env).theme().value()).isEqualTo("auto");
        // Outside home, it goes up to the root.
        Path elsewhere = Files.createDirectories(root.resolve("srv/x"));
        assertThat(Locations.projectFile(elsewhere, home)).isEqualTo(root.resolve(".tack/config.toml"));
    }

    @Test
    void aRelativeDbIsRelativeToTheProjectFolderAndAUrlIsKeptAsItIs() throws IOException {
        projectFile("db = \"boards/team.db\"\n");
        Path deep = Files.createDirectories(project.resolve("src/main"));
        Setting<String> db = Config.load(deep, env).db().orElseThrow();
        assertThat(db.value()).isEqualTo(project.resolve("boards/team.db").toString());
        assertThat(db.origin().name()).isEqualTo("~/code/app/.tack/config.toml:1");

        projectFile("db = \"~/boards/mine.db\"\n");
        assertThat(Config.load(deep, env).db().orElseThrow().value()).isEqualTo(home.resolve("boards/mine.db").toString());

        projectFile("db = \"postgresql://alice@db.example:5432/tack?currentSchema=team\"\n");
        assertThat(Config.load(deep, env).db().orElseThrow().value()).isEqualTo("postgresql://alice@db.example:5432/tack?currentSchema=team");
    }

    @Test
    void aPasswordInTheFileIsRefusedAndTheDbIsNotUsed() throws IOException {
        projectFile("theme = \"dark\"\ndb = \"postgresql://alice:s3cret@db.example/tack\"\n");
        Config config = Config.load(project, env);
        assertThat(config.db()).isEmpty();
        assertThat(config.problemLines()).containsExactly("~/code/app/.tack/config.toml:2: db: " + DbUrls.NO_PASSWORD);
        assertThat(String.join("\n", config.problemLines())).doesNotContain("s3cret");
        assertThat(config.theme().value()).isEqualTo("dark");
        projectFile("db = \"postgres://db.example/tack?sslmode=require&password=s3cret\"\n");
        assertThat(Config.load(project, env).db()).isEmpty();
    }

    @Test
    void theDefaultBoardIsPerDatabaseThenTheFilesOwn() throws IOException {
        user("""
                board = "mine"
                [boards]
                "~/work/.tack/tack.db" = "sprint"
                "postgresql://alice@db/tack" = "team"
                """);
        Config config = Config.load(project, env);
        assertThat(config.board(home.resolve("work/.tack/tack.db").toString()).orElseThrow().value()).isEqualTo("sprint");
        assertThat(config.board("postgresql://alice@db/tack").orElseThrow().value()).isEqualTo("team");
        assertThat(config.board(home.resolve("other.db").toString()).orElseThrow().value()).isEqualTo("mine");
        projectFile("board = \"app\"\n");
        assertThat(Config.load(project, env).board(home.resolve("work/.tack/tack.db").toString()).orElseThrow().value())
                .as("the project's file goes first").isEqualTo("app");
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLineAndTheFileIsIgnored() throws IOException {
        user("theme = \"light\"\n");
        projectFile("""
                theme = "dark"
                poll_interval = "80ms"

                [keys
                move_left = "a"
                """);
        Config config = Config.load(project, env);
        assertThat(config.problemLines()).singleElement().asString()
                .startsWith("~/code/app/.tack/config.toml:4: not valid TOML (").endsWith("); the file is ignored");
        assertThat(config.theme().value()).as("the user's file still applies").isEqualTo("light");
        assertThat(config.pollInterval().value()).isEqualTo(Duration.ofMillis(40));
        assertThat(config.keys()).isEmpty();
    }

    @Test
    void aBadValueIsOneLineNamingFileLineAndKeyAndOnlyThatValueIsDropped() throws IOException {
        user("""
                theme = "dark"
                colour = "blue"
                poll_interval = "fast"
                card_fields = ["tags", "colour"]
                date_format = "yyyy-MM-dd HH:mm"

                [keys]
                move_left = 7
                undo = "z"
                """);
        Config config = Config.load(project, env);
        assertThat(config.problemLines()).containsExactly(
                "~/.config/tack/config.toml:2: colour: unknown key (known: db, board, boards, theme, date_format, poll_interval,"
                        + " card_fields, wrap_titles, marks, keys)",
                "~/.config/tack/config.toml:3: poll_interval: 'fast' is not a duration (for example \"40ms\" or \"0.5s\")",
                "~/.config/tack/config.toml:4: card_fields: 'colour' is not a card field (id, priority, tags, due, assignee)",
                config.problemLines().get(3),
                "~/.config/tack/config.toml:8: keys.move_left: expected a key (\"ctrl+n\") or a list of keys ([\"n\", \"insert\"]),"
                        + " not a number");
        assertThat(config.problemLines().get(3)).startsWith("~/.config/tack/config.toml:5: date_format: 'yyyy-MM-dd HH:mm' is not a date pattern");
        assertThat(config.theme().value()).isEqualTo("dark");
        assertThat(config.keys()).containsOnlyKeys("undo");
        assertThat(config.pollInterval().value()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void wrongTypesAndValuesOfEveryKey() throws IOException {
        user("""
                theme = "solarized"
                db = 3
                board = ""
                poll_interval = "1ms"
                keys = "vim"
                """);
        assertThat(Config.load(project, env).problemLines()).containsExactly(
                "~/.config/tack/config.toml:1: theme: 'solarized' is not a theme (auto, dark, light, high-contrast)",
                "~/.config/tack/config.toml:2: db: expected a string, not a number",
                "~/.config/tack/config.toml:3: board: is empty",
                "~/.config/tack/config.toml:4: poll_interval: 1 ms is out of range (10ms to 5s)",
                "~/.config/tack/config.toml:5: keys: expected a table of action = \"key\" or [\"key\", …], not a string");
    }

    @Test
    void wrapTitlesAndTheMarksTableAreReadWithTheProjectsOverTheUsers() throws IOException {
        user("""
                wrap_titles = true

                [marks]
                ascii = true
                comments = "#"
                checklist = false
                """);
        projectFile("""
                [marks]
                comments = true
                """);
        Config config = Config.load(project, env);
        assertThat(config.problemLines()).isEmpty();
        assertThat(config.wrapTitles().value()).isTrue();
        assertThat(config.wrapTitles().origin().name()).isEqualTo("~/.config/tack/config.toml:1");
        assertThat(config.marks()).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().value())
                .containsExactlyInAnyOrder("ascii=true", "comments=default", "checklist=");
        assertThat(Config.defaults().wrapTitles().value()).isFalse();
        assertThat(Config.defaults().marks()).isEmpty();
    }

    @Test
    void badMarksAndWrapTitlesAreOneLineEach() throws IOException {
        user("""
                wrap_titles = "yes"

                [marks]
                stars = "*"
                comments = 3
                description = "\\u001b[31m"
                waiting = "a very long glyph"
                """);
        List<String> lines = Config.load(project, env).problemLines();
        assertThat(lines).as(String.join("\n", lines)).hasSize(5);
        assertThat(lines).containsExactly(
                "~/.config/tack/config.toml:1: wrap_titles: expected true or false, not a string",
                "~/.config/tack/config.toml:4: marks.stars: unknown mark (known: description, comments, checklist, waiting, ascii)",
                "~/.config/tack/config.toml:5: marks.comments: expected a short glyph (\"≡\", at most 4 characters, no control characters),"
                        + " true or false, not a number",
                "~/.config/tack/config.toml:6: marks.description: a glyph cannot hold control characters",
                "~/.config/tack/config.toml:7: marks.waiting: expected a short glyph (\"≡\", at most 4 characters, no control characters),"
                        + " true or false, not 'a very long glyph'");
    }
}
