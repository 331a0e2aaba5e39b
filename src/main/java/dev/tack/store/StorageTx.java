package dev.tack.store;

/**
 * One transaction of a {@link Storage}, as the board layer sees it: typed access to each kind of
 * row, and no SQL. An engine implements it over its own connection; its failures arrive as
 * {@link dev.tack.model.TackException} (busy, read-only, corrupt: one line a person can act on),
 * thrown by {@link Storage#writeTransaction} or {@link Storage#readTransaction} after rolling back.
 */
public interface StorageTx {

    BoardRows boards();

    ColumnRows columns();

    CardRows cards();

    CommentRows comments();

    EventRows events();

    RunRows runs();

    PresenceRows presence();

    ImportRows imports();

    /** Links between cards (issue 12): {@code card_links}. */
    LinkRows links();

    /** Checklist items of cards (issue 12): {@code checklist_items}. */
    ChecklistRows checklists();

    /** Done and gate marks of columns (issue 12): {@code column_rules}. */
    ColumnRuleRows columnRules();

    /** Idempotency keys of committed writes (a retried write is recognised): {@code idempotency_keys}. */
    KeyRows keys();

    /** The tables as raw rows, for copying a whole database between engines ({@code tack db copy}). */
    TableRows tables();
    /** Commands run on card events (issue 16): {@code hooks}. */
    HookRows hooks();
}
