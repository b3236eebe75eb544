package io.tunebatch.lineage;

/**
 * Where a training example came from: the enterprise system and document, and the exact record
 * of the file it was read from (record number = ordinal of the record in the file, 1-based;
 * line number = the physical line the record starts on).
 */
public record SourceReference(String sourceSystem, String sourceDocumentId, String sourceUri,
                              long recordNumber, long lineNumber) {
}
