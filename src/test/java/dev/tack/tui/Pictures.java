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
import com.googlecode.lanterna.TextColor;
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
 * are painted into a PNG, so the pictures stay true as the screen changes.
 * Run: {@code assets/make-pictures.sh} (writes assets/board.png and assets/shared.png).
 */
public final class Pictures {

    private static final int CELL_WIDTH = 9;
    private static final int CELL_HEIGHT = 18;
    private static final Color BACKGROUND = new Color(0x1d, 0x20, 0x21);
    private static final Color FOREGROUND = new Color(0xd5, 0xc4, 0xa1);

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

            BoardController aliceScreen = screen(aliceBoard, alicePresence, 120, 32, "jjl");
            write(paint(List.of(new Vt(120, 32).draw(aliceScreen))), out.resolve("board.png"));

            BoardController left = screen(aliceBoard, alicePresence, 86, 24, "jj");
            BoardController right = screen(bobBoard, bobPresence, 86, 24, "lll");
            // Below the screens, a third terminal following the same file: the board's real last events.
            List<String> log = new ArrayList<>();
            log.add("$ tack log --follow");
            Queries queries = new Queries(aliceBoard);
            for (Event event : queries.eventsAfter(Math.max(0, queries.lastEventId() - 3), 3)) {
                log.add("#" + event.id() + " " + Times.local(event.at(), LocalDate.now()) + " " + event.actor() + "@" + event.host() + " "
                        + Sanitizer.line(event.summary()));
            }
            write(paint(List.of(new Vt(86, 24).draw(left), new Vt(86, 24).draw(right))), log.toArray(String[]::new),
                    out.resolve("shared.png"));
        }
        System.out.println("wrote " + out.resolve("board.png") + " and " + out.resolve("shared.png"));
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
    private static BoardController screen(Workspace workspace, Presence presence, int columns, int rows, String keys) {
        BoardController controller = new BoardController(workspace, new Fixture.Host());
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

    private static void write(List<Cells> screens, Path file) throws IOException {
        write(screens, new String[0], file);
    }

    /** Screens side by side with a gap, and optional plain lines (a worker's terminal) below them. */
    private static void write(List<Cells> screens, String[] below, Path file) throws IOException {
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
                    cell(g, screen.cells()[y][x], left + x * CELL_WIDTH, 8 + y * CELL_HEIGHT, plain, bold);
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

    private static void cell(Graphics2D g, TextCharacter cell, int px, int py, Font plain, Font bold) {
        Color fg = colour(cell.getForegroundColor(), FOREGROUND);
        Color bg = colour(cell.getBackgroundColor(), BACKGROUND);
        if (cell.isReversed()) {
            Color swap = fg;
            fg = bg;
            bg = swap;
        }
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

    private static Color colour(TextColor colour, Color fallback) {
        if (colour == null || colour == TextColor.ANSI.DEFAULT) {
            return fallback;
        }
        if (colour instanceof TextColor.ANSI ansi) {
            return switch (ansi) {
                case BLACK -> new Color(0x28, 0x28, 0x28);
                case RED, RED_BRIGHT -> new Color(0xfb, 0x49, 0x34);
                case GREEN, GREEN_BRIGHT -> new Color(0xb8, 0xbb, 0x26);
                case YELLOW, YELLOW_BRIGHT -> new Color(0xfa, 0xbd, 0x2f);
                case BLUE, BLUE_BRIGHT -> new Color(0x83, 0xa5, 0x98);
                case MAGENTA, MAGENTA_BRIGHT -> new Color(0xd3, 0x86, 0x9b);
                case CYAN, CYAN_BRIGHT -> new Color(0x8e, 0xc0, 0x7c);
                case WHITE, WHITE_BRIGHT -> new Color(0xeb, 0xdb, 0xb2);
                case BLACK_BRIGHT -> new Color(0x92, 0x83, 0x74);
                default -> fallback;
            };
        }
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue());
    }
}
