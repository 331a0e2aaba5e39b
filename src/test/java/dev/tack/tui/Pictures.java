package dev.tack.tui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import dev.tack.board.Boards;
import dev.tack.board.Cards;
import dev.tack.board.Claims;
import dev.tack.board.Columns;
import dev.tack.board.NewCard;
import dev.tack.board.Presence;
import dev.tack.board.Queries;
import dev.tack.board.Workspace;
import dev.tack.model.Actor;
import dev.tack.model.Event;
import dev.tack.model.Heartbeat;
import dev.tack.store.sqlite.Database;
import dev.tack.model.Hosts;
import dev.tack.text.Sanitizer;

/**
 * Draws README's pictures from tack's own renderer: a busy board, and two people's screens above a
 * third terminal following the event log while a worker holds a card, all on one real board file. Each screen goes through the same
 * {@link BoardController#render} as the terminal, onto Lanterna's virtual terminal, and its cells
 * are painted into a PNG, so the pictures stay true as the screen changes: in the dark and the light
 * theme (256 colours), each on a terminal of its kind, the colours as xterm shows them ({@link TerminalColours}).
 * Run: {@code assets/make-pictures.sh} (writes assets/board.png, assets/board-light.png and assets/shared.png).
 */
public final class Pictures {

    private static final int CELL_WIDTH = 9;
    private static final int CELL_HEIGHT = 18;
    private static final Color BACKGROUND = new Color(0x1d, 0x20, 0x21);
    private static final Color FOREGROUND = new Color(0xd5, 0xc4, 0xa1);
    private static final TerminalColours DARK = new TerminalColours(0x1d2021, 0xd5c4a1);
    private static final TerminalColours LIGHT = new TerminalColours(0xffffff, 0x262626);
    private static final Theme DARK_THEME = Theme.of(ThemeChoice.DARK, Theme.Background.DARK, true);
    private static final Theme LIGHT_THEME = Theme.of(ThemeChoice.LIGHT, Theme.Background.LIGHT, true);

