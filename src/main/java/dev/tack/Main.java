package dev.tack;

import dev.tack.cli.FileEngineWarmUp;
import dev.tack.cli.TackCommand;
import dev.tack.store.Storages;

/** Entry point: hands argv to the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        NativeLibrary.locate();
        if (!java.util.Arrays.asList(args).contains("--debug")) {
            Storages.quietDriverLogs();
        }
        if (FileEngineWarmUp.wanted(args)) {
            Storages.warmUpFileEngine(); // beside the parsing below, not after it
        }
        int code = TackCommand.run(args);
        System.out.flush();
        System.exit(code);
    }
}
