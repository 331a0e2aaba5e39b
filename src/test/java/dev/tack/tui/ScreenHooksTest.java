package dev.tack.tui;

import static dev.tack.tui.Fixture.key;
import static dev.tack.tui.Fixture.keys;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import com.googlecode.lanterna.input.KeyType;
import dev.tack.board.Hooks;
import dev.tack.board.Workspace;
import dev.tack.model.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A person's moves and new cards on the screen fire the same hooks as the command line (issue 16): real hook scripts see them. */
class ScreenHooksTest {

    @TempDir
    Path dir;
    Workspace board;

    @AfterEach
    void close() {
        board.close();
    }

    @Test
    void movingACardIntoDoneOnTheScreenFiresMovedAndDoneAndANewCardFiresCreated() throws IOException, InterruptedException {
        board = Fixture.create(dir, "alice");
        Path seen = Files.createDirectories(dir.resolve("seen"));
        String hook = "printf '%s|%s|%s|%s\\n' \"$TACK_EVENT\" \"$TACK_COLUMN\" \"${TACK_FROM_COLUMN-}\" \"$TACK_ACTOR\" > '"
                + seen + "'/\"$TACK_EVENT-$TACK_CARD_ID-$TACK_COLUMN\"";
        Hooks hooks = new Hooks(board);
        for (String event : new String[] {"created", "moved", "done"}) {
            hooks.add(event, hook, null, null);
        }
        Card card = Fixture.add(board, "by hand", "Todo");
        assertThat(awaitLine(seen.resolve("created-" + card.id() + "-Todo"))).isEqualTo("created|Todo||alice");

        BoardController controller = Fixture.controller(board);
        keys(controller, key('L'));
        assertThat(awaitLine(seen.resolve("moved-" + card.id() + "-Doing"))).isEqualTo("moved|Doing|Todo|alice");
        keys(controller, key('L'));
        assertThat(awaitLine(seen.resolve("moved-" + card.id() + "-Done"))).isEqualTo("moved|Done|Doing|alice");
        assertThat(awaitLine(seen.resolve("done-" + card.id() + "-Done"))).isEqualTo("done|Done|Doing|alice");
        assertThat(seen.resolve("done-" + card.id() + "-Doing")).as("Doing is not a done column").doesNotExist();

        keys(controller, key('n'));
        Fixture.type(controller, "typed on the screen");
        keys(controller, key(KeyType.Enter));
        Path created = awaitAny(seen, "created-", "-Done");
        assertThat(Files.readString(created).strip()).isEqualTo("created|Done||alice");
    }

    /** Waits for a hook's file to appear with its line (the hook runs right after the write's commit). */
    private static String awaitLine(Path file) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!(Files.exists(file) && Files.readString(file).endsWith("\n"))) {
            assertThat(Instant.now()).as("waiting for " + file.getFileName()).isBefore(deadline);
            Thread.sleep(10);
        }
        return Files.readString(file).strip();
    }

    private static Path awaitAny(Path folder, String prefix, String suffix) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (var files = Files.list(folder)) {
                var found = files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix))
                        .findFirst();
                if (found.isPresent()) {
                    awaitLine(found.get());
                    return found.get();
                }
            }
            assertThat(Instant.now()).as("waiting for a " + prefix + "…" + suffix + " file").isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
