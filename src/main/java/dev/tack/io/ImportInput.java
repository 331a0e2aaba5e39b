package dev.tack.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import dev.tack.model.TackException;

/**
 * A file being imported, read as a stream of characters: strict UTF-8 (a bad byte is reported
 * with its offset and line, not as "Input length = 1"), a leading byte-order mark skipped (Excel
 * writes one), and at most {@code limit} bytes — {@code /dev/zero} or a runaway file stops there
 * instead of filling the memory.
 */
public final class ImportInput extends Reader {

    private final InputStream in;
    private final long limit;
    private final String name;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final byte[] chunk = new byte[1 << 16];
    /** The file offset of {@code bytes}' index 0. */
    private long base;
    private long read;
    private long line = 1;
    private boolean eof;
    private boolean flushed;
    private boolean started;

    public ImportInput(InputStream in, long limit, String name) {
        this.in = in;
        this.limit = limit;
        this.name = name;
    }

    /** The line the reader has got to (1 for the first). */
    public long line() {
        return line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                countLines(buffer, offset, out.position());
                throw TackException.usage(name + " is not UTF-8: byte offset " + (base + bytes.position()) + " (line " + line
                        + ") holds " + String.format("0x%02X", bytes.get(bytes.position()) & 0xff)
                        + "; save the file as UTF-8 and import it again");
            }
            if (out.position() > offset) {
                break;
            }
            if (eof) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                if (out.position() == offset) {
                    return -1;
                }
                break;
            }
            fill();
        }
        int end = out.position();
        int start = offset;
        if (!started) {
            started = true;
            if (buffer[offset] == '\uFEFF') {
                start++; // the byte-order mark: not part of the text
                System.arraycopy(buffer, start, buffer, offset, end - start);
                end--;
                if (end == offset) {
                    return read(buffer, offset, length);
                }
            }
        }
        countLines(buffer, offset, end);
        return end - offset;
    }

    private void countLines(char[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                line++;
            }
        }
    }

    private void fill() throws IOException {
        base += bytes.position();
        bytes.compact();
        int n = in.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
        if (n < 0) {
            eof = true;
        } else {
            read += n;
            if (read > limit) {
                throw TackException.usage(name + " is larger than the import limit of " + limit / (1024 * 1024)
                        + " MB (read up to byte " + limit + "; raise the limit with --max-size MB)");
            }
            bytes.put(chunk, 0, n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
