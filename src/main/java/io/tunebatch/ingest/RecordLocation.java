package io.tunebatch.ingest;

/** A record's place in its source file: record ordinal and starting line, both 1-based (0 = whole file). */
public record RecordLocation(String sourceUri, long recordNumber, long lineNumber) {

    static RecordLocation wholeFile(String sourceUri) {
        return new RecordLocation(sourceUri, 0, 0);
    }

    @Override
    public String toString() {
        return recordNumber == 0 ? sourceUri : sourceUri + ":" + lineNumber;
    }
}
