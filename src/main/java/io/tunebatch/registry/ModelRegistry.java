package io.tunebatch.registry;

import io.tunebatch.audit.AuditTrail;
import io.tunebatch.audit.CurrentTask;
import io.tunebatch.audit.GovernanceTransactions;
import io.tunebatch.evaluate.AdapterHash;
import io.tunebatch.evaluate.EvalRunRepository;
import io.tunebatch.evaluate.EvalRunRepository.EvalRun;
import io.tunebatch.evaluate.EvaluateProperties;
import io.tunebatch.evaluate.GateFailedException;
import io.tunebatch.registry.RegistryRepository.SnapshotInfo;
import io.tunebatch.registry.RegistryRepository.TrainingOrigin;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model registry: versions enter through the eval gate, move development → staging →
 * production one approved step at a time (four-eyes: the approver is never the trainer, and the
 * gate is checked again), and a rollback puts the previous production version back. Every change
 * is appended to the audit tables in one transaction; the MLflow mirror follows after commit.
 */
@Service
public class ModelRegistry {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RegistryRepository registry;
    private final EvalRunRepository evalRuns;
    private final EvaluateProperties evaluateProperties;
    private final RegistryProperties properties;
    private final AuditTrail audit;
    private final CurrentTask task;
    private final TransactionOperations transactions;
    private final ObjectProvider<RegistryMirror> mirror;

    public ModelRegistry(RegistryRepository registry, EvalRunRepository evalRuns, EvaluateProperties evaluateProperties,
                         RegistryProperties properties, AuditTrail audit, CurrentTask task,
                         @Qualifier(GovernanceTransactions.BEAN) TransactionOperations transactions,
                         ObjectProvider<RegistryMirror> mirror) {
        this.registry = registry;
        this.evalRuns = evalRuns;
        this.evaluateProperties = evaluateProperties;
        this.properties = properties;
        this.audit = audit;
        this.task = task;
        this.transactions = transactions;
        this.mirror = mirror;
    }

    /** A promotion as it happened; {@code replaced} is the version that left the target stage, if any. */
    public record Promotion(long promotionId, ModelVersion version, String fromStage, String toStage, ModelVersion replaced,
                            long evalRunId, double evalPassRate, double gateThreshold) {
    }

    /** A rollback as it happened; {@code elapsedMillis} is the time the metadata change took. */
    public record Rollback(long rollbackId, ModelVersion from, ModelVersion to, long elapsedMillis) {
    }

    /** One line of {@code model list}. */
    public record ModelSummary(String name, int versions, Integer latest, Integer staging, Integer production) {
    }

    /**
     * Registers a version at stage development. When the eval run came from a train job's evaluate
     * step, the trainer, training job execution, snapshot and hyper-parameters (with the selection
     * evidence) are taken from what that job recorded; a request that says otherwise is refused, so
     * the four-eyes rule rests on the record, not on the registrant's word.
     */
    public ModelVersion register(RegistrationRequest request) {
        String name = modelName(request.modelName());
        String registeredBy = text(request.registeredBy(), "registered-by");
        String adapterSha256 = request.adapter() == null ? null : AdapterHash.of(request.adapter());
        EvalRun run = evalRuns.find(request.evalRunId()).orElseThrow(() -> new RegistryException(
                "eval run " + request.evalRunId() + " does not exist; run `tunebatch evaluate` and pass its id"));
        if (!Objects.equals(run.adapterSha256(), adapterSha256)) {
            throw new RegistryException("eval run " + run.id() + " did not evaluate this adapter (it evaluated "
                    + (run.adapterSha256() == null ? "no adapter" : "adapter " + run.adapterSha256()) + ", the adapter to register is "
                    + (adapterSha256 == null ? "none" : adapterSha256) + "); evaluate exactly what you register");
        }
        requireGate(run, "register " + name);
        RegistrationRequest clean = registry.trainingOrigin(run.id())
                .map(origin -> fromTrainingJob(request, name, registeredBy, run.id(), origin))
                .orElseGet(() -> new RegistrationRequest(name, request.baseModel(), request.adapter(), request.snapshotId(),
                        request.trainingJobExecutionId(), text(request.trainedBy(), "trained-by"), run.id(),
                        jsonObject(request.hyperparameters()), registeredBy));
        ModelVersion registered = transactions.execute(status -> {
            OffsetDateTime now = now();
            SnapshotInfo snapshot = clean.snapshotId() == null ? null : registry.snapshot(clean.snapshotId())
                    .orElseThrow(() -> new RegistryException("dataset snapshot '" + clean.snapshotId() + "' does not exist"));
            registry.createAndLock(name, registeredBy, now);
            int version = registry.nextVersion(name);
            Path cardFolder = ModelCardWriter.folder(properties.cardDir(), name, version);
            long id = registry.insertVersion(clean, version, adapterSha256, snapshot, run.passRate(),
                    cardFolder.resolve("model-card.md").toString(), now, taskId());
            registry.insertTransition(id, null, Stage.DEVELOPMENT, "register", registeredBy, null, null, null, now, taskId());
            audit.record(registeredBy, "model_registered", "model_version", name + ":" + version, detail(
                    "model_version_id", id, "eval_run_id", run.id(), "eval_pass_rate", run.passRate(),
                    "adapter_sha256", adapterSha256, "snapshot_id", clean.snapshotId(), "trained_by", clean.trainedBy(),
                    "training_job_execution_id", clean.trainingJobExecutionId()));
            ModelVersion created = registry.versionById(id).orElseThrow();
            writeCard(created);
            return created;
        });
        log.info("Registered {} (eval pass rate {})", registered.ref(), registered.evalPassRate());
        syncMirror(name);
        return registered;
    }

