package io.tunebatch.ingest;

/** Too many bad records: the source is probably wrong as a whole, so the job fails instead of going on. */
final class RejectedRecordLimitException extends RuntimeException {

    RejectedRecordLimitException(long rejected, long limit, RecordLocation at) {
        super("ingest rejected " + rejected + " records, more than the skip limit of " + limit
                + " (tunebatch.ingest.skip-limit), the last at " + at
                + ". Check the source format and field mapping (tunebatch.ingest.fields.*); the rejected records "
                + "and their reasons are in table rejected_record. Fix the source or raise the limit, then restart the job.");
    }
}
