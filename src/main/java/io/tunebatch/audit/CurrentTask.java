package io.tunebatch.audit;

import java.util.Optional;
import org.springframework.cloud.task.listener.TaskExecutionListener;
import org.springframework.cloud.task.repository.TaskExecution;
import org.springframework.stereotype.Component;

/**
 * The Spring Cloud Task execution of this process (one per command), so that every audit row
 * can be joined to {@code TASK_EXECUTION}. Empty outside a task (plain tests, tools).
 */
@Component
public class CurrentTask implements TaskExecutionListener {

    private volatile Long executionId;

    @Override
    public void onTaskStartup(TaskExecution taskExecution) {
        executionId = taskExecution.getExecutionId();
    }

    public Optional<Long> executionId() {
        return Optional.ofNullable(executionId);
    }
}
