package dev.tack.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
}
