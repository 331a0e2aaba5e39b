package dev.tack.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** docs/ARCHITECTURE.md §2 rule 7: network and user-space filesystems are refused, local ones allowed. */
class MountsTest {

    @ParameterizedTest
    @ValueSource(strings = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "sshfs", "drvfs", "fuse", "NFS4", "Fuse.SSHFS"})
    void networkAndFuseFilesystemsAreRefused(String type) {
        assertThat(Mounts.isRefused(type)).as(type).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ext4", "xfs", "btrfs", "tmpfs", "overlay", "fuseblk", "zfs", "ext3", "f2fs", "apfs"})
    void localFilesystemsAreAllowed(String type) {
        assertThat(Mounts.isRefused(type)).as(type).isFalse();
    }

    @Test
    void theTestsOwnTemporaryFolderIsAccepted(@TempDir Path dir) {
        assertThatCode(() -> Mounts.requireLocal(dir)).doesNotThrowAnyException();
    }
}
