package io.tunebatch.samples;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Streams entries into one data file and tracks where each starts (record ordinal, physical line). */
final class SampleFileWriter implements AutoCloseable {

    /** Where an entry landed: its 1-based ordinal among the file's entries and its first line. */
    record Position(long record, long line) {
    }

    private final OutputStream out;
    private long nextLine = 1;
    private long entries;
    private long bytes;

    SampleFileWriter(Path path, byte[] header) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20);
        append(header);
    }

    Position write(byte[] entry) throws IOException {
        Position position = new Position(++entries, nextLine);
        append(entry);
        return position;
    }

    long lines() {
        return nextLine - 1;
    }

    long bytes() {
        return bytes;
    }

    private void append(byte[] data) throws IOException {
        out.write(data);
        bytes += data.length;
        for (byte b : data) {
            if (b == '\n') {
                nextLine++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
