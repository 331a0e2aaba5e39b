package dev.tack.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.tack.testing.ChildJvm;
import dev.tack.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code tack} processes logging in as a role that must give its password (scram on loopback):
 * from {@code PGPASSWORD}, from {@code ~/.pgpass} (read by pgjdbc), and never printed, not in output,
 * not in an error, not with {@code --debug} (stack traces and the driver's own logging).
 */
class PostgresPasswordTest {

    @TempDir
    Path home;

    private final PostgresServer server = PostgresServer.get();

    private record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run tack(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.command(home, dev.tack.Main.class, args));
        command.add(1, "-Duser.home=" + home); // where Java (and so pgjdbc) looks for ~/.pgpass: the passwd entry, not $HOME
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("PGPASSWORD");
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TACK_ACTOR", "alice");
        builder.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tack did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private String url() {
        return "postgresql://" + PostgresServer.PASSWORD_USER + "@127.0.0.1:" + server.port() + "/tack?currentSchema=" + server.freshSchemaName();
    }

    @Test
    void pgpasswordLogsInAndIsNeverPrintedEvenWithDebug() throws Exception {
        String url = url();
        Map<String, String> env = Map.of("PGPASSWORD", PostgresServer.PASSWORD);
        Run init = tack(env, "--debug", "--db", url, "init");
        assertThat(init.exit()).as(init.all()).isZero();
        assertThat(init.out()).startsWith("created " + url);
        Run added = tack(env, "--debug", "--db", url, "add", "first");
        assertThat(added.exit()).as(added.all()).isZero();
        Run missing = tack(env, "--debug", "--db", url, "show", "999");
        assertThat(missing.exit()).isEqualTo(3);
        for (Run run : List.of(init, added, missing)) {
            assertThat(run.all()).doesNotContain(PostgresServer.PASSWORD);
        }
    }

    @Test
    void aWrongPasswordIsOneLineThatHoldsNoPassword() throws Exception {
        String url = url();
        Run wrong = tack(Map.of("PGPASSWORD", "wrong-" + PostgresServer.PASSWORD), "--db", url, "ls");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err().lines().toList()).hasSize(1);
        assertThat(wrong.err()).startsWith("tack: ").contains("refused the login").doesNotContain(PostgresServer.PASSWORD);
        Run debug = tack(Map.of("PGPASSWORD", "wrong-" + PostgresServer.PASSWORD), "--debug", "--db", url, "ls");
        assertThat(debug.exit()).isEqualTo(1);
        assertThat(debug.all()).doesNotContain(PostgresServer.PASSWORD);
    }

    @Test
    void aPasswordInTheUrlIsUsedButNeverShown() throws Exception {
        String url = url();
        String withPassword = url.replace(PostgresServer.PASSWORD_USER + "@", PostgresServer.PASSWORD_USER + ":" + PostgresServer.PASSWORD + "@");
        Run init = tack(Map.of(), "--debug", "--db", withPassword, "init");
        assertThat(init.exit()).as(init.all()).isZero();
        assertThat(init.out()).isEqualTo("created " + url + " with board main (Todo, Doing, Done)\n");
        Run check = tack(Map.of(), "--debug", "--db", withPassword, "check", "--json");
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(init.all() + check.all()).doesNotContain(PostgresServer.PASSWORD);
    }

    @Test
    void pgpassInTheHomeFolderLogsIn() throws Exception {
        String url = url();
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + server.port() + ":tack:" + PostgresServer.PASSWORD_USER + ":" + PostgresServer.PASSWORD + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Run init = tack(Map.of(), "--db", url, "init");
        assertThat(init.exit()).as(init.all()).isZero();
        Run ls = tack(Map.of(), "--debug", "--db", url, "ls");
        assertThat(ls.exit()).as(ls.all()).isZero();
        assertThat(ls.all()).doesNotContain(PostgresServer.PASSWORD);
        Path elsewhere = Files.move(pgpass, home.resolve("team.pgpass"));
        assertThat(tack(Map.of(), "--db", url, "ls").exit()).isEqualTo(1);
        Run passfile = tack(Map.of("PGPASSFILE", elsewhere.toString()), "--db", url, "ls");
        assertThat(passfile.exit()).as(passfile.all()).isZero();
    }
}
