package io.tunebatch.cli;

import io.tunebatch.evaluate.GateFailedException;
import io.tunebatch.ops.ExitMessages;
import java.util.function.Consumer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/** Prints a finished job's summary and turns its status into the process exit code. */
final class JobOutcome {

    /** Exit code of a job that did not complete. */
    static final int JOB_FAILED = 3;

    private JobOutcome() {
    }

    static <T> int report(JobExecution execution, T summary, boolean json, Consumer<T> text) {
        if (json) {
            Output.json(summary);
        } else {
            text.accept(summary);
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return 0;
        }
        String message = ExitMessages.of(execution);
        System.err.printf("error: job %s ended %s (job execution %d)%s%n  %s%n",
                execution.getJobInstance().getJobName(), execution.getStatus(), execution.getId(),
                message == null ? "" : ": " + message, nextStep(execution));
        return JOB_FAILED;
    }

    /** A restart re-evaluates the same adapter, so a missed gate calls for a new run instead. */
    private static String nextStep(JobExecution execution) {
        if (execution.getAllFailureExceptions().stream().anyMatch(GateFailedException.class::isInstance)) {
            return "The adapter missed the evaluation gate; restarting would evaluate the same adapter again. "
                    + "Change the training data, hyper-parameters or suite, then launch a new run.";
        }
        return "Fix the cause, then run: tunebatch jobs restart " + execution.getId();
    }
}
