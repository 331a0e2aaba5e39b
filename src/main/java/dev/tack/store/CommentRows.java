package dev.tack.store;

import java.util.List;
import dev.tack.model.Comment;

/** Storage of comments, inside one transaction ({@link StorageTx#comments}). */
public interface CommentRows {

    long insert(long cardId, String author, String body);

    /** With a given time: imports keep when a comment was written. */
    long insert(long cardId, String author, String body, String createdAt);

    List<Comment> ofCard(long cardId);
}
