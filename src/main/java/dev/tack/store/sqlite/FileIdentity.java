package dev.tack.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which file a path names: its device and inode, read with one {@code stat} (docs/ARCHITECTURE.md §2 rule 1
 * allows it; nothing is opened). Two paths name the same file exactly when their identities are
 * equal, however they are spelled: hard links, symlinks and {@code ..} included. A long-lived
 * process compares the identity it opened with the one its path names now, to notice the file
 * deleted, moved or replaced under it.
 */
public record FileIdentity(long device, long inode) {

    /** The identity of the file {@code path} names now (following symlinks), or null when it names none. */
    public static FileIdentity of(Path path) {
        try {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino");
            return new FileIdentity(((Number) attributes.get("dev")).longValue(), ((Number) attributes.get("ino")).longValue());
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Not a POSIX filesystem view: the file key is the platform's own identity, where it has one.
            return fromFileKey(path);
        } catch (IOException e) {
            return null;
        }
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped through
    // invokedynamic (ObjectMethods) on first use, which cost a few ms of every command's start
    // (the writer registry looks files up by identity). Same semantics as the record's.
    @Override
    public boolean equals(Object other) {
        return other instanceof FileIdentity that && device == that.device && inode == that.inode;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(device) + Long.hashCode(inode);
    }

    /** True when {@code path} names this very file now. */
    public boolean sameAs(Path path) {
        return equals(of(path));
    }

    private static FileIdentity fromFileKey(Path path) {
        try {
            Object key = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            return new FileIdentity(0, key == null ? path.toAbsolutePath().normalize().hashCode() : key.hashCode());
        } catch (IOException e) {
            return null;
        }
    }
}
