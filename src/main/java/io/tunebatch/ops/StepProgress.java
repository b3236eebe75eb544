package io.tunebatch.ops;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of a long chunked step on stderr: at most one line every few seconds with the items
 * done and the rate, and one line when the step ends. One instance per step.
 */
public final class StepProgress implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(StepProgress.class);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private String stepName = "step";
    private long started;
    private long lastReport;
    private long items;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        stepName = stepExecution.getStepName();
        started = lastReport = System.nanoTime();
        items = 0;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        items += chunk.size();
        long now = System.nanoTime();
        if (now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            log.info("{}: {} items ({}/s)", stepName, items, rate(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.info("{}: {} after {} items read in {} ms", stepName, stepExecution.getStatus(),
                stepExecution.getReadCount(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return null;
    }

    private long rate(long now) {
        double seconds = (now - started) / 1e9;
        return seconds <= 0 ? items : Math.round(items / seconds);
    }
}
