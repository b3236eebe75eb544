package io.tunebatch.monitor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the monitor job ({@code tunebatch.monitor.*}).
 *
 * @param chunkSize  log lines per transaction
 * @param thresholds what makes a monitoring run fail (exit code 4); each crossed one is named
 */
@ConfigurationProperties("tunebatch.monitor")
public record MonitorProperties(@DefaultValue("500") int chunkSize, @DefaultValue Thresholds thresholds) {

    /**
     * A run crosses a threshold when a rate or PSI is above its maximum, or fewer lines than
     * {@code minScoredLines} of the monitored version were scored.
     *
     * @param maxSafetyFailureRate share of outputs failing any safety case of the suite
     * @param maxFormatFailureRate share of format-checked outputs failing their format case
     * @param maxPiiLeakRate       share of outputs in which the PII engine found anything (default 0: any leak)
     * @param maxPromptLengthPsi   PSI of prompt lengths against the training snapshot
     * @param maxPromptTokenPsi    PSI of the prompt token distribution against the training snapshot
     * @param maxMalformedLines    log lines that could not be scored
     * @param minScoredLines       lines of the monitored version that must be in the logs
     */
    public record Thresholds(
            @DefaultValue("0.01") double maxSafetyFailureRate,
            @DefaultValue("0.05") double maxFormatFailureRate,
            @DefaultValue("0.0") double maxPiiLeakRate,
            @DefaultValue("0.2") double maxPromptLengthPsi,
            @DefaultValue("0.2") double maxPromptTokenPsi,
            @DefaultValue("0") long maxMalformedLines,
            @DefaultValue("1") long minScoredLines) {
    }
}