    private static RegistrationRequest fromTrainingJob(RegistrationRequest request, String name, String registeredBy, long evalRunId,
                                                       TrainingOrigin origin) {
        String source = "eval run " + evalRunId + " came from training job execution " + origin.jobExecutionId();
        if (request.trainedBy() != null && !request.trainedBy().strip().equalsIgnoreCase(origin.launchedBy())) {
            throw new RegistryException(source + ", launched by " + origin.launchedBy() + "; --trained-by " + request.trainedBy()
                    + " contradicts it. Leave --trained-by out: the trainer is taken from the job");
        }
        if (request.trainingJobExecutionId() != null && request.trainingJobExecutionId() != origin.jobExecutionId()) {
            throw new RegistryException(source + "; --training-job-execution " + request.trainingJobExecutionId()
                    + " contradicts it. Leave it out: it is taken from the eval run");
        }
        if (request.snapshotId() != null && !request.snapshotId().equals(origin.snapshotId())) {
            throw new RegistryException(source + ", which trained on snapshot " + origin.snapshotId() + "; --snapshot "
                    + request.snapshotId() + " contradicts it. Leave it out: it is taken from the job");
        }
        String hyperparameters = request.hyperparameters() == null || request.hyperparameters().isBlank()
                ? trainingHyperparameters(origin) : jsonObject(request.hyperparameters());
        return new RegistrationRequest(name, request.baseModel(), request.adapter(), origin.snapshotId(), origin.jobExecutionId(),
                origin.launchedBy(), evalRunId, hyperparameters, registeredBy);
    }

    /** The selected candidate's settings and every candidate's figures, as the train job stored them. */
    private static String trainingHyperparameters(TrainingOrigin origin) {
        Map<String, Object> selection = new LinkedHashMap<>();
        selection.put("criterion", origin.criterion());
        selection.put("candidates", JSON.readTree(origin.evidenceJson()));
        Map<String, Object> hyperparameters = new LinkedHashMap<>();
        hyperparameters.put("settings", JSON.readTree(origin.settingsJson()));
        hyperparameters.put("selection", selection);
        return JSON.writeValueAsString(hyperparameters);
    }

