package io.tunebatch.evaluate;

import io.tunebatch.audit.CurrentTask;
import io.tunebatch.canary.Canary;
import io.tunebatch.canary.CanaryRepository;
import io.tunebatch.pii.PiiDetector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a suite against a subject, writes the JSON and HTML reports and stores the run with its
 * per-case results, linked to the job execution (evaluate step) or model version that asked for
 * it. Does not enforce the gate itself: callers decide ({@link StoredEvaluation#requireGatePassed()}).
 */
@Service
public class EvaluationService {

    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final EvalSuiteLoader loader = new EvalSuiteLoader();
    private final ObjectProvider<PiiDetector> piiDetector;
    private final EvalRunRepository runs;
    private final EvaluateProperties properties;
    private final TransactionOperations transactions;
    private final CurrentTask task;
    private final CanaryRepository canaries;

    public EvaluationService(ObjectProvider<PiiDetector> piiDetector, EvalRunRepository runs, EvaluateProperties properties,
                             @Qualifier("transactionManager") PlatformTransactionManager transactionManager, CurrentTask task,
                             CanaryRepository canaries) {
        this.canaries = canaries;
        this.piiDetector = piiDetector;
        this.runs = runs;
        this.properties = properties;
        // an eval run is evidence: it is kept even when the caller (an evaluate step failing on the
        // gate) rolls its own transaction back
        TransactionTemplate ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.transactions = ownTransaction;
        this.task = task;
    }

    public EvalSuite loadSuite(Path suiteFile) {
        return loader.load(suiteFile);
    }

    public double gatePassRate() {
        return properties.gatePassRate();
    }

    /**
     * @param jobExecutionId the job execution of the evaluate step, or {@code null} from the command line
     */
    public StoredEvaluation evaluate(EvalSuite suite, EvalSubject subject, TextGenerator generator, String evaluatedBy,
                                     Long jobExecutionId) {
        return evaluate(suite, subject, generator, evaluatedBy, jobExecutionId, properties.gatePassRate());
    }

    /**
     * As {@link #evaluate(EvalSuite, EvalSubject, TextGenerator, String, Long)}, with the gate raised
     * to {@code runGate} for this run (a job definition's {@code gate}); it never lowers the configured gate.
     */
    public StoredEvaluation evaluate(EvalSuite suite, EvalSubject subject, TextGenerator generator, String evaluatedBy,
                                     Long jobExecutionId, double runGate) {
        return evaluate(suite, subject, generator, evaluatedBy, jobExecutionId, runGate, null);
    }

    /**
     * As {@link #evaluate(EvalSuite, EvalSubject, TextGenerator, String, Long, double)}, with the
     * snapshot the subject was trained on, whose canaries the suite's {@code canaries: snapshot}
     * cases prompt.
     *
     * @param snapshotId null when not known; then a suite with such a case is refused
     */
    public StoredEvaluation evaluate(EvalSuite suite, EvalSubject subject, TextGenerator generator, String evaluatedBy,
                                     Long jobExecutionId, double runGate, String snapshotId) {
        List<Canary> snapshotCanaries = snapshotCanaries(suite, snapshotId);
        PiiDetector pii = piiDetector.getIfAvailable();
        if (pii == null) {
            throw new IllegalStateException("no PII detector is configured: evaluation scans every output for PII "
                    + "(safety cases and report redaction) and cannot run without the PII engine");
        }
        Clock clock = Clock.systemUTC();
        EvaluationReport report = new Evaluator(pii, clock).evaluate(suite, snapshotCanaries, subject.description(), generator,
                Math.max(properties.gatePassRate(), runGate));
        Path folder = properties.reportDir().resolve(FOLDER_TIME.format(report.startedAt()) + "-" + safe(suite.name()) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        ReportFiles files = ReportFiles.write(report, folder);
        Long taskExecutionId = task.executionId().orElse(null);
        long runId = transactions.execute(status -> runs.insert(report, files, subject, evaluatedBy, jobExecutionId, taskExecutionId));
        return new StoredEvaluation(runId, report, files);
    }

    private List<Canary> snapshotCanaries(EvalSuite suite, String snapshotId) {
        Optional<EvalCase> needing = suite.snapshotCanaryCase();
        if (needing.isEmpty()) {
            return List.of();
        }
        String uses = suite.file() + ": case '" + needing.get().name() + "' checks the training snapshot's canaries (canaries: snapshot)";
        if (snapshotId == null) {
            throw new IllegalArgumentException(uses + ", but the snapshot the model was trained on is not known; "
                    + "name it with --snapshot ID or evaluate a registered version (--model NAME:VERSION)");
        }
        List<Canary> found = canaries.inSnapshot(snapshotId);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(uses + ", but snapshot " + snapshotId + " has no canaries; "
                    + "plant them with `tunebatch prepare --canaries N` (or a prepare step's canaries: N)");
        }
        return found;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
