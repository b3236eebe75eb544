package io.tunebatch.samples;

import java.util.List;
import java.util.SplittableRandom;

/** How records become bytes in one file format, and how that format's lines get broken. */
interface RecordFormat {

    String extension();

    /** Bytes before the first record (the CSV header row); empty for JSONL. */
    byte[] header();

    /** One record, newline-terminated, UTF-8. */
    byte[] encode(SampleRecord record);

    /** The defects {@code --malformed} plants in a file of this format, in file order. */
    List<Malformation> malformations();

    byte[] malformed(Malformation kind, SampleRecord donor, int oversizeBytes, SplittableRandom random);
}
