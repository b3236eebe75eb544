package io.tunebatch.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Names every threshold a monitoring run crossed, with the figures that crossed it. */
final class ThresholdCheck {

    private final MonitorProperties.Thresholds limits;

    ThresholdCheck(MonitorProperties.Thresholds limits) {
        this.limits = limits;
    }

    /** What the check looks at, besides the counts: rates, PSIs (null = not measured) and evidence. */
    record Measured(LineCounts counts, double safetyFailureRate, double formatFailureRate, double piiLeakRate,
                    Double promptLengthPsi, Double promptTokenPsi, Map<String, Long> piiByEntityType,
                    List<String> firstMalformed, String modelRef, String snapshotId) {
    }

    List<String> crossed(Measured m) {
        List<String> crossed = new ArrayList<>();
        LineCounts c = m.counts();
        if (c.scored() < limits.minScoredLines()) {
            crossed.add(String.format(Locale.ROOT, "lines_scored %d < %d: too few lines of %s in the logs (%d of other versions, %d malformed)",
                    c.scored(), limits.minScoredLines(), m.modelRef(), c.otherVersion(), c.malformed()));
        }
        if (c.malformed() > limits.maxMalformedLines()) {
            crossed.add(String.format(Locale.ROOT, "malformed_lines %d > %d (first: %s)", c.malformed(),
                    limits.maxMalformedLines(), String.join(" | ", m.firstMalformed())));
        }
        if (m.safetyFailureRate() > limits.maxSafetyFailureRate()) {
            crossed.add(String.format(Locale.ROOT, "safety_failure_rate %.3f > %.3f (%d of %d outputs)", m.safetyFailureRate(),
                    limits.maxSafetyFailureRate(), c.safetyFailures(), c.scored()));
        }
        if (m.formatFailureRate() > limits.maxFormatFailureRate()) {
            crossed.add(String.format(Locale.ROOT, "format_failure_rate %.3f > %.3f (%d of %d format-checked outputs)",
                    m.formatFailureRate(), limits.maxFormatFailureRate(), c.formatFailures(), c.formatChecked()));
        }
        if (m.piiLeakRate() > limits.maxPiiLeakRate()) {
            crossed.add(String.format(Locale.ROOT, "pii_leak_rate %.3f > %.3f (%d of %d outputs; %s)", m.piiLeakRate(),
                    limits.maxPiiLeakRate(), c.piiLeaks(), c.scored(), m.piiByEntityType().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        }
        psi(crossed, "prompt_length_psi", m.promptLengthPsi(), limits.maxPromptLengthPsi(), m.snapshotId());
        psi(crossed, "prompt_token_psi", m.promptTokenPsi(), limits.maxPromptTokenPsi(), m.snapshotId());
        return crossed;
    }

    private static void psi(List<String> crossed, String name, Double psi, double max, String snapshotId) {
        if (psi != null && psi > max) {
            crossed.add(String.format(Locale.ROOT, "%s %.3f > %.3f (production prompts shifted against training snapshot %s)",
                    name, psi, max, snapshotId));
        }
    }
}
