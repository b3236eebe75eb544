package io.tunebatch.pii;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Detects PII in every field, anonymizes what it found and seals the original of each flagged field. */
final class PiiScanProcessor implements ItemProcessor<ExampleText, ScannedExample> {

    private final PiiDetector detector;
    private final PiiAnonymizer anonymizer;
    private final FieldCipher cipher;

    PiiScanProcessor(PiiDetector detector, PiiAnonymizer anonymizer, FieldCipher cipher) {
        this.detector = detector;
        this.anonymizer = anonymizer;
        this.cipher = cipher;
    }

    @Override
    public ScannedExample process(ExampleText example) {
        Map<String, ScannedExample.FieldScan> scans = new LinkedHashMap<>();
        example.fields().forEach((field, text) -> {
            List<PiiSpan> spans = detector.detect(text);
            scans.put(field, spans.isEmpty()
                    ? new ScannedExample.FieldScan(text, spans, null)
                    : new ScannedExample.FieldScan(anonymizer.anonymize(text, spans), spans, cipher.seal(text)));
        });
        return new ScannedExample(example.exampleId(), scans);
    }
}
