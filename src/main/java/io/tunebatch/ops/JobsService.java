package io.tunebatch.ops;

import io.tunebatch.ops.JobExecutionView.StepView;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.tunebatch.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.DuplicateJobException;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** Listing, inspecting, restarting, stopping and abandoning job executions. */
@Service
public class JobsService {

    private static final Logger log = LoggerFactory.getLogger(JobsService.class);
    private static final Set<BatchStatus> LEFT_RUNNING = Set.of(BatchStatus.STARTED, BatchStatus.STARTING,
            BatchStatus.STOPPING, BatchStatus.UNKNOWN);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final NamedParameterJdbcTemplate jdbc;
    private final JobRegistry jobRegistry;
    private final List<JobRebuilder> rebuilders;
    private final AuditTrail audit;

    public JobsService(JobRepository jobRepository, JobOperator jobOperator, NamedParameterJdbcTemplate jdbc,
                       JobRegistry jobRegistry, List<JobRebuilder> rebuilders, AuditTrail audit) {
        this.audit = audit;
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.jdbc = jdbc;
        this.jobRegistry = jobRegistry;
        this.rebuilders = rebuilders;
    }

    /** Executions newest first, filtered by status, job name and start time when given. */
    public List<JobExecutionView> list(String status, String jobName, LocalDateTime since, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
                JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE 1 = 1""");
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        if (status != null) {
            sql.append(" AND e.STATUS = :status");
            params.addValue("status", status);
        }
        if (jobName != null) {
            sql.append(" AND i.JOB_NAME = :job");
            params.addValue("job", jobName);
        }
        if (since != null) {
            sql.append(" AND e.CREATE_TIME >= :since");
            params.addValue("since", since);
        }
        sql.append(" ORDER BY e.JOB_EXECUTION_ID DESC LIMIT :limit");
        return jdbc.queryForList(sql.toString(), params, Long.class).stream()
                .map(id -> view(jobRepository.getJobExecution(id), false)).toList();
    }

    public Optional<JobExecutionView> show(long executionId) {
        return find(executionId).map(e -> view(e, true));
    }

    public Optional<JobExecution> find(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException e) {
            // Batch 6's JDBC explorer throws instead of returning null for an unknown id
            return Optional.empty();
        }
    }

    /**
     * Restarts a failed or stopped execution. One left STARTED (its process was killed) is first
     * recovered, i.e. marked FAILED, so the restart can proceed. Only do that when the process that
     * ran it is really gone.
     */
    public JobExecution restart(long executionId) throws Exception {
        JobExecution execution = require(executionId);
        JobExecution latest = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (latest != null && latest.getId() != executionId) {
            throw new IllegalStateException("job execution " + executionId + " was restarted already, as job execution "
                    + latest.getId() + " (" + latest.getStatus() + "); only the latest execution of a job instance can be restarted");
        }
        if (LEFT_RUNNING.contains(execution.getStatus())) {
            log.warn("job execution {} is {}: recovering it as FAILED (its process is gone) before restarting",
                    executionId, execution.getStatus());
            execution = jobOperator.recover(execution);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
            throw new IllegalStateException("job execution " + executionId + " is " + execution.getStatus()
                    + " and cannot be restarted");
        }
        registerIfMissing(execution);
        record("job_restart_requested", execution, Map.of("status", execution.getStatus().name()));
        JobExecution restarted = jobOperator.restart(execution);
        record("job_restarted", execution, Map.of("restart_job_execution_id", restarted.getId(),
                "restart_status", restarted.getStatus().name()));
        return restarted;
    }

    /** A job that is not a bean (launched from a job definition) is rebuilt so this process can restart it. */
    private void registerIfMissing(JobExecution execution) throws DuplicateJobException {
        String jobName = execution.getJobInstance().getJobName();
        if (jobRegistry.getJobNames().contains(jobName)) {
            return;
        }
        for (JobRebuilder rebuilder : rebuilders) {
            Optional<Job> job = rebuilder.rebuild(execution);
            if (job.isPresent()) {
                jobRegistry.register(job.get());
                return;
            }
        }
    }

    /**
     * Asks a running execution, in whatever process runs it, to stop: it is marked STOPPING, and its
     * running step sees that at its next chunk commit and ends STOPPED (restartable). Not through
     * {@code JobOperator.stop}: Batch 6.0.4 also writes the running step execution from here, so the
     * process that runs it fails its next update on the version and leaves it UNKNOWN, never restartable.
     */
    public void stop(long executionId) throws JobExecutionNotRunningException {
        JobExecution execution = require(executionId);
        if (execution.getStatus() != BatchStatus.STARTED && execution.getStatus() != BatchStatus.STARTING) {
            throw new JobExecutionNotRunningException("job execution " + executionId + " is " + execution.getStatus());
        }
        String before = execution.getStatus().name();
        execution.setStatus(BatchStatus.STOPPING);
        jobRepository.update(execution);
        record("job_stop_requested", execution, Map.of("status_before", before));
    }

    public JobExecution abandon(long executionId) throws Exception {
        JobExecution execution = require(executionId);
        String before = execution.getStatus().name();
        JobExecution abandoned = jobOperator.abandon(execution);
        record("job_abandoned", execution, Map.of("status_before", before));
        return abandoned;
    }

    /**
     * Every change an operator makes to an execution goes to the audit trail, by the OS user who ran
     * the command; the command line itself is in the process's TASK_EXECUTION / TASK_EXECUTION_PARAMS.
     */
    private void record(String action, JobExecution execution, Map<String, ?> detail) {
        Map<String, Object> withJob = new LinkedHashMap<>(detail);
        withJob.put("job_name", execution.getJobInstance().getJobName());
        audit.record(System.getProperty("user.name", "unknown"), action, "job_execution", String.valueOf(execution.getId()), withJob);
    }

    private JobExecution require(long executionId) {
        return find(executionId).orElseThrow(() -> new IllegalArgumentException(
                "no job execution " + executionId + "; see `tunebatch jobs list`"));
    }

    private static JobExecutionView view(JobExecution e, boolean withSteps) {
        Map<String, String> parameters = new LinkedHashMap<>();
        e.getJobParameters().parameters().forEach(p -> parameters.put(p.name(), String.valueOf(p.value())));
        List<StepView> steps = new ArrayList<>();
        if (withSteps) {
            e.getStepExecutions().forEach(s -> steps.add(new StepView(s.getId(), s.getStepName(), s.getStatus().name(),
                    s.getReadCount(), s.getWriteCount(), s.getFilterCount(), s.getCommitCount(), s.getRollbackCount(),
                    ExitMessages.firstLine(s.getExitStatus().getExitDescription()), s.getStartTime(), s.getEndTime())));
        }
        return new JobExecutionView(e.getId(), e.getJobInstance().getInstanceId(), e.getJobInstance().getJobName(),
                e.getStatus().name(), e.getExitStatus().getExitCode(), ExitMessages.firstLine(e.getExitStatus().getExitDescription()),
                e.getStartTime(), e.getEndTime(), parameters, steps);
    }
}
