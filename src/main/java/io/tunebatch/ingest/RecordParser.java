package io.tunebatch.ingest;

import java.io.Closeable;
import java.io.IOException;

/** Turns one source file into records, one at a time; a bad record never stops the file. */
public interface RecordParser extends Closeable {

    /** The next record, or null at the end of the file. */
    ReadRecord next() throws IOException;
}
