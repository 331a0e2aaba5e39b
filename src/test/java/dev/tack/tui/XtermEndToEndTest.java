package dev.tack.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.tack.board.Cards;
import dev.tack.board.NewCard;
import dev.tack.board.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 as its reporter saw it: tack (the real program) in a real xterm on a private X display
 * (Xvfb), with TERM=xterm, once in xterm's default black on white and once reversed ({@code -rv}).
 * From the real terminal it proves: tack took the background from xterm's own OSC 11 answer (its
 * {@code --debug} line); the answer shows nowhere on xterm's screen (xterm's own text dump, its
 * {@code print-immediate} action) and was no key (the first key typed, q, quits with 0); and the
 * picture xterm drew (Xvfb's frame buffer) uses only xterm's sixteen colours, every cell's text
 * reading at 4.5:1 or more on its background, the selected card's tags included.
 * Skipped where Xvfb, xterm or xdotool is not installed.
 */
class XtermEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final int COLUMNS = 100;
    private static final int ROWS = 30;
    /** xterm's default palette, the only colours a 16-colour screen can show there. */
    private static final Set<Integer> XTERM_16 = Set.of(0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd,
            0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff);

    @TempDir
    Path dir;
    private final java.util.Deque<Process> started = new java.util.ArrayDeque<>();
    private String display;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : started) { // xterm, then Xvfb: the order they were started in, backwards
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void defaultBlackOnWhiteXtermGetsTheLightThemeIn16Colours() throws Exception {
        board(false, "light-16", "background light", 0xffffff);
    }

    @Test
    void reversedXtermGetsTheDarkThemeIn16Colours() throws Exception {
        board(true, "dark-16", "background dark", 0x000000);
    }

    private void board(boolean reversed, String theme, String background, int windowBackground) throws Exception {
        Assumptions.assumeTrue(onPath("Xvfb") && onPath("xterm") && onPath("xdotool"),
                "Xvfb, xterm or xdotool is not installed: skipping the real-xterm test");
        seed();
        // The root window in the other colour than xterm's background, so that the window's edges show.
        startXvfb(windowBackground == 0xffffff ? "-br" : "-wr");
        Path dumps = Files.createDirectories(dir.resolve("dumps"));
        Path err = dir.resolve("err.txt");
        Path exit = dir.resolve("exit.txt");
        Path script = dir.resolve("run.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "env -u COLORFGBG -u COLORTERM -u NO_COLOR TERM=xterm " + quote(java) + " -cp "
                + quote(System.getProperty("java.class.path")) + " dev.tack.Main --db " + quote(dir.resolve("tack.db").toString())
                + " --as xterm --debug 2>" + quote(err.toString()) + "\necho $? >" + quote(exit + ".part") + " && mv "
                + quote(exit + ".part") + " " + quote(exit.toString()) + "\n");
        List<String> xterm = new ArrayList<>(List.of("xterm", "-bw", "0", "-geometry", COLUMNS + "x" + ROWS + "+0+0", "-tn", "xterm",
                // F12 writes xterm's screen as text to a file: what the screen shows, read from xterm itself
                "-xrm", "XTerm*printFileImmediate: " + dumps.resolve("screen"), "-xrm", "XTerm*printAttributes: 0",
                "-xrm", "XTerm*VT100.translations: #override <Key>F12: print-immediate()"));
        if (reversed) {
            xterm.add("-rv");
        }
        xterm.addAll(List.of("-e", "sh", script.toString()));
        started.push(x(xterm).redirectErrorStream(true).redirectOutput(dir.resolve("xterm.out").toFile()).start());

        String window = run("xdotool", "search", "--sync", "--class", "xterm").lines().findFirst().orElseThrow().strip();
        run("xdotool", "mousemove", "799", "599"); // the pointer off the window: Xvfb draws it into the picture
        run("xdotool", "windowfocus", "--sync", window);

        // (1) tack's own account of the theme, and where the background came from.
        // On a busy machine xterm may answer after the screen stopped waiting (40 ms); the late answer
        // re-themes the screen and says so in a second line.
        String debug = awaitFile(err, s -> s.contains("from the terminal's OSC 11 answer"));
        assertThat(debug.lines().filter(l -> l.contains("from the terminal's OSC 11 answer")).findFirst().orElseThrow()).contains("theme " + theme + " (asked for auto): " + background + " from the terminal's OSC 11 answer")
                .contains("16 colours (TERM=xterm)");

        // (2) the screen as xterm holds it: the board, and no trace of the answer.
        String screen = dumpScreen(window, dumps);
        List<String> lines = screen.lines().toList();
        assertThat(screen).doesNotContain("rgb:").doesNotContain("11;").doesNotContain("?64").doesNotContain("\u001b");
        assertThat(lines.get(lines.size() - 1)).as("the hint row, not a filter line or a dialog").startsWith("h/j/k/l move");
        assertThat(screen).doesNotContain("Boards").doesNotContain("Filter");

        // (3) the picture xterm drew: xterm's 16 colours only, every cell readable.
        XwdImage picture = XwdImage.read(dir.resolve("Xvfb_screen0"));
        Grid grid = Grid.of(picture, windowBackground == 0xffffff ? 0x000000 : 0xffffff);
        assertThat(picture.rgb(grid.left() - 1, grid.top() - 1)).as("xterm's own background, its inner border").isEqualTo(windowBackground);
        Set<Integer> colours = new TreeSet<>();
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                Set<Integer> cell = grid.colours(row, column);
                colours.addAll(cell);
                assertThat(cell.size()).as("colours in cell %d,%d", row, column).isLessThanOrEqualTo(2);
                if (cell.size() == 2) {
                    Integer[] pair = cell.toArray(Integer[]::new);
                    assertThat(TerminalColours.contrast(pair[0], pair[1])).as("contrast in cell %d,%d (%s on %s): '%s'", row, column,
                            hex(pair[0]), hex(pair[1]), lines.get(row).strip()).isGreaterThanOrEqualTo(4.5);
                }
            }
        }
        assertThat(XTERM_16).as("xterm's 16 colours, no 256-colour index").containsAll(colours);
        // The selected card (the first one) and its tags, which issue 15 found yellow on yellow.
        int cardRow = indexOf(lines, "#io");
        for (String tag : List.of("#io", "#worker", "due tomorrow")) {
            int at = lines.get(cardRow).indexOf(tag);
            for (int column = at; column < at + tag.length(); column++) {
                if (lines.get(cardRow).charAt(column) != ' ') {
                    assertThat(grid.colours(cardRow, column)).as("'%s' has ink in cell %d,%d", tag, cardRow, column).hasSize(2);
                }
            }
        }
        assertThat(grid.colours(indexOf(lines, "Read on any terminal"), 1)).as("the selection is drawn")
                .isNotEqualTo(Set.of(windowBackground));

        // The answer was no key: the first key typed quits.
        run("xdotool", "key", "--clearmodifiers", "q");
        assertThat(awaitFile(exit, s -> s.endsWith("\n")).strip()).isEqualTo("0");
    }

    /** The cell grid of the xterm window: the window is where the picture is not the root's colour. */
    private record Grid(XwdImage picture, int left, int top, int cellWidth, int cellHeight) {
        static Grid of(XwdImage picture, int root) {
            int minX = picture.width();
            int minY = picture.height();
            int maxX = -1;
            int maxY = -1;
            // not the bottom right corner, where the pointer is drawn
            for (int y = 0; y < picture.height() - 40; y++) {
                for (int x = 0; x < picture.width() - 40; x++) {
                    if (picture.rgb(x, y) != root) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            int border = 2; // xterm's internalBorder
            int width = maxX - minX + 1 - 2 * border;
            int height = maxY - minY + 1 - 2 * border;
            assertThat(width % COLUMNS).as("window width %d is %d cells", width, COLUMNS).isZero();
            assertThat(height % ROWS).as("window height %d is %d rows", height, ROWS).isZero();
            return new Grid(picture, minX + border, minY + border, width / COLUMNS, height / ROWS);
        }

        Set<Integer> colours(int row, int column) {
            Set<Integer> colours = new TreeSet<>();
            for (int y = top + row * cellHeight; y < top + (row + 1) * cellHeight; y++) {
                for (int x = left + column * cellWidth; x < left + (column + 1) * cellWidth; x++) {
                    colours.add(picture.rgb(x, y));
                }
            }
            return colours;
        }
    }

    /** Asks xterm for its screen as text (F12: print-immediate) until it shows the board drawn. */
    private String dumpScreen(String window, Path dumps) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            // typed through XTEST into the focused window (xterm ignores keys sent with --window)
            run("xdotool", "key", "--clearmodifiers", "F12");
            Optional<Path> dump = awaitDump(dumps, deadline);
            if (dump.isPresent()) {
                last = Files.readString(dump.get(), StandardCharsets.UTF_8);
                Files.delete(dump.get());
                if (last.contains("Read on any terminal") && last.contains("q quit")) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        return fail("waited " + PATIENCE.toSeconds() + " s for the board on xterm's screen; it shows:\n" + last);
    }

    private static Optional<Path> awaitDump(Path dumps, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(dumps)) {
                Optional<Path> dump = files.findFirst();
                if (dump.isPresent()) {
                    Thread.sleep(50); // xterm writes it in one go, but let it close the file
                    return dump;
                }
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    private void startXvfb(String root) throws IOException {
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24", "-fbdir", dir.toString(),
                "-nolisten", "tcp", root).redirectError(dir.resolve("xvfb.err").toFile()).start();
        started.push(xvfb);
        // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
        String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        if (number == null) {
            fail("Xvfb did not start: " + Files.readString(dir.resolve("xvfb.err")));
        }
        display = ":" + number.strip();
    }

    private ProcessBuilder x(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DISPLAY", display);
        builder.environment().remove("XAUTHORITY");
        return builder;
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process process = x(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " hung");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }

    private String awaitFile(Path file, java.util.function.Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (condition.test(text)) {
                return text;
            }
            if (System.nanoTime() > deadline) {
                String xterm = Files.exists(dir.resolve("xterm.out")) ? Files.readString(dir.resolve("xterm.out")) : "";
                return fail("waited " + PATIENCE.toSeconds() + " s for " + file.getFileName() + "; it has: " + text + "; xterm said: " + xterm);
            }
            Thread.sleep(50);
        }
    }

    private void seed() {
        try (Workspace setup = Fixture.create(dir, "setup")) {
            new Cards(setup).add(new NewCard("Read on any terminal", "Todo", "", List.of("io", "worker"), 1,
                    LocalDate.now().plusDays(1), null, null));
            new Cards(setup).add(new NewCard("Second card", "Todo", "", List.of("ui"), 0, null, "bob", null));
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return fail("no line with " + text + " in:\n" + String.join("\n", lines));
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
