package io.tunebatch.drift;

import io.tunebatch.ingest.IngestItem;
import io.tunebatch.ingest.IngestProperties;
import io.tunebatch.ingest.ReadRecord;
import io.tunebatch.ingest.RecordMapper;
import io.tunebatch.ingest.SourceFiles;
import io.tunebatch.ingest.SourceRecordReader;
import io.tunebatch.lineage.ExampleContent;
import io.tunebatch.pii.PiiDetector;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Profiles fresh source data read exactly as {@code prepare} ingests it (same files, formats and
 * field mapping), with the PII engine's verdict on each record. Records prepare would reject are
 * counted, and the first few are kept as "file:line: reason" (reasons never quote content).
 */
final class FreshData {

    static final int REJECTIONS_KEPT = 10;

    record Profiled(DatasetProfile profile, long rejected, List<String> firstRejections) {
    }

    private final IngestProperties ingest;
    private final PiiDetector pii;

    FreshData(IngestProperties ingest, PiiDetector pii) {
        this.ingest = ingest;
        this.pii = pii;
    }

    Profiled profile(String source, String sourceSystem) throws Exception {
        DatasetProfile profile = new DatasetProfile();
        RecordMapper mapper = new RecordMapper(ingest.fields(), sourceSystem);
        SourceRecordReader reader = new SourceRecordReader(SourceFiles.resolve(source), ingest.maxRecordBytes());
        long rejected = 0;
        List<String> firstRejections = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (ReadRecord record = reader.read(); record != null; record = reader.read()) {
                IngestItem item = mapper.process(record);
                if (item instanceof IngestItem.Accepted accepted) {
                    ExampleContent content = accepted.content();
                    boolean hasPii = !pii.detect(content.instruction()).isEmpty() || !pii.detect(content.input()).isEmpty()
                            || !pii.detect(content.output()).isEmpty();
                    profile.add(content.instruction(), content.input(), content.output(), accepted.source().sourceSystem(),
                            hasPii);
                } else {
                    IngestItem.Rejected rejection = (IngestItem.Rejected) item;
                    if (++rejected <= REJECTIONS_KEPT) {
                        firstRejections.add(rejection.location() + ": " + rejection.reason());
                    }
                }
            }
        } finally {
            reader.close();
        }
        return new Profiled(profile, rejected, firstRejections);
    }
}
