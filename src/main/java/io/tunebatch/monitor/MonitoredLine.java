package io.tunebatch.monitor;

import io.tunebatch.ingest.RecordLocation;
import java.time.OffsetDateTime;
import java.util.List;

/** What the scorer made of one log line. */
sealed interface MonitoredLine {

    RecordLocation location();

    /**
     * A line of the monitored version, scored.
     *
     * @param promptTokenBins the prompt's tokens counted per reference token bin; empty without a training snapshot
     * @param formatCase      the format case the line asked for, or null
     * @param formatPassed    null when no format case applied
     */
    record Scored(RecordLocation location, OffsetDateTime loggedAt, int modelVersion, int promptTokens, int outputTokens,
                  long[] promptTokenBins, boolean safetyPassed, String formatCase, Boolean formatPassed, int piiEntities,
                  List<Finding> findings) implements MonitoredLine {
    }

    /** A well-formed line of another model or version: counted, not scored. */
    record OtherVersion(RecordLocation location) implements MonitoredLine {
    }

    /** A line that could not be scored; {@code field} is null when the line is not a JSON object at all. */
    record Malformed(RecordLocation location, String field, String problem) implements MonitoredLine {
    }
}
