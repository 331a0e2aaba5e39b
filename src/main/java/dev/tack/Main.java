package dev.tack;

import dev.tack.cli.TackCommand;

/** Entry point: hands argv to the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        NativeLibrary.locate();
        int code = TackCommand.run(args);
        System.out.flush();
        System.exit(code);
    }
}
