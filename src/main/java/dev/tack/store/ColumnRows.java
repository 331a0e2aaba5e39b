package dev.tack.store;

import java.util.List;
import java.util.Optional;
import dev.tack.model.Column;

/** Storage of columns, inside one transaction ({@link StorageTx#columns}). */
public interface ColumnRows {

    List<Column> ofBoard(long boardId);

    Optional<Column> byName(long boardId, String name);

    long insert(long boardId, String name, int position, Integer wipLimit, boolean hard);

    /** A column an import makes, hidden until it is published (ImportTable). */
    long insertStaged(long boardId, String name, int position, Integer wipLimit, boolean hard, long importId);

    void update(Column column);

    void delete(long id);

    /** Live cards in the column. */
    int cardCount(long columnId);

    /** All cards in the column, archived ones too: a column that still has any cannot be removed. */
    int anyCardCount(long columnId);
}
