package dev.tack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** --fields, --compact and errors as JSON (issue 16: for agents' context windows). */
class JsonShapeTest extends EngineCliFixture {

    @Test
    void fieldsKeepOnlyTheNamedKeysInTheirOrder() {
        long a = add("first", "-p", "2");
        add("second");
        JsonArray listed = tack("ls", "--fields", "title,id").expectOk().json().getAsJsonArray();
        assertThat(listed).hasSize(2);
        JsonObject one = listed.get(0).getAsJsonObject();
        assertThat(List.copyOf(one.keySet())).containsExactly("title", "id");
        assertThat(one.get("id").getAsLong()).isEqualTo(a);
        JsonObject shown = tack("show", String.valueOf(a), "--json", "--fields", "priority,history").expectOk().json().getAsJsonObject();
        assertThat(List.copyOf(shown.keySet())).containsExactly("priority", "history");
        assertThat(tack("ls", "-c", "Done", "--fields", "id,ready").expectOk().json().getAsJsonArray()).isEmpty();
    }

    @Test
    void anUnknownFieldIsAUsageErrorNamingIt() {
        add("one");
        CliRun.Result result = tack("ls", "--fields", "id,colour");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        JsonObject error = JsonParser.parseString(result.err()).getAsJsonObject();
        assertThat(error.get("code").getAsInt()).isEqualTo(2);
        assertThat(error.get("message").getAsString()).startsWith("--fields: no field 'colour' here");
        assertThat(tack("ls", "-c", "Done", "--fields", "colour").exit()).as("known even on an empty list").isEqualTo(2);
    }

    @Test
    void compactIsOneLinePerObjectWithoutNullsOrEmpties() {
        add("one");
        add("two", "-t", "x");
        String out = tack("ls", "--compact").expectOk().out();
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertThat(first.has("due")).isFalse();
        assertThat(first.has("tags")).isFalse();
        assertThat(first.has("description")).isFalse();
        assertThat(first.get("archived").getAsBoolean()).as("false is a value, not an empty one").isFalse();
        assertThat(JsonParser.parseString(lines.get(1)).getAsJsonObject().getAsJsonArray("tags")).hasSize(1);
        assertThat(tack("ls", "--compact", "--fields", "id,due").expectOk().out()).matches("\\{\"id\":\\d+}\n\\{\"id\":\\d+}\n");
    }

    @Test
    void errorsUnderJsonAreObjectsOnStandardErrorWithTheSameExitCodes() {
        CliRun.Result missing = tack("show", "404", "--json");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err().lines().toList()).hasSize(1);
        JsonObject error = JsonParser.parseString(missing.err()).getAsJsonObject();
        assertThat(error.get("code").getAsInt()).isEqualTo(3);
        assertThat(error.get("kind").getAsString()).isEqualTo("not_found");
        assertThat(error.get("message").getAsString()).contains("404");

        CliRun.Result usage = tack("--json", "mv", "1");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(JsonParser.parseString(usage.err()).getAsJsonObject().get("code").getAsInt()).isEqualTo(2);
        assertThat(tack("show", "404").err()).as("without --json, the usual line").startsWith("tack: ");
    }
}
