package io.tunebatch.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file as lines of strict UTF-8 with a length limit, so that one bad line (invalid
 * bytes, or far too long) is reported on its own instead of breaking the rest of the file.
 */
final class LineReader implements Closeable {

    /** A physical line: its text, or the reason it has none. */
    record Line(long number, String text, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private long lineNumber;
    private boolean eof;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        if (eof && position >= limit) {
            return null;
        }
        int length = 0;
        long total = 0;
        boolean sawAny = false;
        while (true) {
            if (position >= limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            total++;
            if (total <= maxBytes) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(Math.max(16, line.length * 2), maxBytes));
                }
                line[length++] = b;
            }
        }
        lineNumber++;
        if (total > maxBytes) {
            return new Line(lineNumber, null, "record exceeds the limit of " + maxBytes
                    + " bytes (tunebatch.ingest.max-record-bytes)");
        }
        int start = lineNumber == 1 && startsWithBom(length) ? 3 : 0;
        int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
        ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
        CharBuffer chars = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            return new Line(lineNumber, null, "invalid UTF-8 byte sequence at byte " + (bytes.position() - start + 1));
        }
        decoder.flush(chars);
        return new Line(lineNumber, chars.flip().toString(), null);
    }

    long lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private boolean startsWithBom(int length) {
        return length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
