package io.tunebatch.ops;

import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;

/**
 * Rebuilds a job that is not a bean (e.g. one launched from a job definition, named after it) so a
 * new process can restart its execution. Empty when the execution is not one of its jobs.
 */
public interface JobRebuilder {

    Optional<Job> rebuild(JobExecution execution);
}
