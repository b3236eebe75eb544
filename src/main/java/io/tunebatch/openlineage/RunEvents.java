package io.tunebatch.openlineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.tunebatch.ops.ExitMessages;
import io.tunebatch.snapshot.DatasetSnapshot;
import io.tunebatch.snapshot.SnapshotRepository;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Emits an OpenLineage run event when a job or step execution starts and when it ends (COMPLETE,
 * FAIL, or ABORT when stopped). A job execution is one run of job {@code <job name>}, a step
 * execution one run of job {@code <job name>.<step name>} whose parent is the job's run. Run ids are
 * derived from the execution ids, so START and end events match without keeping state.
 *
 * <p>Datasets: a job parameter {@code source} is an input ({@code file} namespace, the path); a
 * parameter {@code snapshotId} is an input dataset snapshot; a snapshot the job instance sealed is
 * the output. Snapshots carry the facet {@code tunebatch_snapshot} (id, fingerprint, example and
 * source counts) and, as output, the output statistics. Events hold ids, counts and the first line
 * of an error, never example text. A lineage backend being unreachable never fails a job.
 */
class RunEvents implements JobExecutionListener, StepExecutionListener {

    static final URI PRODUCER = URI.create("urn:io.tunebatch:tunebatch");
    private static final Logger log = LoggerFactory.getLogger(RunEvents.class);

    private final OpenLineageClient client;
    private final String namespace;
    private final SnapshotRepository snapshots;
    private final OpenLineage ol = new OpenLineage(PRODUCER);

    RunEvents(OpenLineageClient client, String namespace, SnapshotRepository snapshots) {
        this.client = client;
        this.namespace = namespace;
        this.snapshots = snapshots;
    }

    @Override
    public void beforeJob(JobExecution job) {
        emit(OpenLineage.RunEvent.EventType.START, jobRun(job, null), jobName(job), inputs(job), List.of());
    }

    @Override
    public void afterJob(JobExecution job) {
        List<OpenLineage.OutputDataset> outputs = job.getStatus() == BatchStatus.COMPLETED
                ? snapshots.findByJobInstance(job.getJobInstance().getInstanceId()).map(s -> List.of(output(s))).orElse(List.of())
                : List.of();
        emit(end(job.getStatus()), jobRun(job, error(job.getStatus(), job.getAllFailureExceptions())), jobName(job), inputs(job), outputs);
    }

    @Override
    public void beforeStep(StepExecution step) {
        emit(OpenLineage.RunEvent.EventType.START, stepRun(step, false), stepName(step), List.of(), List.of());
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        emit(end(step.getStatus()), stepRun(step, true), stepName(step), List.of(), List.of());
        return null;
    }

    private void emit(OpenLineage.RunEvent.EventType type, OpenLineage.Run run, String job,
                      List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
        try {
            client.emit(ol.newRunEvent(ZonedDateTime.now(ZoneOffset.UTC), type, run, ol.newJob(namespace, job, null), inputs, outputs));
        } catch (RuntimeException e) {
            log.warn("OpenLineage {} event of {} not delivered: {}", type, job, e.getMessage());
        }
    }

    private OpenLineage.Run jobRun(JobExecution job, OpenLineage.ErrorMessageRunFacet error) {
        OpenLineage.DefaultRunFacet batch = new OpenLineage.DefaultRunFacet(PRODUCER);
        batch.getAdditionalProperties().put("jobExecutionId", job.getId());
        batch.getAdditionalProperties().put("jobInstanceId", job.getJobInstance().getInstanceId());
        batch.getAdditionalProperties().put("status", job.getStatus().name());
        OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder().put("tunebatch_job", batch);
        if (error != null) {
            facets.errorMessage(error);
        }
        return ol.newRun(runId("job", job.getId()), facets.build());
    }

