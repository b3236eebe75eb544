package io.tunebatch.monitor;

import io.tunebatch.audit.CurrentTask;
import io.tunebatch.drift.DriftProperties;
import io.tunebatch.drift.DriftRepository;
import io.tunebatch.drift.Psi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The monitor job's last step: rates from the scoring step's counts, prompt drift against the
 * training snapshot from the stored lines and token bins, the threshold check, the
 * {@code monitor_run} row and the metrics. A run that crossed a threshold still completes, with
 * exit code {@value #THRESHOLDS_CROSSED} and the crossed thresholds as exit description.
 */
final class MonitorVerdictTasklet implements Tasklet {

    static final String THRESHOLDS_CROSSED = "THRESHOLDS_CROSSED";
    private static final int MALFORMED_SHOWN = 3;

    private final JobRepository jobRepository;
    private final MonitorRepository repository;
    private final DriftRepository snapshots;
    private final DriftProperties drift;
    private final ThresholdCheck check;
    private final MonitorMetrics metrics;
    private final CurrentTask task;

    MonitorVerdictTasklet(JobRepository jobRepository, MonitorRepository repository, DriftRepository snapshots,
                          DriftProperties drift, ThresholdCheck check, MonitorMetrics metrics, CurrentTask task) {
        this.jobRepository = jobRepository;
        this.repository = repository;
        this.snapshots = snapshots;
        this.drift = drift;
        this.check = check;
        this.metrics = metrics;
        this.task = task;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = contribution.getStepExecution();
        JobParameters parameters = step.getJobParameters();
        long instance = step.getJobExecution().getJobInstance().getInstanceId();
        StepExecution scoring = jobRepository.getLastStepExecution(step.getJobExecution().getJobInstance(),
                MonitorJobConfiguration.SCORE_STEP);
        LineCounts counts = MonitorWriter.read(scoring.getExecutionContext());
        String snapshotId = parameters.getString(MonitorService.SNAPSHOT);
        Double lengthPsi = null;
        Double tokenPsi = null;
        if (snapshotId != null) {
            ReferencePrompts reference = ReferencePrompts.of(snapshots.snapshotProfile(snapshotId), drift);
            lengthPsi = measured(Psi.of(reference.lengthHistogram(), reference.lengthBins().histogram(repository.promptLengths(instance))));
            tokenPsi = measured(Psi.of(reference.tokenHistogram(), repository.tokenBins(instance, reference.vocabulary().bins())));
        }
        String modelRef = parameters.getString(MonitorService.MODEL) + ":" + parameters.getLong(MonitorService.VERSION);
        ThresholdCheck.Measured measured = new ThresholdCheck.Measured(counts, rate(counts.safetyFailures(), counts.scored()),
                rate(counts.formatFailures(), counts.formatChecked()), rate(counts.piiLeaks(), counts.scored()), lengthPsi,
                tokenPsi, repository.piiByEntityType(instance), repository.firstErrors(instance, MALFORMED_SHOWN), modelRef,
                snapshotId);
        List<String> crossed = check.crossed(measured);
        MonitorVerdict verdict = new MonitorVerdict(instance, step.getJobExecutionId(), parameters.getString(MonitorService.MODEL),
                parameters.getLong(MonitorService.VERSION).intValue(), parameters.getLong(MonitorService.MODEL_VERSION_ID),
                parameters.getString(MonitorService.SUITE_NAME), parameters.getString(MonitorService.SUITE_SHA256), snapshotId,
                parameters.getString(MonitorService.LOGS), counts, measured.safetyFailureRate(), measured.formatFailureRate(),
                measured.piiLeakRate(), lengthPsi, tokenPsi, crossed.isEmpty(), crossed, OffsetDateTime.now(ZoneOffset.UTC));
        repository.insertRun(verdict, task.executionId().orElse(null));
        metrics.record(verdict);
        if (!crossed.isEmpty()) {
            contribution.setExitStatus(new ExitStatus(THRESHOLDS_CROSSED, String.join("\n", crossed)));
        }
        return RepeatStatus.FINISHED;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** PSI is undefined without production prompts; that case is the lines_scored threshold's. */
    private static Double measured(double psi) {
        return Double.isNaN(psi) ? null : psi;
    }
}
