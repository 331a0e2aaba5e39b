package dev.tack.cli;

import java.util.List;
import dev.tack.board.HookEvent;
import dev.tack.board.Hooks;
import dev.tack.board.Json;
import dev.tack.model.Hook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hook", mixinStandardHelpOptions = true,
        description = "Commands the board runs on card events (created, claimed, done, blocked, failed, lease-lost, moved).",
        subcommands = {HookCommand.Add.class, HookCommand.Ls.class, HookCommand.Rm.class})
final class HookCommand extends BaseCommand {

    @Override
    protected int execute() {
        return missingSubcommand();
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Run CMD (with sh -c) after every EVENT on this board; it reads the card and event as JSON on standard input.")
    static final class Add extends BaseCommand {
        @Parameters(index = "0", paramLabel = "EVENT", description = "created, claimed, done, blocked, failed, lease-lost or moved.")
        String event;

        @Parameters(index = "1", paramLabel = "CMD", description = "The command, run by sh -c.")
        String command;

        @Option(names = {"-c", "--column"}, paramLabel = "COLUMN", description = "For moved: only moves into this column.")
        String column;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Wait.class,
                description = "Stop the command after this long (default 10s).")
        java.time.Duration timeout;

        @Override
        protected int execute() {
            Hook hook = new Hooks(workspace()).add(event, command, column, timeout);
            if (json()) {
                printJson(Json.hook(hook));
            } else {
                out().println("added hook #" + hook.id() + " on " + Hooks.describe(hook));
            }
            return 0;
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the board's hooks.")
    static final class Ls extends BaseCommand {
        @Override
        protected int execute() {
            List<Hook> hooks = new Hooks(workspace()).list();
            if (json()) {
                printJson(hooks.stream().map(Json::hook).toList());
            } else if (hooks.isEmpty()) {
                out().println("no hooks (add one with: tack hook add EVENT CMD; events: " + HookEvent.names() + ")");
            } else {
                hooks.forEach(h -> out().println("#" + h.id() + "  " + Hooks.describe(h) + "  " + h.command()
                        + "  (timeout " + h.timeoutMillis() / 1000.0 + " s)"));
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a hook.")
    static final class Rm extends BaseCommand {
        @Parameters(paramLabel = "ID", converter = Converters.CardId.class, description = "The hook: 3 or #3 (see: tack hook ls).")
        long id;

        @Override
        protected int execute() {
            Hook hook = new Hooks(workspace()).remove(id);
            if (json()) {
                printJson(Json.hook(hook));
            } else {
                out().println("removed hook #" + hook.id() + " on " + Hooks.describe(hook));
            }
            return 0;
        }
    }
}
