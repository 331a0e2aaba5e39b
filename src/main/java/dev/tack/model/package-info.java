/**
 * The records every layer shares: what a board, column, card, comment, event and run are.
 * They sit below both {@code store} (which maps rows to them) and {@code board} (whose rules
 * produce them), so that neither package depends on the other's internals.
 */
package dev.tack.model;
