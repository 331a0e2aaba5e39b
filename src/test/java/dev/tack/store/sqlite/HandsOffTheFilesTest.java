package dev.tack.store.sqlite;

import dev.tack.model.Hosts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.tack.store.sqlite.SourceScan.Finding;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.CliWorkload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/ARCHITECTURE.md §2 rule 1, "hands off the files": no Java I/O in tack ever opens, reads, copies,
 * truncates, chmods, renames or deletes {@code tack.db}, {@code tack.db-wal} or {@code tack.db-shm};
 * only SQLite does. (Closing any descriptor of a file drops every POSIX lock the process holds on
 * it, SQLite's included: that is how the board this rule comes from was corrupted.)
 *
 * <p>Two checks. A source scan fails the build when code under {@code src/main/java} calls any
 * file-touching Java API that is not on the allow-list below, each entry with the reason it is not a
 * database file. And a runtime trace: a real command-line workload runs under
 * {@code strace -f -k}, and every open, unlink, rename, truncate or chmod of the database files must
 * come from SQLite's native library.
 */
class HandsOffTheFilesTest {

    /** A file-touching call that is allowed, found by a piece of its statement, and why it is safe. */
    record Allowed(String file, String statementContains, String reason) {
    }

    static final List<Allowed> ALLOWED = List.of(
            new Allowed("dev/tack/store/sqlite/SharedWriter.java", "lockChannel = FileChannel.open(lockFile,",
                    "opens the side file <db>.lock once per JVM and keeps it open for the life of the JVM; never a database file"),
            new Allowed("dev/tack/cli/TypedArguments.java", "raw = Files.readAllBytes(CMDLINE)",
                    "reads this process's own argv bytes from /proc/self/cmdline (a C locale loses them)"),
            new Allowed("dev/tack/model/Hosts.java", "Files.readString(Path.of(\"/proc/sys/kernel/hostname\"))",
                    "reads this machine's name from the kernel"),
            new Allowed("dev/tack/cli/ExportCommand.java", "Files.createFile(target.resolveSibling(",
                    "the export's temporary file beside the chosen output; DatabaseFiles.refuseOutput rejects board files first"),
            new Allowed("dev/tack/cli/ExportCommand.java", "Files.newOutputStream(temporary)",
                    "writes that temporary export file"),
            new Allowed("dev/tack/cli/ExportCommand.java", "Files.move(temporary, target,",
                    "moves the finished export into place (never a board file: refused before)"),
            new Allowed("dev/tack/cli/ExportCommand.java", "Files.deleteIfExists(temporary)",
                    "removes the temporary export file if the move did not happen"),
            new Allowed("dev/tack/store/sqlite/Backups.java", "Files.move(temporary, absolute,",
                    "names a finished backup (written by SQLite's VACUUM INTO under a hidden name, its connection closed);"
                            + " the board's own files are refused before"),
            new Allowed("dev/tack/store/sqlite/Backups.java", "Files.deleteIfExists(temporary)",
                    "removes a backup SQLite left half-written, under its hidden name (no connection has it open)"),
            new Allowed("dev/tack/config/ProjectConfigWriter.java", "Files.readAllLines(file, StandardCharsets.UTF_8)",
                    "reads the project's .tack/config.toml for tack init --save; InitCommand refuses one that is a database file"),
            new Allowed("dev/tack/config/ProjectConfigWriter.java", "Files.write(temporary, lines,",
                    "writes config.toml.new beside the project's config file (never a database file: a fixed name)"),
            new Allowed("dev/tack/config/ProjectConfigWriter.java", "Files.move(temporary, file,",
                    "puts the rewritten config.toml in place"),
            new Allowed("dev/tack/cli/ImportCommand.java", "stream = Files.newInputStream(file)",
                    "reads the file to import; DatabaseFiles.refuseInput rejects the board's own files before"),
            new Allowed("dev/tack/cli/Output.java", "new PrintWriter(new SanitizingWriter(",
                    "wraps the process's standard output and error in the sanitising filter; opens no file"),
            new Allowed("dev/tack/cli/Output.java", "Files.readSymbolicLink(link)",
                    "reads where /proc/self/fd/N points (is standard output a terminal?); opens nothing"),
            new Allowed("dev/tack/cli/TackCommand.java", "new OutputStreamWriter(System.",
                    "wraps standard output and error in UTF-8, no file involved"),
            new Allowed("dev/tack/Training.java", "new PrintWriter(Writer.nullWriter())",
                    "discards the output of the class-data-sharing training run; no file"),
            new Allowed("dev/tack/tui/ExternalEditor.java", "Files.createTempFile(\"tack-\" + name",
                    "the temporary file $EDITOR edits (in the temp folder, never a board file)"),
            new Allowed("dev/tack/tui/ExternalEditor.java", "Files.writeString(temp,",
                    "writes the description into that temporary file"),
            new Allowed("dev/tack/tui/ExternalEditor.java", "Files.readString(temp,",
                    "reads back what the person wrote in $EDITOR"),
            new Allowed("dev/tack/tui/ExternalEditor.java", "Files.deleteIfExists(temp)",
                    "removes the temporary file"),
            new Allowed("dev/tack/tui/TtySession.java", "new FileOutputStream(FileDescriptor.out)",
                    "standard output as a stream for the terminal; no file is opened"),
            new Allowed("dev/tack/tui/TtySession.java", "new FileInputStream(\"/dev/tty\")",
                    "reads keys from the controlling terminal"),
            new Allowed("dev/tack/worker/Job.java", "Files.newBufferedWriter(log,",
                    "appends a run's output to <database>.runs/run-<id>.log beside the database, never a database file"),
            new Allowed("dev/tack/worker/JobProcesses.java", "Files.readString(PROC.resolve(pid + \"/stat\")",
                    "reads a process's session id from /proc/PID/stat, never a board file"),
            new Allowed("dev/tack/worker/JobProcesses.java", "Files.readAllBytes(PROC.resolve(pid + \"/environ\"))",
                    "reads a process's start environment from /proc/PID/environ to find a run's command, never a board file"));

    private static final List<String> DATABASE_SUFFIXES = List.of("", "-wal", "-shm", "-journal");

    @TempDir
    Path dir;

    private static Path mainSources() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
    }

    private static List<Finding> scanMainSources() throws IOException {
        Path root = mainSources();
        assertThat(root).isDirectory();
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                findings.addAll(SourceScan.scan(relative, Files.readString(file)));
            }
        }
        return findings;
    }

    private static boolean allowed(Finding finding) {
        return ALLOWED.stream().anyMatch(a -> a.file().equals(finding.file()) && finding.statement().contains(a.statementContains()));
    }

    @Test
    void mainCodeTouchesFilesOnlyWhereTheAllowListSays() throws IOException {
        List<Finding> findings = scanMainSources();
        List<Finding> unlisted = findings.stream().filter(f -> !allowed(f)).toList();
        assertThat(unlisted)
                .as("Java I/O on files in src/main/java that is not on HandsOffTheFilesTest.ALLOWED. The database files"
                        + " (tack.db, -wal, -shm) may only be opened by SQLite (docs/ARCHITECTURE.md §2 rule 1); stat-style calls"
                        + " (%s) are fine. If the call never touches a database file, add an Allowed entry with the reason.",
                        String.join(", ", SourceScan.STAT_STYLE_FILES_METHODS.stream().sorted().toList()))
                .isEmpty();
        for (Allowed entry : ALLOWED) {
            assertThat(findings).as("allow-list entry still used: %s", entry)
                    .anyMatch(f -> f.file().equals(entry.file()) && f.statement().contains(entry.statementContains()));
        }
    }

    @Test
    void theAllowListedCallsAreNotOnDatabaseFiles() throws IOException {
        // Writer: the channel is opened on lockFile, which is <db>.lock and nothing else.
        String writer = SourceScan.blankCommentsAndStrings(Files.readString(mainSources().resolve("dev/tack/store/sqlite/SharedWriter.java")), false);
        assertThat(writer).contains("this.lockFile = file.resolveSibling(file.getFileName() + \".lock\");");
        Matcher assignments = Pattern.compile("\\blockFile\\s*=(?!=)").matcher(writer);
        int count = 0;
        while (assignments.find()) {
            count++;
        }
        assertThat(count).as("assignments to lockFile in SharedWriter.java").isEqualTo(1);
        Path db = dir.resolve("tack.db");
        Path lockFile = Writer.forFile(db.toAbsolutePath(), Database.Options.defaults()).lockFile();
        assertThat(lockFile.getFileName().toString()).isEqualTo("tack.db.lock");
        for (String suffix : DATABASE_SUFFIXES) {
            assertThat(lockFile).isNotEqualTo(db.toAbsolutePath().resolveSibling("tack.db" + suffix));
        }

        // Hosts: a fixed path under /proc.
        String hosts = Files.readString(mainSources().resolve("dev/tack/model/Hosts.java"));
        assertThat(SourceScan.scan("dev/tack/model/Hosts.java", hosts)).singleElement()
                .satisfies(f -> assertThat(f.statement()).contains("\"/proc/sys/kernel/hostname\""));
    }

    @Test
    void theScanFindsFileAccessAndIgnoresCommentsAndStrings() {
        String source = """
                package x;
                import static java.nio.file.Files.copy;
                class X {
                    // Files.delete(db) in a comment is not a call
                    /* new RandomAccessFile(db, "rw") neither */
                    String text = "Files.readAllBytes(db) in a string is not a call";
                    void bad(Path db, Path wal, File file) throws Exception {
                        Files.copy(db, db.resolveSibling("backup.db"));
                        Files.delete(wal);
                        byte[] all = java.nio.file.Files.readAllBytes(db);
                        try (var in = Files.newInputStream(db)) { }
                        Files.setPosixFilePermissions(db, Set.of());
                        FileChannel channel = FileChannel.open(db);
                        var raf = new RandomAccessFile(db.toFile(), "rw");
                        var out = new java.io.FileOutputStream(file);
                        var w = new PrintWriter("tack.db");
                        file.renameTo(new File("x"));
                        file.delete();
                        file.setWritable(false);
                        new ProcessBuilder("x").redirectOutput(file);
                    }
                    void fine(Path db, StringBuilder b) throws Exception {
                        boolean e = Files.exists(db) && Files.isRegularFile(db);
                        long size = Files.size(db);
                        var time = Files.getLastModifiedTime(db);
                        Files.createDirectories(db.getParent());
                        var type = Files.getFileStore(db).type();
                        b.delete(0, 1);
                        var p = new PrintWriter(System.out, true);
                        new ProcessBuilder("x").redirectOutput(ProcessBuilder.Redirect.INHERIT);
                    }
                }
                """;
        List<Finding> findings = SourceScan.scan("x/X.java", source);
        Map<Integer, List<String>> byLine = findings.stream()
                .collect(Collectors.groupingBy(Finding::line, TreeMap::new, Collectors.mapping(Finding::rule, Collectors.toList())));
        assertThat(byLine.keySet()).as("lines flagged: %s", findings).containsExactly(2, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(byLine.get(14)).contains("new file stream", "Path.toFile");
    }

    // -- at run time -------------------------------------------------------------------------------

    private static final List<String> TRACED = List.of("openat", "?open", "?creat", "?openat2", "?unlink", "unlinkat", "?rename",
            "?renameat", "?renameat2", "?truncate", "?chmod", "fchmodat", "?chown", "fchownat", "?link", "linkat");
    private static final Pattern CALL = Pattern.compile("^(\\d+)\\s+(\\w+)\\((.*)$");
    private static final Pattern RESUMED = Pattern.compile("^(\\d+)\\s+<\\.\\.\\. (\\w+) resumed>(.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One traced system call on a file path, with the native frames strace -k unwound for it. */
    record Call(String syscall, List<String> paths, List<String> frames) {
        /** The library that made the call: the first frame outside the C library. */
        String caller() {
            return frames.stream().filter(f -> !f.contains("/libc.so") && !f.contains("/libc-") && !f.contains("libpthread"))
                    .findFirst().orElse("(no stack)");
        }
    }

    @Test
    void atRunTimeOnlySqliteOpensTheDatabaseFiles() throws Exception {
        assumeTrue(runs("strace", "-V"), "strace is not installed (apt-get install -y strace): skipping the runtime trace");
        Path db = dir.resolve("tack.db");
        Path trace = dir.resolve("trace.txt");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-k", "-qq", "-e", "trace=" + String.join(",", TRACED),
                "-o", trace.toString()));
        command.addAll(ChildJvm.command(dir, CliWorkload.class, db.toString()));
        List<String> output;
        try (ChildJvm child = ChildJvm.startCommand("strace-workload", command)) {
            int exit = child.awaitExit(Duration.ofMinutes(5)); // strace -f -k slows 30 commands a lot on a loaded machine
            output = child.lines();
            String stderr = child.stderr();
            assumeTrue(!stderr.contains("ptrace") && !stderr.contains("Operation not permitted") || exit == 0,
                    "strace cannot trace here (" + stderr.strip() + "): skipping the runtime trace");
            assertThat(exit).as("workload exit; output %s; stderr %s", output, stderr).isZero();
        }
        assertThat(output).contains("DONE 32 .").noneMatch(line -> line.startsWith("RAN ") && !line.endsWith(" 0 ."));

        List<Call> calls = parse(Files.readAllLines(trace, StandardCharsets.UTF_8));
        String base = db.toAbsolutePath().toString();
        List<String> databasePaths = java.util.stream.Stream.of(base, base + ".copy")
                .flatMap(file -> DATABASE_SUFFIXES.stream().map(s -> file + s)).toList();
        List<Call> onDatabase = calls.stream().filter(c -> c.paths().stream().anyMatch(databasePaths::contains)).toList();
        List<Call> onLockFile = calls.stream().filter(c -> c.paths().contains(base + ".lock")).toList();

        // The trace tells Java I/O from SQLite: the side lock file is opened by Java (libnio), as a control.
        assertThat(onLockFile).as("opens of the side lock file").isNotEmpty();
        assumeTrue(onLockFile.stream().noneMatch(c -> c.frames().isEmpty()),
                "strace -k gives no native stacks here: cannot attribute the opens, skipping the runtime trace");
        assertThat(onLockFile).allSatisfy(c -> assertThat(c.caller()).doesNotContain("libsqlitejdbc"));

        assertThat(onDatabase).as("system calls on the database files").isNotEmpty();
        assertThat(onDatabase).as("every open/unlink/rename/truncate/chmod of tack.db, -wal, -shm comes from SQLite's native library")
                .allSatisfy(c -> assertThat(c.caller()).as("%s %s", c.syscall(), c.paths()).contains("libsqlitejdbc"));

        Map<String, Long> opensByFile = new HashMap<>();
        for (Call call : onDatabase) {
            if (call.syscall().startsWith("open")) {
                for (String path : call.paths()) {
                    opensByFile.merge(Path.of(path).getFileName().toString(), 1L, Long::sum);
                }
            }
        }
        // SQLite opens the main file once per connection and parks the descriptor of a closed connection
        // for reuse while the process holds locks on the file; the 29 commands on it must not add up to more.
        assertThat(opensByFile.getOrDefault("tack.db", 0L)).as("opens of tack.db for 29 commands").isBetween(1L, 29L);
        assertThat(opensByFile.getOrDefault("tack.db.copy", 0L)).as("opens of the copy, made by db copy").isPositive();
        System.out.printf("[tack-mp] strace -f -k of init/add/add/mv/edit/comment/ls/show/log/check, link/checklist/column done/unlink, the agents' commands, backup/restore-backup/db copy/add: %d calls on the database files,"
                + " all from libsqlitejdbc; opens per file %s; side lock file opened %d time(s) by Java%n",
                onDatabase.size(), new TreeMap<>(opensByFile), onLockFile.size());
    }

    /** Parses strace -f -k output: a call line (or its "resumed" line) followed by " > frame" lines. */
    static List<Call> parse(List<String> lines) {
        List<Call> calls = new ArrayList<>();
        Map<String, String[]> unfinished = new HashMap<>();
        Call current = null;
        for (String line : lines) {
            if (line.startsWith(" > ")) {
                if (current != null) {
                    current.frames().add(line.substring(3));
                }
                continue;
            }
            current = null;
            Matcher resumed = RESUMED.matcher(line);
            if (resumed.matches()) {
                String[] pending = unfinished.remove(resumed.group(1) + " " + resumed.group(2));
                if (pending != null) {
                    current = new Call(resumed.group(2), paths(pending[0]), new ArrayList<>());
                    calls.add(current);
                }
                continue;
            }
            Matcher call = CALL.matcher(line);
            if (call.matches()) {
                if (call.group(3).endsWith("<unfinished ...>")) {
                    unfinished.put(call.group(1) + " " + call.group(2), new String[] {call.group(3)});
                } else {
                    current = new Call(call.group(2), paths(call.group(3)), new ArrayList<>());
                    calls.add(current);
                }
            }
        }
        return calls;
    }

    private static List<String> paths(String arguments) {
        List<String> paths = new ArrayList<>();
        Matcher m = QUOTED.matcher(arguments);
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
