package dev.tack.store;

import java.util.List;
import dev.tack.model.Comment;

/** Storage of comments, inside one transaction ({@link StorageTx#comments}). */
public interface CommentRows {

    long insert(long cardId, String author, String body);

    /** With a given time: imports keep when a comment was written. */
    long insert(long cardId, String author, String body, String createdAt);

    List<Comment> ofCard(long cardId);

    /** How many comments each live card of a board has, in one query (cards without any are not in it): the board's marks. */
    java.util.Map<Long, Integer> countsOfBoard(long boardId);

    int countOfCard(long cardId);
}
