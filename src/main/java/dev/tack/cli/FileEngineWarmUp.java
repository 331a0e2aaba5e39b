package dev.tack.cli;

import java.util.Set;
import java.util.function.Function;
import dev.tack.board.Workspace;

/**
 * Whether a start is worth warming the file engine up for ({@code Storages.warmUpFileEngine}),
 * from its arguments alone, before picocli has read them: almost every command opens a board
 * file, and the engine's native library and configuration then load beside the parsing
 * (docs/STARTUP.md). Not for what opens no file: help, the version, the guide and config
 * commands, or a board on a server. A guess, made without reading an annotation (picocli reads
 * them next): a title that happens to be "config" only costs this start the warm-up.
 */
public final class FileEngineWarmUp {

    private static final Set<String> WITHOUT_A_BOARD = Set.of("agent-guide", "config");

    private FileEngineWarmUp() {
    }

    /** Whether this start will open a board file, as far as its arguments and {@code TACK_DB} tell. */
    public static boolean wanted(String[] args) {
        return wanted(args, System::getenv);
    }

    static boolean wanted(String[] args, Function<String, String> environment) {
        String db = environment.apply("TACK_DB");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--version") || arg.equals("-V") || arg.equals("--help") || arg.equals("-h") || WITHOUT_A_BOARD.contains(arg)) {
                return false;
            }
            if (arg.equals("--db") && i + 1 < args.length) {
                db = args[i + 1];
            } else if (arg.startsWith("--db=")) {
                db = arg.substring("--db=".length());
            }
        }
        return db == null || !Workspace.isServer(db);
    }
}
