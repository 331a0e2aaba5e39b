package dev.tack.store;

import java.util.List;
import java.util.Optional;
import dev.tack.model.Board;

/** Storage of boards, inside one transaction ({@link StorageTx#boards}). */
public interface BoardRows {

    List<Board> all();

    Optional<Board> byName(String name);

    Optional<Board> byId(long id);

    long insert(String name);

    /** A board an import makes, hidden until it is published (ImportTable). */
    long insertStaged(String name, long importId);

    void rename(long id, String name);

    /** Removes a board and everything on it (cards' ids stay used: AUTOINCREMENT never hands them out again). */
    void delete(long id);
}
