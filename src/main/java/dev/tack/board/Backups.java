package dev.tack.board;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import dev.tack.model.BackupContents;
import dev.tack.model.Board;
import dev.tack.model.Heartbeat;
import dev.tack.model.TackException;

/**
 * {@code tack backup} and {@code tack restore-backup}: a consistent copy of the whole database
 * made while others write, and one put back when nobody has the database open. The storage does
 * the copying ({@code VACUUM INTO} and SQLite's backup API, never a file copy); this class decides
 * when a restore may go ahead and keeps what it replaces.
 */
public final class Backups {

    /** What a restore did: what the backup held, and where the database as it was before is kept. */
    public record Restored(BackupContents contents, Path keptAs) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Workspace workspace;

    public Backups(Workspace workspace) {
        this.workspace = workspace;
    }

    public BackupContents backup(Path target) {
        refuseOwnFile(target);
        return workspace.backupTo(target);
    }

    /**
     * Replaces the database's content with {@code source}'s. Refused (busy) while a screen or a
     * worker has any of its boards open, unless {@code evenIfOpen}: their next read shows the
     * restored boards, and a card they were about to change may be gone. What the database held
     * before is first backed up beside it, so a restore can itself be undone with another.
     */
    public Restored restore(Path source, boolean evenIfOpen) {
        refuseOwnFile(source);
        workspace.inspectBackup(source);
        List<String> open = whoHasItOpen();
        if (!open.isEmpty() && !evenIfOpen) {
            throw TackException.busy("the database is open in " + String.join(", ", open)
                    + "; close them first (or restore anyway with --force)");
        }
        String stamp = workspace.location() + ".before-restore-" + STAMP.format(workspace.clock().instant());
        Path keep = Path.of(stamp);
        for (int n = 2; Files.exists(keep); n++) {
            keep = Path.of(stamp + "-" + n);
        }
        workspace.backupTo(keep);
        return new Restored(workspace.restoreFrom(source), keep.toAbsolutePath().normalize());
    }

    /** The screens and workers seen on any board of the database within {@link Presence#LIVE}, as "alice's screen". */
    private List<String> whoHasItOpen() {
        long since = workspace.clock().millis() - Presence.LIVE.toMillis();
        return workspace.read(tx -> {
            List<String> open = new ArrayList<>();
            for (Board board : tx.boards().all()) {
                for (Heartbeat beat : tx.presence().live(board.id(), since)) {
                    open.add(beat.actor() + "'s " + (beat.isWorker() ? "worker" : "screen")
                            + " on board " + board.name());
                }
            }
            return open;
        });
    }

    private void refuseOwnFile(Path file) {
        if (workspace.isOwnFile(file.toAbsolutePath().normalize())) {
            throw TackException.usage("refusing: " + file + " is the database's own file; give another file");
        }
    }
}
