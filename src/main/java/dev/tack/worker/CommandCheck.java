package dev.tack.worker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import dev.tack.model.TackException;

/**
 * Refuses a command whose program cannot be found before any card is claimed, so a typo costs
 * an error message, not a board of failed cards. Shell words (builtins, keywords) are allowed.
 */
final class CommandCheck {

    private static final Set<String> SHELL_WORDS = Set.of(
            "true", "false", "echo", "printf", "exit", "test", "[", "cd", "if", "for", "while", "until", "case",
            "exec", "set", "export", "read", "sleep", "trap", "umask", "unset", ":", ".", "eval", "{", "(", "!", "command", "env", "time",
            "tack"); // the worker defines tack for its commands (TackLauncher), on PATH or not

    private CommandCheck() {
    }

    static void requireRunnable(String command, String path) {
        String program = firstWord(command);
        if (program.isEmpty() || SHELL_WORDS.contains(program)) {
            return;
        }
        if (program.contains("/")) {
            Path file = Path.of(program);
            if (!Files.isRegularFile(file) || !Files.isExecutable(file)) {
                throw TackException.usage("--exec: " + program + " is not an executable file");
            }
            return;
        }
        for (String folder : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program)) && !Files.isDirectory(Path.of(folder, program))) {
                return;
            }
        }
        throw TackException.usage("--exec: command not found: " + program);
    }

    /** The program a shell line starts, skipping leading VAR=value assignments. */
    static String firstWord(String command) {
        for (String word : command.strip().split("\\s+")) {
            if (!word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                return word.replaceAll("^[\"']|[\"';]$", "");
            }
        }
        return "";
    }
}
