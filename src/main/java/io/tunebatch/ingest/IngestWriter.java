package io.tunebatch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes a chunk in one transaction: new examples, lineage rows, rejected records. Its counts
 * are saved in the step context with the chunk, so they stay exact across restarts:
 * read = written + deduplicated + rejected.
 */
final class IngestWriter implements ItemStreamWriter<IngestItem> {

    static final String WRITTEN = "ingest.written";
    static final String DEDUPLICATED = "ingest.deduplicated";
    static final String REJECTED = "ingest.rejected";

    private final IngestRepository repository;
    private final long jobExecutionId;
    private final long skipLimit;
    private long written;
    private long deduplicated;
    private long rejected;

    IngestWriter(IngestRepository repository, long jobExecutionId, long skipLimit) {
        this.repository = repository;
        this.jobExecutionId = jobExecutionId;
        this.skipLimit = skipLimit;
    }

    @Override
    public void write(Chunk<? extends IngestItem> chunk) {
        List<IngestItem.Accepted> accepted = new ArrayList<>();
        List<IngestItem.Rejected> rejections = new ArrayList<>();
        for (IngestItem item : chunk) {
            if (item instanceof IngestItem.Accepted a) {
                accepted.add(a);
            } else {
                rejections.add((IngestItem.Rejected) item);
            }
        }
        if (rejected + rejections.size() > skipLimit) {
            throw new RejectedRecordLimitException(rejected + rejections.size(), skipLimit, rejections.get(0).location());
        }
        writeExamples(accepted);
        writeLineage(accepted);
        repository.insertRejected(rejections, jobExecutionId);
        rejected += rejections.size();
    }

    private void writeExamples(List<IngestItem.Accepted> accepted) {
        Map<String, IngestItem.Accepted> firstById = new LinkedHashMap<>();
        accepted.forEach(a -> firstById.putIfAbsent(a.content().exampleId(), a));
        Set<String> existing = repository.existingExampleIds(firstById.keySet());
        List<IngestItem.Accepted> fresh = firstById.values().stream()
                .filter(a -> !existing.contains(a.content().exampleId())).toList();
        repository.insertExamples(fresh, jobExecutionId);
        written += fresh.size();
        deduplicated += accepted.size() - fresh.size();
    }

    private void writeLineage(List<IngestItem.Accepted> accepted) {
        Set<String> known = new java.util.HashSet<>(repository.existingLineageKeys(
                accepted.stream().map(a -> a.content().exampleId()).distinct().toList()));
        List<IngestItem.Accepted> fresh = accepted.stream()
                .filter(a -> known.add(IngestRepository.lineageKey(
                        a.content().exampleId(), a.source().sourceUri(), a.source().recordNumber())))
                .toList();
        repository.insertLineage(fresh, jobExecutionId);
    }

    @Override
    public void open(ExecutionContext context) {
        written = context.getLong(WRITTEN, 0L);
        deduplicated = context.getLong(DEDUPLICATED, 0L);
        rejected = context.getLong(REJECTED, 0L);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(WRITTEN, written);
        context.putLong(DEDUPLICATED, deduplicated);
        context.putLong(REJECTED, rejected);
    }
}
