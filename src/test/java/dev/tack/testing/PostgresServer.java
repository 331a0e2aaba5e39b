package dev.tack.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private, throw-away PostgreSQL server for the tests of this JVM: Debian's server binaries
 * ({@code /usr/lib/postgresql/<version>/bin}), {@code initdb} into a temporary folder, started by
 * {@code pg_ctl} on a free loopback port with its unix socket in that folder, and stopped (and the
 * folder deleted) when the JVM exits. One server per test JVM; every test gets a schema of its own
 * ({@link #freshUrl}). {@code initdb} refuses to run as root, so under uid 0 the server runs as the
 * {@code postgres} user, which owns the folder.
 *
 * <p>Authentication: the superuser {@code tack} is trusted on loopback, so that tests need no
 * password; the role {@link #PASSWORD_USER} must give its password (scram), for the tests of
 * PGPASSWORD and {@code .pgpass}.
 *
 * <p>Missing binaries are a failure, not a skip: a run that silently skipped the PostgreSQL half of
 * the contract tests would look green. The message says what to install.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String PASSWORD_USER = "alice_pw";
    public static final String PASSWORD = "s3cret-Pa55word";

    private static PostgresServer instance;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Path folder;
    private final Path bin;
    private final boolean asPostgresUser;
    private final int port;
    private final Setup setup;

    /**
     * Where and how a server runs: {@code prefix} goes before every server tool (e.g. {@code ip netns
     * exec NS}, so the server lives in that network namespace), {@code address} is the one it
     * listens on, {@code trusted} the network (CIDR) whose clients it trusts besides loopback, and
     * {@code settings} more {@code -c name=value} options.
     */
    public record Setup(List<String> prefix, String address, String trusted, List<String> settings) {
        static final Setup LOOPBACK = new Setup(List.of(), "127.0.0.1", null, List.of());
    }

    private PostgresServer(Path folder, Path bin, boolean asPostgresUser, int port, Setup setup) {
        this.folder = folder;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.setup = setup;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start(Setup.LOOPBACK);
            PostgresServer started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "postgres-stop"));
        }
        return instance;
    }

    /**
     * A server of the caller's own, apart from the JVM's shared one (a multi-host test's, in a network
     * namespace): the caller stops it with {@link #close}; a shutdown hook does if it does not.
     */
    public static PostgresServer startPrivate(Setup setup) {
        PostgresServer server = start(setup);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        return server;
    }

    public int port() {
        return port;
    }

    /** Stops the server and deletes its folder; for {@link #startPrivate} servers. */
    @Override
    public synchronized void close() {
        stop();
    }

    /** The server's log (its messages about connections that ended, say). */
    public String log() {
        try {
            return Files.readString(folder.resolve("server.log"));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    /** {@code postgresql://tack@127.0.0.1:<port>/tack?currentSchema=<a new name>}: an empty schema nobody else uses. */
    public String freshUrl() {
        return url(freshSchemaName());
    }

    public String url(String schema) {
        return "postgresql://tack@" + setup.address() + ":" + port + "/tack?currentSchema=" + schema;
    }

    public String freshSchemaName() {
        return "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    }

    /** A superuser JDBC connection to the tests' database (for set-up and for reading behind tack's back). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + setup.address() + ":" + port + "/tack?user=tack");
    }

    /** Runs statements as the superuser. */
    public void execute(String... sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PostgresServer start(Setup setup) {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name")) || uid() == 0;
        try {
            Path folder = Files.createTempDirectory("tack-pg-");
            Path data = folder.resolve("data");
            Path socket = folder.resolve("socket");
            Files.createDirectories(socket);
            Path passwordFile = folder.resolve("superuser-password");
            Files.writeString(passwordFile, "unused-superuser-password\n");
            if (root) {
                run(List.of("chown", "-R", "postgres:", folder.toString()), false, folder);
            }
            PostgresServer probe = new PostgresServer(folder, bin, root, 0, setup);
            probe.runTool(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "tack", "-E", "UTF8",
                    "--locale=C", "--auth-local=trust", "--auth-host=trust", "--pwfile=" + passwordFile, "-N"));
            // Loopback: the password role must authenticate; everyone else (the tests' superuser) is trusted.
            Files.writeString(data.resolve("pg_hba.conf"), """
                    local all all trust
                    host all %1$s 127.0.0.1/32 scram-sha-256
                    host all %1$s ::1/128 scram-sha-256
                    host all all 127.0.0.1/32 trust
                    host all all ::1/128 trust
                    """.formatted(PASSWORD_USER) + (setup.trusted() == null ? "" : "host all all " + setup.trusted() + " trust\n"),
                    StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "postgres:", data.resolve("pg_hba.conf").toString()), false, folder);
            }
            IOException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freePort();
                PostgresServer server = new PostgresServer(folder, bin, root, port, setup);
                try {
                    server.runTool(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                            "-l", folder.resolve("server.log").toString(), "-o",
                            "-p " + port + " -k " + socket + " -c listen_addresses=" + setup.address() + " -c fsync=off"
                                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
                                    + setup.settings().stream().map(one -> " -c " + one).collect(java.util.stream.Collectors.joining()),
                            "start"));
                    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + setup.address() + ":" + port + "/postgres?user=tack");
                         Statement statement = admin.createStatement()) {
                        statement.execute("CREATE DATABASE tack");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    server.execute("CREATE ROLE " + PASSWORD_USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
                    return server;
                } catch (IOException e) {
                    last = e; // the port was taken meanwhile: another one
                } catch (RuntimeException e) {
                    server.stop(); // started but not usable: leave no server behind
                    throw e;
                }
            }
            throw new IllegalStateException("could not start the tests' PostgreSQL server", last);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the tests' PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /** Newest {@code /usr/lib/postgresql/<version>/bin} with initdb and pg_ctl (or {@code $TACK_PG_BIN}). */
    static Path findBinaries() {
        String override = System.getenv("TACK_PG_BIN");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresServer::majorVersion))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin:"
                            + " install PostgreSQL (apt-get install postgresql), or run .ci/run, which does"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void runTool(List<String> command) throws IOException {
        List<String> full = new ArrayList<>(setup.prefix());
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true, folder);
    }

    private static void run(List<String> command, boolean quietOk, Path folder) throws IOException {
        Path log = Files.createTempFile("tack-pg-tool-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private boolean stopped;

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            runTool(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (IOException e) {
            System.err.println("postgres test server: " + e.getMessage());
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it eventually
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long uid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }
}
