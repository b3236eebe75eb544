package io.tunebatch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Turns a step's committed counters (long values its writer keeps in the step context) into
 * Micrometer counters, tagged with the job and step: at the end of each step execution it adds
 * what this execution committed, so a restarted step counts only its own work. One instance per
 * step definition.
 */
public final class StepCounters implements StepExecutionListener {

    private final MeterRegistry registry;
    private final String step;
    private final Map<String, String> meterByContextKey;
    private final Map<String, Long> atStart = new HashMap<>();

    /**
     * @param step               the step tag (the step's definition name, the same for all partitions)
     * @param meterByContextKey  step context key → counter name, e.g. {@code ingest.written → tunebatch.examples.written}
     */
    public StepCounters(MeterRegistry registry, String step, Map<String, String> meterByContextKey) {
        this.registry = registry;
        this.step = step;
        this.meterByContextKey = Map.copyOf(meterByContextKey);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        meterByContextKey.keySet().forEach(key -> atStart.put(key, stepExecution.getExecutionContext().getLong(key, 0L)));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        String job = stepExecution.getJobExecution().getJobInstance().getJobName();
        meterByContextKey.forEach((key, meter) -> {
            long committed = stepExecution.getExecutionContext().getLong(key, 0L) - atStart.getOrDefault(key, 0L);
            Counter.builder(meter).tag("job", job).tag("step", step).register(registry).increment(Math.max(committed, 0));
        });
        return null;
    }
}
