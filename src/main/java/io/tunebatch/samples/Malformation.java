package io.tunebatch.samples;

import java.util.Locale;

/** A defect planted in a line with {@code --malformed}; ingest must reject the line and go on. */
enum Malformation {
    /** JSONL: the line is cut off mid-object, as after a partial write. */
    BROKEN_JSON,
    /** JSONL: instruction or output is absent. */
    MISSING_REQUIRED_FIELD,
    /** JSONL: a number where instruction text belongs, or an array of sentences as the output. */
    WRONG_TYPE,
    /** Both: a Latin-1 byte (0xE9, "é") in the output, invalid as UTF-8. */
    INVALID_UTF8,
    /** Both: a well-formed record at least {@code --oversize-bytes} long. */
    OVERSIZE,
    /** CSV: a row with more or fewer cells than the header. */
    WRONG_COLUMN_COUNT,
    /** CSV: a quoted output cell that is never closed; always the file's last row. */
    UNTERMINATED_QUOTE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
