package io.tunebatch.snapshot;

/** A valid example joining a snapshot. */
record SnapshotMember(String exampleId, String contentHash) {
}
