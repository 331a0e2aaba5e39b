package dev.tack.cli;

import dev.tack.board.History;
import picocli.CommandLine.Command;

@Command(name = "redo", mixinStandardHelpOptions = true, description = "Redo the change you last undid.")
final class RedoCommand extends BaseCommand {

    @Override
    protected int execute() {
        UndoCommand.report(this, new History(workspace()).redoStep());
        return 0;
    }
}
