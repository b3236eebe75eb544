package io.tunebatch.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Maps each record with the field mapping and source system of the source its file belongs to. */
final class SourceRoutingMapper implements ItemProcessor<ReadRecord, IngestItem> {

    private final Map<String, RecordMapper> byFile = new HashMap<>();

    SourceRoutingMapper(List<SourceSpec> sources) {
        for (SourceSpec source : sources) {
            RecordMapper mapper = new RecordMapper(source.fields(), source.sourceSystem());
            source.files().forEach(file -> byFile.putIfAbsent(SourceRecordReader.uriOf(file), mapper));
        }
    }

    @Override
    public IngestItem process(ReadRecord record) {
        return byFile.get(record.location().sourceUri()).process(record);
    }
}
