package io.tunebatch.ops;

import org.springframework.batch.core.job.JobExecution;

/** Spring Batch stores a failure's whole stack trace as the exit description; people need its first line. */
public final class ExitMessages {

    private ExitMessages() {
    }

    /**
     * Why a job ended as it did: the first line of its exit description, or, when a flow left
     * that empty, of its first failed step's.
     */
    public static String of(JobExecution execution) {
        String job = firstLine(execution.getExitStatus().getExitDescription());
        if (job != null) {
            return job;
        }
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStatus().isUnsuccessful())
                .map(step -> firstLine(step.getExitStatus().getExitDescription()))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The first line of an exit description, or null when there is none. */
    public static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        int newline = description.indexOf('\n');
        return newline < 0 ? description : description.substring(0, newline);
    }
}
