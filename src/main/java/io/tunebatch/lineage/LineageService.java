package io.tunebatch.lineage;

import io.tunebatch.audit.AuditTrail;
import io.tunebatch.audit.CurrentTask;
import io.tunebatch.audit.GovernanceTransactions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * GDPR erasure of one source document. The impact shows where the document's content went; the
 * erasure takes the examples that only erased documents provide out of every future snapshot
 * (rule {@code erased} of the validate step), destroys their text and encrypted originals, flags
 * every model version trained on a snapshot holding any of the document's examples for retraining,
 * and records the request in the audit trail — all in one transaction. Sealed snapshots are left
 * as they are: they are append-only, the record of what each model was trained on.
 */
@Service
public class LineageService {

    private static final Logger log = LoggerFactory.getLogger(LineageService.class);

    private final LineageRepository repository;
    private final AuditTrail audit;
    private final CurrentTask task;
    private final TransactionOperations transactions;

    public LineageService(LineageRepository repository, AuditTrail audit, CurrentTask task,
                          @Qualifier(GovernanceTransactions.BEAN) TransactionOperations transactions) {
        this.repository = repository;
        this.audit = audit;
        this.task = task;
        this.transactions = transactions;
    }

    public ErasureImpact eraseImpact(String sourceSystem, String documentId) {
        return knownDocument(required(sourceSystem, "source-system"), required(documentId, "document-id"));
    }

    public ErasureResult erase(String sourceSystem, String documentId, String requestedBy, String reason) {
        String system = required(sourceSystem, "source-system");
        String document = required(documentId, "document-id");
        String by = required(requestedBy, "by");
        String why = required(reason, "reason");
        ErasureResult result = transactions.execute(status -> {
            ErasureImpact impact = knownDocument(system, document);
            List<String> erased = impact.examplesToErase().stream().map(ErasureImpact.Example::exampleId).toList();
            List<String> kept = impact.examples().stream().filter(e -> !e.otherDocuments().isEmpty())
                    .map(ErasureImpact.Example::exampleId).toList();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            int originals = repository.destroyContent(erased);
            long requestId = repository.insertRequest(system, document, by, why, now, erased.size(), kept.size(), originals,
                    task.executionId().orElse(null));
            repository.markErased(erased, requestId);
            repository.flagForRetraining(impact.modelVersions(), requestId, now);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("erasure_request_id", requestId);
            detail.put("examples_erased", erased.size());
            detail.put("examples_kept", kept.size());
            detail.put("originals_deleted", originals);
            detail.put("snapshots", impact.snapshots().stream().map(ErasureImpact.Snapshot::snapshotId).toList());
            detail.put("model_versions_flagged", impact.modelVersions().stream().map(v -> v.modelName() + ":" + v.version()).toList());
            audit.record(by, "gdpr_erasure", "source_document", system + ":" + document, detail);
            return new ErasureResult(requestId, system, document, by, now, erased, kept, originals, impact.modelVersions());
        });
        log.info("erasure request {}: {} examples erased, {} kept (other documents provide them), {} model versions flagged "
                        + "for retraining", result.erasureRequestId(), result.erasedExamples().size(), result.keptExamples().size(),
                result.flaggedForRetraining().size());
        return result;
    }

    private ErasureImpact knownDocument(String system, String document) {
        ErasureImpact impact = repository.impact(system, document);
        if (impact.examples().isEmpty()) {
            throw new LineageException("no example comes from document '" + document + "' of source system '" + system
                    + "'; check both names against the source records (they are case-sensitive)");
        }
        return impact;
    }

    private static String required(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new LineageException("--" + option + " is required and must not be blank");
        }
        return value.strip();
    }
}
