package io.tunebatch.ingest;

import java.util.Map;

/** What the source reader yields for every record: its fields, or why they could not be read. */
public sealed interface ReadRecord {

    RecordLocation location();

    /** A syntactically valid record; values are String, Number, Boolean, null, or a List/Map for nested JSON. */
    record Parsed(RecordLocation location, Map<String, Object> fields) implements ReadRecord {
    }

    /** A record (or whole file) that could not be parsed; the reason never quotes the content. */
    record Unreadable(RecordLocation location, String reason) implements ReadRecord {
    }
}
