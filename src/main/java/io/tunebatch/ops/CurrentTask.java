package io.tunebatch.ops;

import org.springframework.cloud.task.listener.TaskExecutionListener;
import org.springframework.cloud.task.repository.TaskExecution;
import org.springframework.stereotype.Component;

/** The Spring Cloud Task execution of this process, so that records we write can point at it. */
@Component
public class CurrentTask implements TaskExecutionListener {

    private volatile Long executionId;

    @Override
    public void onTaskStartup(TaskExecution taskExecution) {
        executionId = taskExecution.getExecutionId();
    }

    /** The TASK_EXECUTION id, or null when not running as a task (some tests). */
    public Long executionId() {
        return executionId;
    }
}
