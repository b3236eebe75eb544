package io.tunebatch.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.tunebatch.audit.CurrentTask;
import io.tunebatch.drift.DriftProperties;
import io.tunebatch.drift.DriftRepository;
import io.tunebatch.evaluate.EvalSuite;
import io.tunebatch.evaluate.EvalSuiteLoader;
import io.tunebatch.ingest.IngestProperties;
import io.tunebatch.ingest.ReadRecord;
import io.tunebatch.ingest.SourceFiles;
import io.tunebatch.ingest.SourceRecordReader;
import io.tunebatch.ops.StepCounters;
import io.tunebatch.ops.StepProgress;
import io.tunebatch.pii.PiiDetector;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code monitor} job: {@value #SCORE_STEP} reads the inference logs in chunks (restartable
 * from the last committed chunk, malformed lines stored and counted), then {@value #VERDICT_STEP}
 * measures drift and checks the thresholds. Step-scoped beans are typed by interface.
 */
@Configuration(proxyBeanMethods = false)
public class MonitorJobConfiguration {

    public static final String JOB_NAME = "monitor";
    static final String SCORE_STEP = "monitor-score";
    static final String VERDICT_STEP = "monitor-verdict";

    @Bean
    Job monitorJob(JobRepository jobRepository, @Qualifier("transactionManager") PlatformTransactionManager transactionManager,
                   MonitorProperties properties, MeterRegistry meters, ItemStreamReader<ReadRecord> monitorLogReader,
                   ItemProcessor<ReadRecord, MonitoredLine> logLineScorer, ItemStreamWriter<MonitoredLine> monitorWriter,
                   MonitorRepository repository, DriftRepository snapshots, DriftProperties drift, MonitorMetrics metrics,
                   CurrentTask task) {
        Step score = new StepBuilder(SCORE_STEP, jobRepository)
                .<ReadRecord, MonitoredLine>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .listener(new StepProgress())
                .listener(new StepCounters(meters, SCORE_STEP, Map.of(
                        MonitorWriter.SCORED, "tunebatch.monitor.lines.scored",
                        MonitorWriter.OTHER_VERSION, "tunebatch.monitor.lines.other.version",
                        MonitorWriter.MALFORMED, "tunebatch.monitor.lines.malformed",
                        MonitorWriter.SAFETY_FAILURES, "tunebatch.monitor.safety.failures",
                        MonitorWriter.FORMAT_FAILURES, "tunebatch.monitor.format.failures",
                        MonitorWriter.PII_LEAKS, "tunebatch.monitor.pii.leaks")))
                .reader(monitorLogReader)
                .processor(logLineScorer)
                .writer(monitorWriter)
                .build();
        Step verdict = new StepBuilder(VERDICT_STEP, jobRepository)
                .tasklet(new MonitorVerdictTasklet(jobRepository, repository, snapshots, drift,
                        new ThresholdCheck(properties.thresholds()), metrics, task), transactionManager)
                .build();
        return new JobBuilder(JOB_NAME, jobRepository).start(score).next(verdict).build();
    }

    @Bean
    @StepScope
    ItemStreamReader<ReadRecord> monitorLogReader(@Value("#{jobParameters['" + MonitorService.LOGS + "']}") String logs,
                                                  IngestProperties ingest) {
        return new SourceRecordReader(SourceFiles.resolve(logs, "jsonl"), ingest.maxRecordBytes());
    }

    @Bean
    @StepScope
    ItemProcessor<ReadRecord, MonitoredLine> logLineScorer(
            @Value("#{jobParameters['" + MonitorService.MODEL + "']}") String model,
            @Value("#{jobParameters['" + MonitorService.VERSION + "']}") Long version,
            @Value("#{jobParameters['" + MonitorService.SUITE + "']}") String suiteFile,
            @Value("#{jobParameters['" + MonitorService.SUITE_SHA256 + "']}") String suiteSha256,
            @Value("#{jobParameters['" + MonitorService.SNAPSHOT + "']}") String snapshotId,
            PiiDetector pii, DriftRepository snapshots, DriftProperties drift) {
        EvalSuite suite = new EvalSuiteLoader().load(Path.of(suiteFile));
        if (!suite.sha256().equals(suiteSha256)) {
            throw new IllegalStateException("eval suite " + suiteFile + " changed since this monitoring run started; "
                    + "start a new run instead of restarting this one");
        }
        ReferencePrompts reference = snapshotId == null ? null
                : ReferencePrompts.of(snapshots.snapshotProfile(snapshotId), drift);
        return new LogLineScorer(model, version.intValue(), new OutputScorer(suite, pii),
                reference == null ? null : reference.vocabulary());
    }

    @Bean
    @StepScope
    ItemStreamWriter<MonitoredLine> monitorWriter(@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long jobInstanceId,
                                                  @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId,
                                                  MonitorRepository repository) {
        return new MonitorWriter(repository, jobInstanceId, jobExecutionId);
    }
}
