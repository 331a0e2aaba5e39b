package dev.tack.store.sqlite;

import java.nio.file.Path;
import java.util.Arrays;
import dev.tack.testing.WriterDriver;

/**
 * A {@link WriterDriver} for the crash harness, started in a child JVM; with a first argument
 * {@code --forbidden-io=DATABASE|DATABASE_WAL_SHM} it first installs {@link ForbiddenFileIo} (the
 * negative control). This class sits in {@code dev.tack.store} because the seam it sets is
 * package-private.
 *
 * <p>Usage: {@code CrashWriter [--forbidden-io=targets] db actor writes seed lock-deadline-ms ack-log}
 */
public final class CrashWriter {

    private static final String FORBIDDEN_IO = "--forbidden-io=";

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        String[] driverArgs = args;
        if (args.length > 0 && args[0].startsWith(FORBIDDEN_IO)) {
            driverArgs = Arrays.copyOfRange(args, 1, args.length);
            ForbiddenFileIo.install(Path.of(driverArgs[0]).toAbsolutePath().normalize(),
                    ForbiddenFileIo.Targets.valueOf(args[0].substring(FORBIDDEN_IO.length())));
        }
        WriterDriver.main(driverArgs);
    }
}
