package dev.tack.model;

/** What a backup file holds, read from the file itself: its schema version and how much of each it keeps. */
public record BackupContents(int schemaVersion, long boards, long cards, long events) {
}
