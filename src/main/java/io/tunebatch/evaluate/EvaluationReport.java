package io.tunebatch.evaluate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of running one suite against one subject: what the JSON report holds and what the
 * HTML report shows. {@code failingCases} lists the names of the cases that did not pass.
 */
public record EvaluationReport(String suiteName, String suitePath, String suiteSha256, String subject,
                               Instant startedAt, Instant finishedAt, int caseCount, int passedCount,
                               double passRate, double gateThreshold, boolean gatePassed,
                               Map<String, Double> passRateByType, List<String> failingCases,
                               List<CaseResult> results) {

    public EvaluationReport {
        passRateByType = Map.copyOf(passRateByType);
        failingCases = List.copyOf(failingCases);
        results = List.copyOf(results);
    }

    /** Why the gate refused this run, naming the failing cases. */
    public String gateFailureMessage() {
        return String.format(Locale.ROOT, "eval gate failed on suite '%s': pass rate %.3f is below %.3f; failing cases: %s",
                suiteName, passRate, gateThreshold, String.join(", ", failingCases));
    }
}
