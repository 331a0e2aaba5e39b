package dev.tack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import dev.tack.board.BoardSnapshot;
import dev.tack.model.TackException;
import org.junit.jupiter.api.Test;

/** Import errors say what is wrong and where: line, field, JSON path, byte offset. */
class ImportErrorsTest {

    private static Reader input(byte[] bytes, long limit) {
        return new ImportInput(new ByteArrayInputStream(bytes), limit, "cards.csv");
    }

    private static Reader input(String text) {
        return input(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    @Test
    void aJsonValueOfTheWrongTypeIsNamedByLineAndPath() {
        String json = "{\"columns\": [\n  {\"name\": \"Todo\", \"cards\": [\n    {\"title\": \"ok\"},\n    {\"title\": {}}\n  ]}\n]}\n";
        assertThatThrownBy(() -> new JsonFormat().read(input(json)))
                .isInstanceOf(TackException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("$.columns[0].cards[1].title")
                .hasMessageContaining("\"title\" should be a string, not an object");
    }

    @Test
    void aCardTheBoardWouldRefuseIsNamedWhereItIs() {
        String json = "{\"columns\": [{\"name\": \"Todo\", \"cards\": [\n{\"title\": \"a\"},\n{\"title\": \"b\", \"priority\": 7}]}]}";
        assertThatThrownBy(() -> new JsonFormat().read(input(json)))
                .hasMessageContaining("line 3").hasMessageContaining("cards[1].priority").hasMessageContaining("priority must be 0, 1, 2 or 3");
    }

    @Test
    void aCardWithoutATitleIsNamedByItsPath() {
        String json = "{\"columns\": [{\"name\": \"Todo\", \"cards\": [\n{\"title\": \"a\"},\n{\"priority\": 1}]}]}";
        assertThatThrownBy(() -> new JsonFormat().read(input(json)))
                .hasMessage("the card $.columns[0].cards[1] (ending at line 3 column 16) has no \"title\"");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThatThrownBy(() -> new JsonFormat().read(input("{\"columns\": [\n{\"name\": \"Todo\",,}]}")))
                .hasMessageStartingWith("not valid JSON").hasMessageContaining("line 2");
        assertThatThrownBy(() -> new JsonFormat().read(input("[1, 2]"))).hasMessageContaining("not an object");
    }

    @Test
    void invalidUtf8IsReportedWithItsByteOffsetAndLine() {
        byte[] bytes = "title\nok\nbad \u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new CsvFormat().read(input(bytes, 1 << 20)))
                .isInstanceOf(TackException.class)
                .hasMessage("cards.csv is not UTF-8: byte offset 13 (line 3) holds 0xE9; save the file as UTF-8 and import it again");
    }

    @Test
    void aCsvWithAByteOrderMarkImports() {
        BoardSnapshot snapshot = new CsvFormat().read(input("\uFEFFtitle,column\nfirst,Todo\n"));
        assertThat(snapshot.columns().get(0).name()).isEqualTo("Todo");
        assertThat(snapshot.columns().get(0).cards().get(0).title()).isEqualTo("first");
    }

    @Test
    void aQuoteThatIsNeverClosedIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> new CsvFormat().read(input("title,column\nfine,Todo\n\"broken,Todo\nmore,Todo\n")))
                .isInstanceOf(TackException.class).hasMessageStartingWith("line 3: a quote (\") opened here is never closed");
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsRefused() {
        assertThatThrownBy(() -> new CsvFormat().read(input("title\nok\na,b\n")))
                .hasMessage("line 3: Record 3 has 2 fields, but first record had 1 fields (a comma in a value needs quotes)");
    }

    @Test
    void anEmptyTitleNamesLineAndField() {
        assertThatThrownBy(() -> new CsvFormat().read(input("title,column\nok,Todo\n,Todo\n")))
                .hasMessageStartingWith("line 3, field title: ");
    }

    @Test
    void anEndlessInputStopsAtTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '{';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) ' ');
                return length;
            }
        };
        Reader reader = new ImportInput(endless, 1 << 20, "/dev/zero");
        assertThatThrownBy(() -> new JsonFormat().read(reader))
                .isInstanceOf(TackException.class).hasMessageContaining("/dev/zero is larger than the import limit of 1 MB");
    }

    @Test
    void aTrelloFileOfTheWrongShapeSaysSo() throws IOException {
        assertThatThrownBy(() -> new TrelloFormat().read(new StringReader("{\"lists\": [1], \"cards\": []}")))
                .hasMessageStartingWith("not a Trello export: a value has the wrong type");
    }
}
