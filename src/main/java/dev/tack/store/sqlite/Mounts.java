package dev.tack.store.sqlite;

import dev.tack.model.TackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses folders on network and user-space filesystems (docs/ARCHITECTURE.md §2 rule 7): SQLite's WAL
 * needs shared memory and POSIX locks that those filesystems do not give reliably.
 */
public final class Mounts {

    private static final Set<String> REFUSED = Set.of(
            "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "9p", "v9fs", "drvfs",
            "sshfs", "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "afs", "ncpfs",
            "ceph", "fuse.ceph", "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "lustre");

    private Mounts() {
    }

    /** True where a filesystem of this type (as {@code /proc/mounts} names it) cannot hold a board. */
    public static boolean isRefused(String fileSystemType) {
        String type = fileSystemType.toLowerCase(Locale.ROOT);
        // fuseblk (ntfs-3g and friends on a local block device) is local; other FUSE types are not known to be.
        return REFUSED.contains(type) || type.startsWith("nfs") || type.startsWith("smb") || type.equals("fuse");
    }

    /** Throws when the folder that holds (or will hold) the database is on a refused filesystem. */
    public static void requireLocal(Path folder) {
        if (System.getenv("TACK_ALLOW_ANY_FS") != null) {
            return;
        }
        String type;
        try {
            type = Files.getFileStore(folder).type();
        } catch (IOException e) {
            return; // unknown: let SQLite speak for itself
        }
        if (isRefused(type)) {
            throw TackException.failed(folder + " is on a " + type + " filesystem; SQLite's write-ahead log"
                    + " needs a local disk (network and FUSE filesystems lose its locks), so tack refuses it");
        }
    }
}
