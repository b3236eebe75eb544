package io.tunebatch.monitor;

import java.util.List;
import java.util.Map;

/**
 * What {@code monitor} prints: the verdict (null when the job failed before it), PII found in
 * outputs by entity type, and the first malformed lines as "file:line, field 'f': problem".
 */
public record MonitorReport(long jobExecutionId, String status, String exitMessage, MonitorVerdict verdict,
                            Map<String, Long> piiByEntityType, List<String> firstMalformedLines) {

    public boolean thresholdsCrossed() {
        return verdict != null && !verdict.passed();
    }
}