    private OpenLineage.Run stepRun(StepExecution step, boolean ended) {
        JobExecution job = step.getJobExecution();
        OpenLineage.DefaultRunFacet batch = new OpenLineage.DefaultRunFacet(PRODUCER);
        batch.getAdditionalProperties().put("stepExecutionId", step.getId());
        batch.getAdditionalProperties().put("jobExecutionId", job.getId());
        batch.getAdditionalProperties().put("status", step.getStatus().name());
        if (ended) {
            batch.getAdditionalProperties().put("readCount", step.getReadCount());
            batch.getAdditionalProperties().put("writeCount", step.getWriteCount());
            batch.getAdditionalProperties().put("filterCount", step.getFilterCount());
            batch.getAdditionalProperties().put("skipCount", step.getSkipCount());
            batch.getAdditionalProperties().put("commitCount", step.getCommitCount());
            batch.getAdditionalProperties().put("rollbackCount", step.getRollbackCount());
        }
        OpenLineage.ParentRunFacet parent = ol.newParentRunFacet(
                ol.newParentRunFacetRun(runId("job", job.getId()), null),
                ol.newParentRunFacetJob(namespace, jobName(job), null), null);
        OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder().parent(parent).put("tunebatch_step", batch);
        OpenLineage.ErrorMessageRunFacet error = ended ? error(step.getStatus(), step.getFailureExceptions()) : null;
        if (error != null) {
            facets.errorMessage(error);
        }
        return ol.newRun(runId("step", step.getId()), facets.build());
    }

    private List<OpenLineage.InputDataset> inputs(JobExecution job) {
        List<OpenLineage.InputDataset> inputs = new ArrayList<>();
        String source = job.getJobParameters().getString("source");
        if (source != null) {
            inputs.add(ol.newInputDataset("file", Path.of(source).toAbsolutePath().normalize().toString(), null, null));
        }
        String snapshotId = job.getJobParameters().getString("snapshotId");
        if (snapshotId != null) {
            snapshots.find(snapshotId).ifPresent(s -> inputs.add(ol.newInputDataset(namespace, datasetName(s), snapshotFacets(s), null)));
        }
        return inputs;
    }

    private OpenLineage.OutputDataset output(DatasetSnapshot snapshot) {
        return ol.newOutputDataset(namespace, datasetName(snapshot), snapshotFacets(snapshot),
                ol.newOutputDatasetOutputFacetsBuilder()
                        .outputStatistics(ol.newOutputStatisticsOutputDatasetFacet(snapshot.exampleCount(), null, null)).build());
    }

    private OpenLineage.DatasetFacets snapshotFacets(DatasetSnapshot snapshot) {
        OpenLineage.DefaultDatasetFacet facet = new OpenLineage.DefaultDatasetFacet(PRODUCER, null);
        facet.getAdditionalProperties().put("snapshotId", snapshot.id());
        facet.getAdditionalProperties().put("fingerprint", snapshot.fingerprint());
        facet.getAdditionalProperties().put("exampleCount", snapshot.exampleCount());
        facet.getAdditionalProperties().put("sourceCount", snapshot.sourceCount());
        return ol.newDatasetFacetsBuilder().put("tunebatch_snapshot", facet).build();
    }

    /**
     * The first line of the innermost cause (Batch wraps the real problem, e.g. in "Unable to
     * process chunk"); no stack trace. The job repository's exit description already holds the same.
     */
    private OpenLineage.ErrorMessageRunFacet error(BatchStatus status, List<Throwable> failures) {
        if (status == BatchStatus.COMPLETED || failures.isEmpty()) {
            return null;
        }
        Throwable root = failures.get(0);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = ExitMessages.firstLine(root.getMessage());
        return ol.newErrorMessageRunFacet(root.getClass().getSimpleName() + (message == null ? "" : ": " + message), "JAVA", null);
    }

    private static OpenLineage.RunEvent.EventType end(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> OpenLineage.RunEvent.EventType.COMPLETE;
            case STOPPED, STOPPING, ABANDONED -> OpenLineage.RunEvent.EventType.ABORT;
            default -> OpenLineage.RunEvent.EventType.FAIL;
        };
    }

    private static String jobName(JobExecution job) {
        return job.getJobInstance().getJobName();
    }

    private static String stepName(StepExecution step) {
        return jobName(step.getJobExecution()) + "." + step.getStepName();
    }

    private static String datasetName(DatasetSnapshot snapshot) {
        return "dataset_snapshot/" + snapshot.id();
    }

    /** Name-based (v3) UUID of the execution, the same for its START and end events. */
    static UUID runId(String kind, long executionId) {
        return UUID.nameUUIDFromBytes(("tunebatch/" + kind + "-execution/" + executionId).getBytes(StandardCharsets.UTF_8));
    }
}
