package io.tunebatch.ops;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** A job execution as ops see it in {@code jobs list/show}. */
public record JobExecutionView(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode,
                               String exitMessage, LocalDateTime startTime, LocalDateTime endTime,
                               Map<String, String> parameters, List<StepView> steps) {

    /** One step execution with its counts. */
    public record StepView(long stepExecutionId, String stepName, String status, long readCount, long writeCount,
                           long filterCount, long commitCount, long rollbackCount, String exitMessage,
                           LocalDateTime startTime, LocalDateTime endTime) {
    }
}
