package io.tunebatch.drift;

import io.tunebatch.ingest.IngestItem;
import io.tunebatch.ingest.IngestProperties;
import io.tunebatch.ingest.ReadRecord;
import io.tunebatch.ingest.RecordMapper;
import io.tunebatch.ingest.SourceFiles;
import io.tunebatch.ingest.SourceRecordReader;
import io.tunebatch.lineage.ExampleContent;
import io.tunebatch.pii.PiiAnonymizer;
import io.tunebatch.pii.PiiDetector;
import io.tunebatch.pii.PiiSpan;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Profiles fresh source data read exactly as {@code prepare} ingests it (same files, formats and
 * field mapping), with the PII engine's verdict on each record. A field with findings is
 * anonymized with pii-scan's operators before it is measured, as the stored examples of every
 * reference were: a name and its {@code <PERSON>} placeholder count different tokens. Records
 * prepare would reject are counted, and the first few are kept as "file:line: reason" (reasons
 * never quote content).
 */
final class FreshData {

    static final int REJECTIONS_KEPT = 10;

    record Profiled(DatasetProfile profile, long rejected, List<String> firstRejections) {
    }

    private final IngestProperties ingest;
    private final PiiDetector pii;
    private final PiiAnonymizer anonymizer;

    FreshData(IngestProperties ingest, PiiDetector pii, PiiAnonymizer anonymizer) {
        this.ingest = ingest;
        this.pii = pii;
        this.anonymizer = anonymizer;
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
                    Scanned instruction = scan(content.instruction());
                    Scanned input = scan(content.input());
                    Scanned output = scan(content.output());
                    profile.add(instruction.text(), input.text(), output.text(), accepted.source().sourceSystem(),
                            instruction.hasPii() || input.hasPii() || output.hasPii());
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

    /** A field as pii-scan leaves it: anonymized where the engine found something. */
    private record Scanned(String text, boolean hasPii) {
    }

    private Scanned scan(String text) {
        List<PiiSpan> spans = pii.detect(text);
        return spans.isEmpty() ? new Scanned(text, false) : new Scanned(anonymizer.anonymize(text, spans), true);
    }
}