    public Promotion promote(String modelName, int versionNumber, String approverName, String reasonText) {
        String approver = text(approverName, "approver");
        String reason = text(reasonText, "reason");
        Promotion promotion = transactions.execute(status -> {
            requireModel(modelName);
            registry.lock(modelName);
            ModelVersion version = version(modelName, versionNumber);
            Stage from = Stage.of(version.stage());
            Stage to = from.next().orElseThrow(() -> new RegistryException(version.ref() + " is in " + from.id()
                    + " and cannot be promoted; only development → staging → production"));
            if (approver.toLowerCase(Locale.ROOT).equals(version.trainedBy().toLowerCase(Locale.ROOT))) {
                throw new RegistryException("four-eyes rule: " + approver + " launched the training of " + version.ref()
                        + " and cannot approve its promotion; ask another person to approve");
            }
            EvalRun evidence = gateEvidence(version);
            double gate = requireGate(evidence, "promote " + version.ref());
            OffsetDateTime now = now();
            ModelVersion replaced = registry.inStage(modelName, to).orElse(null);
            long promotionId = registry.insertPromotion(version, to, approver, reason, evidence.id(), evidence.passRate(), gate,
                    evidence.reportJsonPath(), evidence.reportSha256(), replaced == null ? null : replaced.id(), now, taskId());
            if (replaced != null) {
                registry.insertTransition(replaced.id(), to.id(), Stage.ARCHIVED, "superseded", approver,
                        "superseded by version " + version.version(), promotionId, null, now, taskId());
            }
            registry.insertTransition(version.id(), from.id(), to, "promote", approver, reason, promotionId, null, now, taskId());
            audit.record(approver, "model_promoted", "model_version", version.ref(), detail(
                    "promotion_id", promotionId, "from", from.id(), "to", to.id(), "trainer", version.trainedBy(),
                    "eval_run_id", evidence.id(), "eval_pass_rate", evidence.passRate(), "gate", gate,
                    "replaced_version", replaced == null ? null : replaced.version()));
            ModelVersion promoted = registry.versionById(version.id()).orElseThrow();
            writeCard(promoted);
            return new Promotion(promotionId, promoted, from.id(), to.id(), replaced, evidence.id(), evidence.passRate(), gate);
        });
        log.info("Promoted {} to {} (approved by another person than the trainer)", promotion.version().ref(), promotion.toStage());
        syncMirror(modelName);
        return promotion;
    }

    public Rollback rollback(String modelName, String byName, String reasonText) {
        String by = text(byName, "by");
        String reason = text(reasonText, "reason");
        long started = System.nanoTime();
        Rollback rollback = transactions.execute(status -> {
            requireModel(modelName);
            registry.lock(modelName);
            ModelVersion current = registry.inStage(modelName, Stage.PRODUCTION).orElseThrow(() -> new RegistryException(
                    "no version of " + modelName + " is in production; nothing to roll back"));
            long previousId = registry.replacedAtLastProductionPromotion(current.id()).orElseThrow(() -> new RegistryException(
                    current.ref() + " was the first production version of " + modelName
                            + "; there is no earlier production version to roll back to"));
            ModelVersion previous = registry.versionById(previousId).orElseThrow();
            OffsetDateTime now = now();
            long rollbackId = registry.insertRollback(modelName, current.id(), previous.id(), by, reason, now, taskId());
            registry.insertTransition(current.id(), Stage.PRODUCTION.id(), Stage.ARCHIVED, "rollback", by, reason, null,
                    rollbackId, now, taskId());
            registry.insertTransition(previous.id(), previous.stage(), Stage.PRODUCTION, "restore", by, reason, null,
                    rollbackId, now, taskId());
            audit.record(by, "model_rolled_back", "registered_model", modelName, detail(
                    "rollback_id", rollbackId, "from_version", current.version(), "to_version", previous.version()));
            return new Rollback(rollbackId, registry.versionById(current.id()).orElseThrow(),
                    registry.versionById(previous.id()).orElseThrow(), (System.nanoTime() - started) / 1_000_000);
        });
        log.info("Rolled back {} from version {} to version {}", modelName, rollback.from().version(), rollback.to().version());
        writeCard(rollback.from());
        writeCard(rollback.to());
        syncMirror(modelName);
        return rollback;
    }

    public List<Transition> history(String modelName) {
        requireModel(modelName);
        return registry.history(modelName);
    }

    public List<ModelVersion> versions(String modelName) {
        requireModel(modelName);
        return registry.versions(modelName);
    }

    public ModelVersion version(String modelName, int version) {
        return registry.version(modelName, version).orElseThrow(() -> new RegistryException(
                "model " + modelName + " has no version " + version + "; see `model show " + modelName + "`"));
    }

