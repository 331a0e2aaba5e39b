package dev.tack.testing;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.tack.store.sqlite.Database;
import dev.tack.store.sqlite.Writer;

/**
 * A child JVM that enters tack's write lock again and again. Inside each write it creates a marker
 * file with O_EXCL ({@link Files#createFile}), holds it for a moment and deletes it: if another
 * process were inside the lock at the same time, the create would fail and the child prints
 * {@code OVERLAP n}. Prints {@code READY pid .}, waits for a line on stdin, and ends with
 * {@code DONE writes overlaps .}.
 *
 * <p>Usage: {@code LockLoop db marker iterations}
 */
public final class LockLoop {

    private LockLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path marker = Path.of(args[1]);
        int iterations = Integer.parseInt(args[2]);
        ChildJvm.LineOut out = new ChildJvm.LineOut();
        int overlaps = 0;
        try (Database database = Database.open(db, new Database.Options(false, false, Duration.ofSeconds(30)), tx -> null)) {
            Writer writer = database.writer();
            out.println("READY " + ProcessHandle.current().pid() + " .");
            while (true) {
                int c = System.in.read();
                if (c < 0 || c == '\n') {
                    break;
                }
            }
            for (int i = 0; i < iterations; i++) {
                int n = i;
                boolean overlapped = writer.write(tx -> enterAndLeave(marker, out, n));
                if (overlapped) {
                    overlaps++;
                }
            }
        }
        out.println("DONE " + iterations + " " + overlaps + " .");
        System.exit(0);
    }

    /** The critical section shared with the test's own threads; returns true when someone else was inside. */
    public static boolean enterAndLeave(Path marker, ChildJvm.LineOut out, int n) {
        try {
            Files.createFile(marker);
        } catch (FileAlreadyExistsException e) {
            if (out != null) {
                out.println("OVERLAP " + n);
            }
            return true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.delete(marker);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }
}
