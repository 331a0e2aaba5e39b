package dev.tack.board;

import java.util.List;
import dev.tack.model.Actor;
import dev.tack.model.Board;
import dev.tack.model.TackException;
import dev.tack.store.StorageTx;

/** Boards in a file. */
public final class Boards {

    public static final List<String> DEFAULT_COLUMNS = List.of("Todo", "Doing", "Done");

    private final Workspace workspace;

    public Boards(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Creates a board with its columns inside a caller's transaction (also used when a file is created). */
    public static Board create(StorageTx tx, Actor actor, String rawName, List<String> columns) {
        String name = Validation.name("board", rawName);
        if (tx.boards().byName(name).isPresent()) {
            throw TackException.conflict("there is already a board named '" + name + "'");
        }
        List<String> names = Validation.columnNames(columns);
        long id = tx.boards().insert(name);
        for (int i = 0; i < names.size(); i++) {
            tx.columns().insert(id, names.get(i), i, null, false);
        }
        tx.events().append(actor, id, null, "board.added", "added board " + name + " (" + String.join(", ", names) + ")", null, null);
        return new Board(id, name);
    }

    public Board add(String name, List<String> columns) {
        return workspace.write(tx -> create(tx, workspace.actor(), name, columns == null || columns.isEmpty() ? DEFAULT_COLUMNS : columns));
    }

    public List<Board> list() {
        return workspace.read(tx -> tx.boards().all());
    }

    public Board rename(String oldName, String rawNewName) {
        String newName = Validation.name("board", rawNewName);
        return workspace.write(tx -> {
            Board board = tx.boards().byName(oldName).orElseThrow(() -> TackException.notFound("no board named '" + oldName + "'"));
            if (!oldName.equals(newName) && tx.boards().byName(newName).isPresent()) {
                throw TackException.conflict("there is already a board named '" + newName + "'");
            }
            tx.boards().rename(board.id(), newName);
            tx.events().append(workspace.actor(), board.id(), null, "board.renamed", "renamed board " + oldName + " to " + newName, null, null);
            return new Board(board.id(), newName);
        });
    }

    /** Removes a board; one that still has cards is removed only with {@code force}. */
    public void remove(String name, boolean force) {
        workspace.write(tx -> {
            Board board = tx.boards().byName(name).orElseThrow(() -> TackException.notFound("no board named '" + name + "'"));
            int cards = tx.cards().liveOfBoard(board.id()).size() + tx.cards().archivedOfBoard(board.id()).size();
            if (cards > 0 && !force) {
                throw TackException.conflict("board '" + name + "' still has " + cards + " card(s); add --force to remove it with them");
            }
            tx.boards().delete(board.id());
            tx.events().append(workspace.actor(), null, null, "board.removed", "removed board " + name + " with " + cards + " card(s)", null, null);
            return null;
        });
    }
}