    private Pictures() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(out);
        Path folder = Files.createTempDirectory("tack-pictures");
        Actor alice = actor("alice");
        try (Database database = Database.open(folder.resolve("tack.db"), new Database.Options(true, false, Duration.ofSeconds(10)),
                tx -> Boards.create(tx, alice, "launch", List.of("Backlog", "Doing", "Review", "Done")))) {
            Workspace aliceBoard = new Workspace(database, alice, null);
            Workspace bobBoard = new Workspace(database, actor("bob"), null);
            Workspace worker = new Workspace(database, actor("ci-bot"), null);
            fill(aliceBoard, bobBoard);
            Claims.Lanes lanes = new Claims.Lanes("Backlog", "Review", "Doing", null);
            Claims.Claimed claimed = new Claims(worker).claim(lanes, "ci-bot", 60_000, null).orElseThrow();
            new Claims(worker).heartbeat(claimed.card().id(), claimed.run().id(), "ci-bot", 60_000,
                    "resolving dependencies\ncompiling 214 sources\nrunning tests: 812/1290 passed");
            Presence bobPresence = new Presence(bobBoard, Heartbeat.SCREEN);
            bobPresence.beat();
            new Presence(worker, Heartbeat.WORKER).beat();
            Presence alicePresence = new Presence(aliceBoard, Heartbeat.SCREEN);
            alicePresence.beat();

            BoardController aliceScreen = screen(aliceBoard, alicePresence, 120, 32, "jjl", DARK_THEME);
            write(paint(List.of(new Vt(120, 32).draw(aliceScreen))), DARK, out.resolve("board.png"));
            BoardController aliceLight = screen(aliceBoard, alicePresence, 120, 32, "jjl", LIGHT_THEME);
            write(paint(List.of(new Vt(120, 32).draw(aliceLight))), LIGHT, out.resolve("board-light.png"));

            BoardController left = screen(aliceBoard, alicePresence, 86, 24, "jj", DARK_THEME);
            BoardController right = screen(bobBoard, bobPresence, 86, 24, "lll", DARK_THEME);
            // Below the screens, a third terminal following the same file: the board's real last events.
            List<String> log = new ArrayList<>();
            log.add("$ tack log --follow");
            Queries queries = new Queries(aliceBoard);
            for (Event event : queries.eventsAfter(Math.max(0, queries.lastEventId() - 3), 3)) {
                log.add("#" + event.id() + " " + Times.local(event.at(), LocalDate.now()) + " " + event.actor() + "@" + event.host() + " "
                        + Sanitizer.line(event.summary()));
            }
            write(paint(List.of(new Vt(86, 24).draw(left), new Vt(86, 24).draw(right))), log.toArray(String[]::new), DARK,
                    out.resolve("shared.png"));
        }
        System.out.println("wrote " + out.resolve("board.png") + ", " + out.resolve("board-light.png") + " and " + out.resolve("shared.png"));
    }

    private static Actor actor(String name) {
        return new Actor(name, Hosts.name(), ProcessHandle.current().pid());
    }

    private static void fill(Workspace alice, Workspace bob) {
        Cards cards = new Cards(alice);
        LocalDate today = LocalDate.now();
        cards.add(new NewCard("Nightly build on the release branch", "Backlog", "", List.of("ci"), 1, null, null, null));
        cards.add(new NewCard("Import the old Trello board", "Backlog", "", List.of("io"), 0, today.plusDays(3), "bob", null));
        cards.add(new NewCard("Keyboard help overlay", "Backlog", "", List.of("tui"), 0, null, "alice", null));
        cards.add(new NewCard("Man page from the command definitions", "Backlog", "", List.of("docs"), 0, null, null, null));
        cards.add(new NewCard("Fix flaky lock hand-over test", "Doing", "", List.of("bug", "store"), 3, today.minusDays(2), "alice", null));
        cards.add(new NewCard("Presence heartbeats in the status bar", "Doing", "", List.of("tui"), 2, today.plusDays(1), "bob", null));
        cards.add(new NewCard("Export boards as Markdown", "Doing", "", List.of("io"), 1, null, "carol", null));
        cards.add(new NewCard("Undo across processes", "Review", "", List.of("board"), 2, null, "alice", null));
        cards.add(new NewCard("CJK titles stay aligned: 日本語", "Review", "", List.of("i18n"), 0, null, null, null));
        cards.add(new NewCard("Lease fencing for late workers", "Done", "", List.of("worker"), 0, null, null, null));
        cards.add(new NewCard("WAL set once at creation", "Done", "", List.of("store"), 0, null, null, null));
        new Columns(alice).limit("Doing", 3, false);
        new Cards(bob).comment(5, "the hand-over takes 5-10 ms after kill -9");
    }

    /** A controller showing the board at a size, after a few keys, with the presence of the others. */
    private static BoardController screen(Workspace workspace, Presence presence, int columns, int rows, String keys, Theme theme) {
        BoardController controller = new BoardController(workspace, new Fixture.Host());
        controller.theme(theme);
        controller.reload();
        controller.layout(new TerminalSize(columns, rows));
        controller.presence(presence.others());
        for (char key : keys.toCharArray()) {
            controller.handle(new KeyStroke(key, false, false));
        }
        return controller;
    }

    private record Cells(int columns, int rows, TextCharacter[][] cells) {
    }

    private static List<Cells> paint(List<Vt> screens) {
        List<Cells> all = new ArrayList<>();
        for (Vt vt : screens) {
            TerminalSize size = vt.terminal.getTerminalSize();
            TextCharacter[][] cells = new TextCharacter[size.getRows()][size.getColumns()];
            for (int y = 0; y < size.getRows(); y++) {
                for (int x = 0; x < size.getColumns(); x++) {
                    cells[y][x] = vt.cell(x, y);
                }
            }
            all.add(new Cells(size.getColumns(), size.getRows(), cells));
        }
        return all;
    }

    private static void write(List<Cells> screens, TerminalColours terminal, Path file) throws IOException {
        write(screens, new String[0], terminal, file);
    }

    /** Screens side by side with a gap, and optional plain lines (a worker's terminal) below them. */
    private static void write(List<Cells> screens, String[] below, TerminalColours terminal, Path file) throws IOException {
        int gap = screens.size() > 1 ? 2 : 0;
        int columns = screens.stream().mapToInt(Cells::columns).sum() + gap * (screens.size() - 1);
        int rows = screens.stream().mapToInt(Cells::rows).max().orElse(0) + (below.length == 0 ? 0 : below.length + 1);
        BufferedImage image = new BufferedImage(columns * CELL_WIDTH + 16, rows * CELL_HEIGHT + 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x10, 0x10, 0x10));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        Font plain = new Font(Font.MONOSPACED, Font.PLAIN, 14);
        Font bold = plain.deriveFont(Font.BOLD);
        int left = 8;
        for (Cells screen : screens) {
            for (int y = 0; y < screen.rows(); y++) {
                for (int x = 0; x < screen.columns(); x++) {
                    cell(g, screen.cells()[y][x], terminal, left + x * CELL_WIDTH, 8 + y * CELL_HEIGHT, plain, bold);
                }
            }
            left += (screen.columns() + gap) * CELL_WIDTH;
        }
        int top = 8 + (rows - below.length) * CELL_HEIGHT;
        g.setColor(BACKGROUND);
        if (below.length > 0) {
            g.fillRect(8, top, columns * CELL_WIDTH, below.length * CELL_HEIGHT);
        }
        g.setFont(plain);
        g.setColor(FOREGROUND);
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < below.length; i++) {
            g.drawString(below[i], 8, top + i * CELL_HEIGHT + metrics.getAscent());
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void cell(Graphics2D g, TextCharacter cell, TerminalColours terminal, int px, int py, Font plain, Font bold) {
        int[] pair = terminal.of(cell);
        Color fg = new Color(pair[0]);
        Color bg = new Color(pair[1]);
        int width = cell.isDoubleWidth() ? 2 * CELL_WIDTH : CELL_WIDTH;
        g.setColor(bg);
        g.fillRect(px, py, width, CELL_HEIGHT);
        String text = cell.getCharacterString();
        if (text.isBlank()) {
            return;
        }
        g.setFont(cell.isBold() ? bold : plain);
        g.setColor(fg);
        g.drawString(text, px, py + g.getFontMetrics().getAscent() + 1);
    }
}
