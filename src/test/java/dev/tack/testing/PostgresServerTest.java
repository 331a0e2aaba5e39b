package dev.tack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The tests' own server starts from nothing, and answers on loopback. */
class PostgresServerTest {

    @Test
    void startsAPrivateServerThatAnswers() throws Exception {
        PostgresServer server = PostgresServer.get();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database(), inet_server_port()")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("tack");
            assertThat(row.getInt(2)).isEqualTo(server.port());
        }
    }
}
