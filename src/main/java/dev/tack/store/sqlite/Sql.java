package dev.tack.store.sqlite;

import java.sql.SQLException;

/**
 * Carries an {@link SQLException} through the engine-neutral interfaces ({@link dev.tack.store.CardRows}
 * and the rest declare none) to the edge of the transaction, where {@link Transaction#run} hands it
 * back to the writer or reader as the checked exception it was: they roll back and translate it
 * ({@link SqliteErrors}) exactly as before.
 */
final class Sql {

    @FunctionalInterface
    interface Call<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    interface Run {
        void run() throws SQLException;
    }

    /** An SQLException on its way out of a board operation; never leaves this package. */
    static final class Failure extends RuntimeException {
        Failure(SQLException cause) {
            super(cause);
        }

        SQLException sql() {
            return (SQLException) getCause();
        }
    }

    private Sql() {
    }

    static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    static void run(Run run) {
        try {
            run.run();
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }
}
