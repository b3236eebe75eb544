package io.tunebatch.evaluate;

/** An eval run as stored: its {@code eval_run.id}, the report and the report files. */
public record StoredEvaluation(long evalRunId, EvaluationReport report, ReportFiles files) {

    /** Enforces the gate: a failing run stops the caller with a message naming the failing cases. */
    public StoredEvaluation requireGatePassed() {
        if (!report.gatePassed()) {
            throw new GateFailedException(report.gateFailureMessage() + " (eval run " + evalRunId + ", report " + files.html() + ")");
        }
        return this;
    }
}
