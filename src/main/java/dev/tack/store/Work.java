package dev.tack.store;

/** A unit of work inside one transaction of a {@link Storage}: a board operation, or a read. */
@FunctionalInterface
public interface Work<T> {
    T apply(StorageTx tx);
}
