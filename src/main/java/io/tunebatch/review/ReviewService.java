package io.tunebatch.review;

import io.tunebatch.ingest.CsvParser;
import io.tunebatch.ingest.ReadRecord;
import io.tunebatch.lineage.ReviewStatus;
import io.tunebatch.audit.CurrentTask;
import io.tunebatch.pii.FieldCipher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human review outside the job: the queue, a reviewer's look at the originals (recorded), and
 * decisions from the command line or from an annotation tool's CSV export.
 */
@Service
public class ReviewService {

    /** CSV import columns; {@code note} and {@code decided_at} are optional. */
    static final List<String> CSV_COLUMNS = List.of("example_id", "decision", "annotator", "note", "decided_at");

    private final ReviewRepository repository;
    private final FieldCipher cipher;
    private final CurrentTask currentTask;
    private final ReviewPolicy policy;

    public ReviewService(ReviewRepository repository, FieldCipher cipher, CurrentTask currentTask,
                         @Value("${tunebatch.review.policy:flagged}") ReviewPolicy policy) {
        this.repository = repository;
        this.cipher = cipher;
        this.currentTask = currentTask;
        this.policy = policy;
    }

    public ReviewPolicy policy() {
        return policy;
    }

    public List<ReviewItem> pending(int limit) {
        return repository.pending(policy, limit);
    }

    public long countPending() {
        return repository.countPending(policy);
    }

    /** The example with its decrypted originals; the decryption is recorded before anything is shown. */
    @Transactional("transactionManager")
    public Optional<ReviewItem> show(String exampleId, String reviewer) {
        List<ReviewRepository.SealedOriginal> sealed = repository.sealedOriginals(exampleId);
        Map<String, String> originals = new LinkedHashMap<>();
        if (!sealed.isEmpty()) {
            repository.recordAccess(exampleId, reviewer, "review show", now(), currentTask.executionId().orElse(null));
            sealed.forEach(s -> originals.put(s.field(), cipher.open(s.ciphertext(), s.keyId())));
        }
        return repository.find(exampleId, originals);
    }

    /** Records one decision per example, all or nothing; unknown ids are refused. */
    @Transactional("transactionManager")
    public List<ReviewDecision> decide(List<String> exampleIds, ReviewStatus decision, String annotator, String note) {
        requireAnnotator(annotator);
        Set<String> unknown = new LinkedHashSet<>(exampleIds);
        unknown.removeAll(repository.existing(exampleIds));
        if (!unknown.isEmpty()) {
            throw new ReviewInputException("unknown example id(s): " + String.join(", ", unknown) + "; nothing was recorded");
        }
        OffsetDateTime now = now();
        List<ReviewDecision> decisions = exampleIds.stream()
                .map(id -> new ReviewDecision(id, decision, annotator, note, "cli", now)).toList();
        repository.recordDecisions(decisions, currentTask.executionId().orElse(null));
        return decisions;
    }

    /**
     * Imports decisions exported by an annotation tool: a CSV with a header naming at least
     * {@code example_id, decision, annotator}. Every line is checked first; one bad line and
     * nothing is recorded, with every problem listed by line and field.
     */
    @Transactional("transactionManager")
    public List<ReviewDecision> importCsv(Path file) {
        List<ReviewDecision> decisions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String channel = "csv:" + file.getFileName();
        try (CsvParser csv = CsvParser.open(file, 1 << 20)) {
            for (ReadRecord record = csv.next(); record != null; record = csv.next()) {
                String at = file + ":" + record.location().lineNumber();
                if (record instanceof ReadRecord.Unreadable bad) {
                    problems.add(at + ": " + bad.reason());
                    continue;
                }
                parseDecision(((ReadRecord.Parsed) record).fields(), channel, at, problems).ifPresent(decisions::add);
            }
        } catch (IOException e) {
            throw new ReviewInputException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        Set<String> ids = new LinkedHashSet<>(decisions.stream().map(ReviewDecision::exampleId).toList());
        if (!ids.isEmpty()) {
            ids.removeAll(repository.existing(ids));
            ids.forEach(id -> problems.add(file + ": field 'example_id': unknown example id " + id));
        }
        if (!problems.isEmpty()) {
            throw new ReviewInputException("nothing imported; fix these and import again:\n  " + String.join("\n  ", problems));
        }
        repository.recordDecisions(decisions, currentTask.executionId().orElse(null));
        return decisions;
    }

    private static Optional<ReviewDecision> parseDecision(Map<String, Object> fields, String channel, String at,
                                                          List<String> problems) {
        int before = problems.size();
        String id = text(fields, "example_id", at, problems, true);
        String decisionText = text(fields, "decision", at, problems, true);
        String annotator = text(fields, "annotator", at, problems, true);
        String note = text(fields, "note", at, problems, false);
        String decidedAt = text(fields, "decided_at", at, problems, false);
        Optional<ReviewStatus> decision = Optional.ofNullable(decisionText).flatMap(ReviewStatus::parse)
                .filter(s -> s != ReviewStatus.PENDING);
        if (decisionText != null && decision.isEmpty()) {
            problems.add(at + ": field 'decision': must be approved or rejected");
        }
        OffsetDateTime when = now();
        if (decidedAt != null) {
            try {
                when = OffsetDateTime.parse(decidedAt);
            } catch (DateTimeParseException e) {
                problems.add(at + ": field 'decided_at': not an ISO-8601 timestamp with offset (e.g. 2026-01-31T09:00:00Z)");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ReviewDecision(id, decision.orElseThrow(), annotator, note, channel, when));
    }

    private static String text(Map<String, Object> fields, String name, String at, List<String> problems, boolean required) {
        Object value = fields.get(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                problems.add(at + ": field '" + name + "': missing");
            }
            return null;
        }
        return value.toString().strip();
    }

    private static void requireAnnotator(String annotator) {
        if (annotator == null || annotator.isBlank()) {
            throw new ReviewInputException("--annotator is required: decisions are recorded with who made them");
        }
    }

    private static OffsetDateTime now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
