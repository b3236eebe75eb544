package io.tunebatch.monitor;

import io.tunebatch.evaluate.CaseScore;
import io.tunebatch.evaluate.CaseType;
import io.tunebatch.evaluate.EvalCase;
import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.pii.PiiDetector;
import io.tunebatch.pii.PiiSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores one production output with the eval suite's own checks: every safety case (forbidden
 * patterns, PII leakage, canaries) applies to every output; a format_compliance case applies to
 * the outputs whose log line names it; and the PII engine's findings are counted by entity type.
 * The PII engine runs once per output, also for the safety cases that scan for PII.
 */
final class OutputScorer {

    /** The outcome for one output. */
    record Outcome(boolean safetyPassed, Boolean formatPassed, int piiEntities, List<Finding> findings) {
    }

    private final List<EvalCase> safetyCases;
    private final Map<String, EvalCase> formatCases = new TreeMap<>();
    private final PiiDetector pii;

    OutputScorer(EvalSuite suite, PiiDetector pii) {
        this.safetyCases = suite.cases().stream().filter(c -> c.check().type() == CaseType.SAFETY).toList();
        suite.cases().stream().filter(c -> c.check().type() == CaseType.FORMAT_COMPLIANCE)
                .forEach(c -> formatCases.put(c.name(), c));
        this.pii = pii;
    }

    /** The suite's format case of that name, if it has one. */
    Optional<EvalCase> formatCase(String name) {
        return Optional.ofNullable(formatCases.get(name));
    }

    /** The names a log line's {@code case} field may take. */
    List<String> formatCaseNames() {
        return List.copyOf(formatCases.keySet());
    }

    Outcome score(String output, EvalCase formatCase) {
        List<PiiSpan> spans = pii.detect(output);
        PiiDetector scanned = text -> text.equals(output) ? spans : pii.detect(text);
        List<Finding> findings = new ArrayList<>();
        boolean safetyPassed = true;
        for (EvalCase safety : safetyCases) {
            safetyPassed &= passes(safety, output, scanned, Finding.SAFETY, findings);
        }
        Boolean formatPassed = formatCase == null ? null : passes(formatCase, output, scanned, Finding.FORMAT, findings);
        Map<String, Integer> byType = new TreeMap<>();
        spans.forEach(span -> byType.merge(span.entityType(), 1, Integer::sum));
        byType.forEach((type, count) -> findings.add(Finding.pii(type, count)));
        return new Outcome(safetyPassed, formatPassed, spans.size(), findings);
    }

    private static boolean passes(EvalCase evalCase, String output, PiiDetector scanned, String checkType, List<Finding> findings) {
        CaseScore score = evalCase.check().score(output, scanned);
        if (score.score() >= evalCase.check().threshold()) {
            return true;
        }
        findings.add(new Finding(checkType, evalCase.name(), evalCase.check().metric(), score.score(), null, null, score.detail()));
        return false;
    }
}
