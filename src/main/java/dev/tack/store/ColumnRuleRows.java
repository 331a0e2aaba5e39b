package dev.tack.store;

import java.util.List;
import dev.tack.model.ColumnRule;

/**
 * Storage of what columns mean for dependencies and agents (done, gate, doing column), inside one transaction
 * ({@link StorageTx#columnRules}). Its own table, {@code column_rules}: a column without a row has
 * neither mark. Which column counts as done when none is marked is the board layer's rule.
 */
public interface ColumnRuleRows {

    /** The rules of a board's columns that have any. */
    List<ColumnRule> ofBoard(long boardId);

    /** Sets a column's marks (the row of an {@link ColumnRule#empty} rule is deleted). */
    void set(ColumnRule rule);
}
