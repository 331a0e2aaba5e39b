package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import dev.tack.model.Card;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void everyCharacterRoundTripsAndNoControlIsWrittenRaw() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            if (!Character.isSurrogate(c)) {
                all.append(c);
            }
        }
        all.append("😀");
        String text = all.toString();
        for (String json : new String[] {Json.compact(Map.of("t", text)), Json.pretty(Map.of("t", text))}) {
            assertThat(JsonParser.parseString(json).getAsJsonObject().get("t").getAsString()).isEqualTo(text);
            assertThat(json.chars().filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069))).isEmpty();
        }
    }

    @Test
    void plainTextIsLeftAlone() {
        assertThat(Json.compact(Map.of("t", "naïve café 中文 \"q\" <b>"))).isEqualTo("{\"t\":\"naïve café 中文 \\\"q\\\" <b>\"}");
    }

    @Test
    void anImportedCardsSnapshotIsWrittenAsTheGeneralPathWritesIt() {
        String hostile = "t\u0000\u001b[31m\u009b\u202e\u200f \"q\" \\ <b> é 中 😀 \n";
        for (boolean archived : new boolean[] {false, true}) {
            for (Card.Claim claim : new Card.Claim[] {null, new Card.Claim("w1", "host", 42, 9)}) {
                Card card = new Card(123_456_789_012L, 2, 3, hostile + "col", 7, hostile, hostile + "d", List.of("a", hostile),
                        3, LocalDate.of(2026, 12, 2), hostile + "ann", archived, 1, "2026-12-02T03:00:00.000Z",
                        "2026-12-02T03:00:00.001Z", claim, 2, archived);
                assertThat(Json.compactCard(card)).isEqualTo(Json.compact(Json.card(card)));
            }
        }
        Card plain = new Card(1, 1, 1, "Todo", 0, "x", "", List.of(), 0, null, null, false, 1, "a", "b", null, 0, false);
        assertThat(Json.compactCard(plain)).isEqualTo(Json.compact(Json.card(plain)));
    }
}
