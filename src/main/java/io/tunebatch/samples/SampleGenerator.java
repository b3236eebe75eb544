package io.tunebatch.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a deterministic sample set: one data file per domain (support tickets, bank chats,
 * clinical notes) plus its ground truth under {@code ground-truth/}. The same options give
 * byte-identical files. Records stream straight to disk, so a million records need no more memory
 * than ten. The well-formed records depend only on the seed and the count, not on the format or
 * on {@code malformed}, so a CSV set holds the same rows as the JSONL set of the same seed.
 */
public final class SampleGenerator {

    public static final String GROUND_TRUTH_DIR = "ground-truth";
    /** Donor records for malformed lines get document ids from here on, apart from the real ones. */
    private static final long FIRST_DONOR_ORDINAL = 9_000_001;

    /** The data file names these options produce, in generation order. */
    public static List<String> fileNames(SampleFormat format) {
        return Domain.ALL.stream()
                .map(domain -> domain.fileName() + "." + format.formatFor(domain).extension())
                .toList();
    }

    public GenerationSummary generate(GeneratorOptions options) throws IOException {
        Path groundTruth = options.outDir().resolve(GROUND_TRUTH_DIR);
        Files.createDirectories(options.groundTruth() ? groundTruth : options.outDir());
        SplittableRandom root = new SplittableRandom(options.seed());
        List<GenerationSummary.FileSummary> files = new ArrayList<>();
        for (int d = 0; d < Domain.ALL.size(); d++) {
            Domain domain = Domain.ALL.get(d);
            // split in a fixed order so each domain's records never depend on the options
            SplittableRandom records = root.split();
            SplittableRandom defects = root.split();
            long count = options.records() / Domain.ALL.size() + (d < options.records() % Domain.ALL.size() ? 1 : 0);
            files.add(writeDomain(options, domain, count, records, defects, groundTruth));
        }
        return new GenerationSummary(options.outDir().toString(), options.seed(),
                options.groundTruth() ? groundTruth.toString() : null, files);
    }

    private GenerationSummary.FileSummary writeDomain(GeneratorOptions options, Domain domain, long count,
                                                      SplittableRandom records, SplittableRandom defects,
                                                      Path groundTruth) throws IOException {
        RecordFormat format = options.format().formatFor(domain);
        String fileName = domain.fileName() + "." + format.extension();
        RecordFactory factory = new RecordFactory(domain, records, 1);
        DefectPlan plan = options.malformed()
                ? DefectPlan.spread(format.malformations(), count, defects)
                : DefectPlan.NONE;
        RecordFactory donors = new RecordFactory(domain, defects, FIRST_DONOR_ORDINAL);
        Counts counts = new Counts();
        try (SampleFileWriter out = new SampleFileWriter(options.outDir().resolve(fileName), format.header());
             GroundTruthWriter truth = options.groundTruth()
                     ? GroundTruthWriter.open(groundTruth, fileName)
                     : GroundTruthWriter.none(fileName)) {
            for (long k = 0; k <= count; k++) {
                for (Malformation kind : plan.before(k)) {
                    SampleRecord donor = donors.fresh();
                    byte[] line = format.malformed(kind, donor, options.oversizeBytes(), defects);
                    truth.malformed(out.write(line), donor.sourceDocumentId(), kind, survivingPii(donor, line));
                    counts.malformed++;
                }
                if (k == count) {
                    break;
                }
                RecordFactory.Made made = factory.next();
                SampleRecord record = made.record();
                SampleFileWriter.Position at = out.write(format.encode(record));
                for (PlantedValue value : record.planted()) {
                    truth.value(at, record.sourceDocumentId(), value);
                    counts.count(value);
                }
                if (made.planting() != Planting.ORIGINAL) {
                    truth.planting(at, record.sourceDocumentId(), made.planting(), made.duplicateOf());
                    counts.plantings.merge(made.planting(), 1L, Long::sum);
                }
            }
            out.close();
            return counts.summary(fileName, format, count, out);
        }
    }

    /** The donor's PII values whose UTF-8 bytes are still in the (possibly cut or re-encoded) line. */
    private static List<String> survivingPii(SampleRecord donor, byte[] line) {
        String bytes = new String(line, StandardCharsets.ISO_8859_1);
        return donor.planted().stream()
                .filter(PlantedValue::pii)
                .map(PlantedValue::value)
                .distinct()
                .filter(value -> bytes.contains(new String(value.getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.ISO_8859_1)))
                .toList();
    }

    private static final class Counts {
        long malformed;
        long pii;
        long hardNegatives;
        final Map<Planting, Long> plantings = new EnumMap<>(Planting.class);

        void count(PlantedValue value) {
            if (value.pii()) {
                pii++;
            } else {
                hardNegatives++;
            }
        }

        GenerationSummary.FileSummary summary(String fileName, RecordFormat format, long records,
                                              SampleFileWriter out) {
            Map<String, Long> byLabel = new LinkedHashMap<>();
            plantings.forEach((planting, n) -> byLabel.put(planting.label(), n));
            return new GenerationSummary.FileSummary(fileName, format.extension(), records, malformed, out.lines(),
                    out.bytes(), pii, hardNegatives, byLabel);
        }
    }
}
