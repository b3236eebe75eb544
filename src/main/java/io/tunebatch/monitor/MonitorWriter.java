package io.tunebatch.monitor;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes a chunk of scored and malformed lines, and adds its prompt tokens to the run's bins, in
 * the chunk's transaction. Its counts are saved in the step context with the chunk, so they stay
 * exact across restarts.
 */
final class MonitorWriter implements ItemStreamWriter<MonitoredLine> {

    static final String SCORED = "monitor.scored";
    static final String OTHER_VERSION = "monitor.otherVersion";
    static final String MALFORMED = "monitor.malformed";
    static final String SAFETY_FAILURES = "monitor.safetyFailures";
    static final String FORMAT_CHECKED = "monitor.formatChecked";
    static final String FORMAT_FAILURES = "monitor.formatFailures";
    static final String PII_LEAKS = "monitor.piiLeaks";

    private final MonitorRepository repository;
    private final long jobInstanceId;
    private final long jobExecutionId;
    private LineCounts counts = new LineCounts(0, 0, 0, 0, 0, 0, 0, 0);

    MonitorWriter(MonitorRepository repository, long jobInstanceId, long jobExecutionId) {
        this.repository = repository;
        this.jobInstanceId = jobInstanceId;
        this.jobExecutionId = jobExecutionId;
    }

    @Override
    public void write(Chunk<? extends MonitoredLine> chunk) {
        List<MonitoredLine.Scored> scored = new ArrayList<>();
        List<MonitoredLine.Malformed> malformed = new ArrayList<>();
        long otherVersion = 0;
        long[] bins = new long[0];
        for (MonitoredLine line : chunk) {
            if (line instanceof MonitoredLine.Scored s) {
                scored.add(s);
                bins = add(bins, s.promptTokenBins());
            } else if (line instanceof MonitoredLine.Malformed m) {
                malformed.add(m);
            } else {
                otherVersion++;
            }
        }
        repository.insertLines(scored, jobInstanceId, jobExecutionId);
        repository.insertErrors(malformed, jobInstanceId, jobExecutionId);
        repository.addTokenBins(jobInstanceId, bins);
        counts = new LineCounts(counts.read() + chunk.size(), counts.scored() + scored.size(),
                counts.otherVersion() + otherVersion, counts.malformed() + malformed.size(),
                counts.safetyFailures() + scored.stream().filter(s -> !s.safetyPassed()).count(),
                counts.formatChecked() + scored.stream().filter(s -> s.formatPassed() != null).count(),
                counts.formatFailures() + scored.stream().filter(s -> Boolean.FALSE.equals(s.formatPassed())).count(),
                counts.piiLeaks() + scored.stream().filter(s -> s.piiEntities() > 0).count());
    }

    /** Every scored line of a run has the same number of bins (none without a training snapshot). */
    private static long[] add(long[] total, long[] line) {
        long[] sum = total.length == line.length ? total : new long[line.length];
        for (int i = 0; i < line.length; i++) {
            sum[i] += line[i];
        }
        return sum;
    }

    @Override
    public void open(ExecutionContext context) {
        counts = read(context);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(SCORED, counts.scored());
        context.putLong(OTHER_VERSION, counts.otherVersion());
        context.putLong(MALFORMED, counts.malformed());
        context.putLong(SAFETY_FAILURES, counts.safetyFailures());
        context.putLong(FORMAT_CHECKED, counts.formatChecked());
        context.putLong(FORMAT_FAILURES, counts.formatFailures());
        context.putLong(PII_LEAKS, counts.piiLeaks());
    }

    /** The counts a scoring step execution committed. */
    static LineCounts read(ExecutionContext context) {
        long scored = context.getLong(SCORED, 0L);
        long otherVersion = context.getLong(OTHER_VERSION, 0L);
        long malformed = context.getLong(MALFORMED, 0L);
        return new LineCounts(scored + otherVersion + malformed, scored, otherVersion, malformed,
                context.getLong(SAFETY_FAILURES, 0L), context.getLong(FORMAT_CHECKED, 0L),
                context.getLong(FORMAT_FAILURES, 0L), context.getLong(PII_LEAKS, 0L));
    }
}
