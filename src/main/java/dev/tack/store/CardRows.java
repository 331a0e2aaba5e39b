package dev.tack.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import dev.tack.model.Card;

/** Storage of cards and their tags, inside one transaction ({@link StorageTx#cards}). */
public interface CardRows {

    Optional<Card> byId(long id);

    /** Live cards of a board in board order: column by column, top to bottom. */
    List<Card> liveOfBoard(long boardId);

    List<Card> archivedOfBoard(long boardId);

    /**
     * Live cards of every board whose due date is set and not after {@code last}, in no particular
     * order: what the due list and the screen's overdue count read, without reading every card.
     */
    List<Card> liveDueBy(LocalDate last);

    List<Card> liveOfColumn(long columnId);

    long insert(long boardId, long columnId, int position, String title, String description, int priority, LocalDate due, String assignee);

    /** Writes every editable field (its board and place too) and bumps the version; returns false when {@code expectedVersion} is stale. */
    boolean update(Card card, long expectedVersion);

    void replaceTags(long cardId, List<String> tags);

    /** Closes the gap a card leaves at {@code position}. */
    void closeGap(long columnId, int position);

    /** Opens a gap at {@code position} for a card to come in. */
    void openGap(long columnId, int position);

    /** The first card of a column no worker holds and none is waiting out a back-off on: priority first, then board order. */
    Optional<Card> firstClaimable(long columnId, long nowMillis);

    /**
     * The cards of a column a worker could take now, in {@link #firstClaimable}'s order, a page at a
     * time: the board layer takes the first that is also ready (issue 12).
     */
    List<Card> claimable(long columnId, long nowMillis, int offset, int limit);

    /** Cards of a column that a worker could still take, now or after their back-off. */
    long waiting(long columnId);

    /** Cards a worker holds in a column, for reclaiming. */
    List<Card> claimedIn(long columnId);

    /** Compare-and-swap claim: succeeds only while nobody holds the card. Bumps the version and the attempt count. */
    boolean claim(long id, Card.Claim claim);

    /** Extends a lease, fenced: only the holder (same worker name and pid) whose lease has not run out may. */
    boolean extendLease(long id, String worker, long pid, long nowMillis, long leaseUntilMillis);

    /** Lets go of a card: no holder; {@code failed} marks it failed; {@code notBefore} delays the next claim. */
    void release(long id, boolean failed, Long notBeforeMillis, int attemptsDelta);

    /** Drops a worker's claim without touching attempts or the version (the caller's change bumps it). */
    void dropClaim(long id);

    /**
     * Makes room below an import's staged cards for the {@code count} live cards at or below
     * {@code from} that came into the column while it ran (published inside the same transaction).
     */
    void shiftVisibleDown(long columnId, int from, int count);

    /** Moves an import's staged live cards in a column up by {@code by} places (cards left it while the import ran). */
    void shiftStaged(long importId, long columnId, int by);

    /** Clears a failed mark so a card can be claimed again (a person moved it back, say). */
    void clearFailure(long id);

    /** The titles of the given cards, by id (cards that do not exist are left out). */
    java.util.Map<Long, String> titles(java.util.Collection<Long> ids);

    long maxId();

    /**
     * The highest card id ever handed out, removed cards included: AUTOINCREMENT keeps it in
     * {@code sqlite_sequence}, which is why ids are never reused.
     */
    long highestIdIssued();

    /**
     * Hands out {@code count} card ids at once, never to be issued again (as AUTOINCREMENT would
     * hand them out one by one), and returns the first: an import knows every card's id, and so its
     * event, before it takes the lock to write them.
     */
    long reserveIds(int count);
}
