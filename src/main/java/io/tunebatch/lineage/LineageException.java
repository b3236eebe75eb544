package io.tunebatch.lineage;

/** A lineage request that cannot be served (unknown document, missing person or reason); the message says what to do. */
public class LineageException extends RuntimeException {

    public LineageException(String message) {
        super(message);
    }
}
