package io.tunebatch.samples;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A kind of enterprise source: the file it lands in, the systems that export it (with their
 * document id style), its record templates, the words its slots draw from, and the terse outputs
 * annotators sometimes leave (fewer than ten words, for the output_too_short rule).
 */
record Domain(String fileName, List<SourceSystem> sourceSystems, List<Template> templates,
              Map<String, Function<SplittableRandom, String>> vocabulary, List<String> shortOutputs) {

    /** A system exporting this domain; document ids are the prefix plus a zero-padded ordinal. */
    record SourceSystem(String name, String documentPrefix) {

        String documentId(long ordinal) {
            return documentPrefix + PiiValues.padded(ordinal, 7);
        }
    }

    static final List<Domain> ALL = List.of(SupportTickets.DOMAIN, BankChats.DOMAIN, ClinicalNotes.DOMAIN);

    Domain {
        sourceSystems = List.copyOf(sourceSystems);
        templates = List.copyOf(templates);
        vocabulary = Map.copyOf(vocabulary);
        shortOutputs = List.copyOf(shortOutputs);
    }

    static Function<SplittableRandom, String> oneOf(String... words) {
        return random -> words[random.nextInt(words.length)];
    }

    static Function<SplittableRandom, String> between(int lowest, int highest) {
        return random -> Integer.toString(lowest + random.nextInt(highest - lowest + 1));
    }
}
