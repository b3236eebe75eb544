package io.tunebatch.evaluate;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gatePassRate share of cases that must pass for a run to pass the gate; checked again
 *                     on every promotion
 * @param reportDir    where each eval run writes its report.json and report.html
 */
@ConfigurationProperties("tunebatch.evaluate")
public record EvaluateProperties(@DefaultValue("0.95") double gatePassRate, Path reportDir) {

    public EvaluateProperties {
        if (!(gatePassRate > 0.0 && gatePassRate <= 1.0)) {
            throw new IllegalArgumentException("tunebatch.evaluate.gate-pass-rate must be in (0, 1], got " + gatePassRate);
        }
        if (reportDir == null) {
            throw new IllegalArgumentException("tunebatch.evaluate.report-dir must be set");
        }
    }
}