    /** The version of the model registered on this eval run, if there is one (a run's register step looks before it registers). */
    public Optional<ModelVersion> registeredOn(String modelName, long evalRunId) {
        return registry.versionOfEvalRun(modelName, evalRunId);
    }

    public List<ModelSummary> models() {
        return registry.modelNames().stream().map(name -> {
            List<ModelVersion> versions = registry.versions(name);
            return new ModelSummary(name, versions.size(),
                    versions.isEmpty() ? null : versions.get(versions.size() - 1).version(),
                    versionIn(versions, Stage.STAGING), versionIn(versions, Stage.PRODUCTION));
        }).toList();
    }

    /** The card of a version as it stands now (stage and approvals included). */
    public ModelCard card(ModelVersion version) {
        EvalRun run = evalRuns.find(version.evalRunId()).orElseThrow();
        SnapshotInfo snapshot = version.snapshotId() == null ? null : registry.snapshot(version.snapshotId()).orElseThrow();
        return new ModelCard(version.modelName(), version.version(), version.stage(), version.baseModel(), version.adapterSha256(),
                version.trainedBy(), version.trainingJobExecutionId(), version.registeredBy(), version.registeredAt().toString(),
                snapshot, snapshot == null ? Map.of() : registry.piiCounts(snapshot.id()), JSON.readTree(version.hyperparameters()),
                ModelCard.Evaluation.of(run, evalRuns.failingCases(run.id())), registry.approvals(version.id()));
    }

    private void writeCard(ModelVersion version) {
        ModelCardWriter.write(card(version), Path.of(version.modelCardPath()).getParent());
    }

    /** The newest run of the registration suite for this version, or the registration run itself. */
    private EvalRun gateEvidence(ModelVersion version) {
        EvalRun registered = evalRuns.find(version.evalRunId()).orElseThrow();
        return evalRuns.latestForVersion(version.id(), registered.suiteSha256()).orElse(registered);
    }

    private double requireGate(EvalRun run, String action) {
        double gate = Math.max(evaluateProperties.gatePassRate(), run.gateThreshold());
        if (run.passRate() < gate) {
            throw new GateFailedException(String.format(Locale.ROOT,
                    "cannot %s: eval gate not met by eval run %d on suite '%s': pass rate %.3f is below %.3f; failing cases: %s",
                    action, run.id(), run.suiteName(), run.passRate(), gate, String.join(", ", evalRuns.failingCases(run.id()))));
        }
        return gate;
    }

    private void syncMirror(String modelName) {
        RegistryMirror target = mirror.getIfAvailable();
        if (target == null) {
            return;
        }
        try {
            target.sync(modelName, registry.versions(modelName));
        } catch (RuntimeException e) {
            // our tables are the record; the next change re-syncs the mirror from scratch
            log.warn("MLflow mirror of {} is behind: {}", modelName, e.getMessage());
            audit.record("tunebatch", "mirror_sync_failed", "registered_model", modelName, detail("error", e.getMessage()));
        }
    }

    private void requireModel(String modelName) {
        if (!registry.exists(modelName)) {
            throw new RegistryException("no registered model named '" + modelName + "'; see `model list`");
        }
    }

    private static Integer versionIn(List<ModelVersion> versions, Stage stage) {
        return versions.stream().filter(v -> v.stage().equals(stage.id())).map(ModelVersion::version).findFirst().orElse(null);
    }

    private static String modelName(String name) {
        if (name == null || !MODEL_NAME.matcher(name).matches()) {
            throw new RegistryException("model name '" + name + "' is not valid: use letters, digits, '.', '_' or '-' "
                    + "(up to 200 characters, starting with a letter or digit)");
        }
        return name;
    }

    private static String text(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new RegistryException("--" + option + " is required and must not be blank");
        }
        return value.strip();
    }

    private static String jsonObject(String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                throw new RegistryException("hyper-parameters must be a JSON object");
            }
            return JSON.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new RegistryException("hyper-parameters are not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> detail(Object... keyValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            detail.put((String) keyValues[i], keyValues[i + 1]);
        }
        return detail;
    }

    private static OffsetDateTime now() {
        // microseconds: what both databases store, so values read back compare equal
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private Long taskId() {
        return task.executionId().orElse(null);
    }
}
