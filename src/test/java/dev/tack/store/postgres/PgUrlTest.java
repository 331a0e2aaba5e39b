package dev.tack.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The URL forms people write, turned into pgjdbc's; the password goes to the driver's properties and nowhere else. */
class PgUrlTest {

    @Test
    void bothSchemesGiveAJdbcUrlWithoutCredentialsAndTheSchemaTackByDefault() {
        for (String scheme : new String[] {"postgresql", "postgres"}) {
            PgUrl url = PgUrl.parse(scheme + "://alice@db.example:5433/team", Map.of());
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/team");
            assertThat(url.schema()).isEqualTo("tack");
            assertThat(url.user()).isEqualTo("alice");
            assertThat(url.display()).isEqualTo("postgresql://alice@db.example:5433/team");
        }
    }

    @Test
    void aPasswordInTheUrlOrInPgpasswordIsNeverInWhatIsShown() {
        PgUrl inUrl = PgUrl.parse("postgresql://alice:s3cr%40t@db.example/team?currentSchema=ops&sslmode=require", Map.of());
        assertThat(inUrl.password()).isEqualTo("s3cr@t");
        assertThat(inUrl.schema()).isEqualTo("ops");
        assertThat(inUrl.display()).isEqualTo("postgresql://alice@db.example/team?currentSchema=ops&sslmode=require")
                .doesNotContain("s3cr");
        assertThat(inUrl.toString()).doesNotContain("s3cr");
        assertThat(inUrl.jdbcUrl()).doesNotContain("s3cr");
        Properties properties = inUrl.properties("alice (tack ls)");
        assertThat(properties.getProperty("password")).isEqualTo("s3cr@t");
        assertThat(properties.getProperty("sslmode")).isEqualTo("require");

        PgUrl fromEnv = PgUrl.parse("postgresql://bob@db.example/team?password=inquery", Map.of("PGPASSWORD", "ignored"));
        assertThat(fromEnv.password()).isEqualTo("inquery");
        assertThat(fromEnv.display()).doesNotContain("inquery");
        PgUrl env = PgUrl.parse("postgresql://bob@db.example/team", Map.of("PGPASSWORD", "from-env"));
        assertThat(env.password()).isEqualTo("from-env");
        assertThat(env.display()).doesNotContain("from-env");
    }

    @Test
    void withoutAPasswordTheDriverReadsPgpassItself() {
        PgUrl url = PgUrl.parse("postgresql://bob@db.example/team", Map.of());
        assertThat(url.password()).isNull();
        assertThat(url.properties("x").getProperty("password")).isNull(); // pgjdbc then looks in ~/.pgpass (PGPASSFILE)
    }

    @Test
    void aServiceNameGoesToTheDriverInItsUrl() {
        PgUrl url = PgUrl.parse("postgresql:///?service=team", Map.of());
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql:///?service=team");
        assertThat(url.display()).isEqualTo("postgresql:///?service=team");
    }
}
