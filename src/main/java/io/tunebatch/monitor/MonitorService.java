package io.tunebatch.monitor;

import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.evaluate.EvalSuiteLoader;
import io.tunebatch.ingest.SourceFiles;
import io.tunebatch.ops.ExitMessages;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.ModelVersion;
import io.tunebatch.registry.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Resolves what to monitor (the model version, its eval suite, its training snapshot), launches
 * the monitor job and reads back its verdict.
 */
@Service
public class MonitorService {

    static final String LOGS = "logs";
    static final String MODEL = "model";
    static final String VERSION = "version";
    static final String MODEL_VERSION_ID = "modelVersionId";
    static final String SUITE = "suite";
    static final String SUITE_NAME = "suiteName";
    static final String SUITE_SHA256 = "suiteSha256";
    static final String SNAPSHOT = "snapshot";

    private static final int MALFORMED_SHOWN = 10;

    private final JobOperator jobOperator;
    private final Job monitorJob;
    private final ModelRegistry registry;
    private final MonitorRepository repository;

    public MonitorService(JobOperator jobOperator, @Qualifier("monitorJob") Job monitorJob, ModelRegistry registry,
                          MonitorRepository repository) {
        this.jobOperator = jobOperator;
        this.monitorJob = monitorJob;
        this.registry = registry;
        this.repository = repository;
    }

    /**
     * @param version   the version to monitor, or null for the one in production
     * @param suiteFile the eval suite, or null for the suite the version was evaluated with at registration
     * @throws IllegalArgumentException naming what is wrong and what to pass instead
     */
    public JobExecution monitor(String logs, String modelName, Integer version, Path suiteFile) throws Exception {
        ModelVersion monitored = version != null ? registry.version(modelName, version) : production(modelName);
        EvalSuite suite = new EvalSuiteLoader().load(suiteFile != null ? suiteFile : registeredSuite(monitored));
        SourceFiles.resolve(logs, "jsonl");
        JobParametersBuilder parameters = new JobParametersBuilder()
                .addString(LOGS, logs)
                .addString(MODEL, monitored.modelName())
                .addLong(VERSION, (long) monitored.version())
                .addLong(MODEL_VERSION_ID, monitored.id())
                .addString(SUITE, suite.file().toAbsolutePath().normalize().toString())
                .addString(SUITE_NAME, suite.name())
                .addString(SUITE_SHA256, suite.sha256())
                .addString("launchedAt", Instant.now().toString());
        if (monitored.snapshotId() != null) {
            parameters.addString(SNAPSHOT, monitored.snapshotId());
        }
        return jobOperator.start(monitorJob, parameters.toJobParameters());
    }

    private ModelVersion production(String modelName) {
        return registry.versions(modelName).stream().filter(v -> Stage.PRODUCTION.id().equals(v.stage())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("model " + modelName
                        + " has no version in production; pass --version N"));
    }

    /** The suite file of the version's registration eval run, if it is still there unchanged. */
    private Path registeredSuite(ModelVersion version) {
        MonitorRepository.RegisteredSuite suite = repository.suiteOf(version.evalRunId());
        Path path = Path.of(suite.path());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(version.ref() + " was evaluated with suite " + path + " (eval run "
                    + version.evalRunId() + "), which is not there any more; pass --suite FILE");
        }
        if (!new EvalSuiteLoader().load(path).sha256().equals(suite.sha256())) {
            throw new IllegalArgumentException("suite " + path + " changed since " + version.ref() + " was evaluated with it (eval run "
                    + version.evalRunId() + "); pass --suite FILE to monitor with the suite as it is now");
        }
        return path;
    }

    public MonitorReport summarize(JobExecution execution) {
        long instance = execution.getJobInstance().getInstanceId();
        return new MonitorReport(execution.getId(), execution.getStatus().name(), ExitMessages.of(execution),
                repository.findRun(instance).orElse(null), repository.piiByEntityType(instance),
                repository.firstErrors(instance, MALFORMED_SHOWN));
    }
}
