package dev.tack.store;

/** An import's mark of life ({@link Storage#markImport}); closing it lets the import's leftovers be swept. */
public interface ImportMark extends AutoCloseable {

    @Override
    void close();
}
