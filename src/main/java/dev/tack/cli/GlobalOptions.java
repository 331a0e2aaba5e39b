package dev.tack.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after its name (docs/ARCHITECTURE.md §4). Declared once on the
 * root with {@code scope = INHERIT}; picocli binds every copy to this one object.
 */
public final class GlobalOptions {

    @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The board database (env TACK_DB; default: the nearest .tack/tack.db, else ~/.local/share/tack/tack.db).")
    String db;

    @Option(names = "--board", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The board (env TACK_BOARD; default: the only board, or 'main').")
    String board;

    @Option(names = "--as", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Who is acting, for the event log (env TACK_ACTOR; default: your login name).")
    String actor;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--fields", paramLabel = "A,B,C", split = ",", scope = ScopeType.INHERIT,
            description = "With --json (implied): only these fields of each object, in this order; an unknown one is a usage error.")
    java.util.List<String> fields;

    @Option(names = "--compact", scope = ScopeType.INHERIT,
            description = "With --json (implied): one line per object (a list: one per line), without nulls or empty values.")
    boolean compact;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Option(names = "--sync-full", scope = ScopeType.INHERIT, hidden = true,
            description = "synchronous=FULL: every commit reaches the disk before tack returns (slower).")
    boolean syncFull;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, hidden = true, converter = Converters.Wait.class,
            description = "How long a write waits for the board's lock before giving up as busy (default 10s; a plain number is seconds).")
    java.time.Duration lockTimeout;
}
