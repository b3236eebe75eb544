package io.tunebatch.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.job.JobExecution;

/** Spring Batch stores a failure's whole stack trace as the exit description; people need its first line. */
public final class ExitMessages {

    private static final String PARTITION_FAILED = "Partition handler returned an unsuccessful step";

    private ExitMessages() {
    }

    /**
     * Why a job ended as it did: the first line of its exit description, or of its failed steps'
     * when a flow left the job's empty, skipping a partition manager's "a partition failed" for the
     * failed partition's own reason.
     */
    public static String of(JobExecution execution) {
        List<String> reasons = new ArrayList<>();
        reasons.add(firstLine(execution.getExitStatus().getExitDescription()));
        execution.getStepExecutions().stream().filter(step -> step.getStatus().isUnsuccessful())
                .forEach(step -> reasons.add(firstLine(step.getExitStatus().getExitDescription())));
        List<String> known = reasons.stream().filter(Objects::nonNull).toList();
        return known.stream().filter(reason -> !reason.contains(PARTITION_FAILED)).findFirst()
                .orElse(known.isEmpty() ? null : known.get(0));
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
