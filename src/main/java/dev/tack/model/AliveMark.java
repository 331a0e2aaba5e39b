package dev.tack.model;

/**
 * A long-lived process's mark of life on the database ({@code store.Storage#markAlive}): while it is held,
 * no other process can prove this one gone; a process that dies, on any host, loses it with its
 * session. Closing it gives it up.
 */
public interface AliveMark extends AutoCloseable {

    /** The mark of an engine that needs none (SQLite: a board file serves one machine, where a pid says it all). */
    AliveMark NONE = new AliveMark() {
        @Override
        public boolean renew() {
            return true;
        }

        @Override
        public boolean held() {
            return true;
        }

        @Override
        public void close() {
            // nothing held
        }
    };

    /**
     * Takes the mark again if the engine lost it (its connection dropped); false when it is not held
     * now. Meanwhile another process may have proved this one gone and reclaimed its cards: its
     * fenced heartbeats and finishes find that out.
     */
    boolean renew();

    /**
     * Whether the mark is held now, asked of the engine within a few seconds (on PostgreSQL: its
     * connection answers within 2 s); never takes it again. A process that cannot tell must act as
     * one that lost it: another may prove it gone at any moment.
     */
    boolean held();

    @Override
    void close();
}
