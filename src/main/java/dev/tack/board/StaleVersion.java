package dev.tack.board;

import dev.tack.model.TackException;

/**
 * A write made from a stale view: the card's version is not the one the writer read (docs/ARCHITECTURE.md §2.5).
 * Still a {@link Kind#CONFLICT} (exit code 4), but told apart by its type from the other conflicts
 * (a hard WIP limit, a name taken), so that a screen offers its chooser only for this one.
 */
public final class StaleVersion extends TackException {

    private static final long serialVersionUID = 1L;

    StaleVersion(String message) {
        super(Kind.CONFLICT, message);
    }
}
