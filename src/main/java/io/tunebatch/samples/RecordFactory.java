package io.tunebatch.samples;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes one domain's records in sequence from one random stream: mostly fresh records from the
 * domain's templates, and at fixed rates the plantings of {@link Planting}. Duplicates copy one of
 * the last ordinary records, so memory stays small however many records are written (only the
 * 3 % empty-input records are remembered, as 64-bit hashes).
 */
final class RecordFactory {

    /** A record and how it was planted; duplicateOf is the copied document's id, else null. */
    record Made(SampleRecord record, Planting planting, String duplicateOf) {
    }

    private static final int RECENT = 64;
    private static final List<String> ANNOTATORS = List.of("ann-004", "ann-011", "ann-017", "ann-023",
            "ann-042", "qa-lead-02");

    private final Domain domain;
    private final SplittableRandom random;
    private final SampleRecord[] recent = new SampleRecord[RECENT];
    private final Set<Long> emptyInputContents = new HashSet<>();
    private int remembered;
    private long nextOrdinal;

    RecordFactory(Domain domain, SplittableRandom random, long firstOrdinal) {
        this.domain = domain;
        this.random = random;
        this.nextOrdinal = firstOrdinal;
    }

    /**
     * The next record: 3 % exact and 2 % near duplicates, 4 % short outputs, 1 % each empty output
     * and blank instruction, 3 % empty input, the rest ordinary.
     */
    Made next() {
        int roll = random.nextInt(1000);
        Made made;
        if (roll < 30 && remembered > 0) {
            made = copy(Planting.EXACT_DUPLICATE);
        } else if (roll < 40 && remembered > 0) {
            made = copy(Planting.NEAR_DUPLICATE_CASE);
        } else if (roll < 50 && remembered > 0) {
            made = copy(Planting.NEAR_DUPLICATE_WHITESPACE);
        } else if (roll < 90) {
            made = new Made(withShortOutput(fresh()), Planting.SHORT_OUTPUT, null);
        } else if (roll < 100) {
            made = new Made(emptied(fresh(), "output"), Planting.EMPTY_OUTPUT, null);
        } else if (roll < 110) {
            made = new Made(emptied(fresh(), "instruction"), Planting.BLANK_INSTRUCTION, null);
        } else if (roll < 140) {
            made = new Made(withEmptyInput(), Planting.EMPTY_INPUT, null);
        } else {
            made = new Made(fresh(), Planting.ORIGINAL, null);
        }
        if (made.planting() == Planting.ORIGINAL) {
            remember(made.record());
        }
        return made;
    }

    /** A fresh record from a random template, with the annotation fields a real export has. */
    SampleRecord fresh() {
        Template template = domain.templates().get(random.nextInt(domain.templates().size()));
        String instruction = template.instructions().get(random.nextInt(template.instructions().size()));
        SlotValues slots = new SlotValues(random, domain.vocabulary());
        Template.Rendered input = Template.render("input", template.input(), slots);
        Template.Rendered output = Template.render("output", template.output(), slots);
        List<PlantedValue> planted = new ArrayList<>(input.planted());
        planted.addAll(output.planted());
        return annotated(instruction, input.text(), output.text(), planted);
    }

    private SampleRecord annotated(String instruction, String input, String output, List<PlantedValue> planted) {
        Domain.SourceSystem system = domain.sourceSystems().get(random.nextInt(domain.sourceSystems().size()));
        String documentId = system.documentId(nextOrdinal++);
        int annotation = random.nextInt(10);
        String annotator = annotation >= 7 ? ANNOTATORS.get(random.nextInt(ANNOTATORS.size())) : null;
        String status = switch (annotation) {
            case 5, 6 -> "pending";
            case 7, 8 -> "approved";
            case 9 -> "rejected";
            default -> null;
        };
        return new SampleRecord(system.name(), documentId, instruction, input, output, annotator, status, planted);
    }

    private Made copy(Planting planting) {
        SampleRecord original = recentPick();
        String instruction = switch (planting) {
            case NEAR_DUPLICATE_CASE -> random.nextBoolean()
                    ? original.instruction().toUpperCase(Locale.ROOT)
                    : original.instruction().toLowerCase(Locale.ROOT);
            case NEAR_DUPLICATE_WHITESPACE -> " " + original.instruction().replace(" ", "  ");
            default -> original.instruction();
        };
        String output = planting == Planting.NEAR_DUPLICATE_WHITESPACE ? original.output() + "\n" : original.output();
        SampleRecord copy = annotated(instruction, original.input(), output, original.planted());
        return new Made(copy, planting, original.sourceDocumentId());
    }

    private SampleRecord recentPick() {
        return recent[random.nextInt(Math.min(remembered, RECENT))];
    }

    private void remember(SampleRecord record) {
        recent[remembered++ % RECENT] = record;
    }

    /**
     * Without its input a record keeps only the output's entropy, which for some templates is a
     * first name; redraw until the content is new, so no duplicate arises that was not planted.
     */
    private SampleRecord withEmptyInput() {
        while (true) {
            SampleRecord record = emptied(fresh(), "input");
            long content = (long) record.instruction().hashCode() << 32 ^ record.output().hashCode();
            if (emptyInputContents.add(content)) {
                return record;
            }
        }
    }

    private SampleRecord withShortOutput(SampleRecord record) {
        String shortOutput = domain.shortOutputs().get(random.nextInt(domain.shortOutputs().size()));
        return replaced(record, "output", shortOutput);
    }

    private static SampleRecord emptied(SampleRecord record, String field) {
        return replaced(record, field, field.equals("instruction") ? "   " : "");
    }

    private static SampleRecord replaced(SampleRecord record, String field, String text) {
        List<PlantedValue> kept = record.planted().stream().filter(value -> !value.field().equals(field)).toList();
        return new SampleRecord(record.sourceSystem(), record.sourceDocumentId(),
                field.equals("instruction") ? text : record.instruction(),
                field.equals("input") ? text : record.input(),
                field.equals("output") ? text : record.output(),
                record.annotatorId(), record.reviewStatus(), kept);
    }
}
