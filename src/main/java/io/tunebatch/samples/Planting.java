package io.tunebatch.samples;

import java.util.Locale;

/**
 * What the generator did to a well-formed record on purpose, beyond planting PII: the cases the
 * prepare job's dedup and validation rules must catch. ORIGINAL is an ordinary record.
 */
enum Planting {
    ORIGINAL,
    /** Same instruction, input and output as an earlier document, possibly from the other source system. */
    EXACT_DUPLICATE,
    /** An earlier record with the instruction's letter case changed. */
    NEAR_DUPLICATE_CASE,
    /** An earlier record with extra spaces in the instruction and a trailing newline on the output. */
    NEAR_DUPLICATE_WHITESPACE,
    /** An output of fewer than ten words. */
    SHORT_OUTPUT,
    EMPTY_OUTPUT,
    /** An instruction of spaces only. */
    BLANK_INSTRUCTION,
    EMPTY_INPUT;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
