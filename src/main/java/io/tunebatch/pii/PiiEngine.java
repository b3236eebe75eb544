package io.tunebatch.pii;

import io.tunebatch.pii.recognizer.StandardRecognizers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link PiiDetector}: runs every enabled recognizer, adjusts scores by context, keeps the
 * candidates at or above the threshold and resolves overlaps. Where candidates overlap, a value
 * whose structure is checked (e-mail, IBAN, card, SSN, IP address) beats a free-text guess
 * (address, person, location, ...) however long the guess ("Visa 4111 1111 1111 1111" is a card
 * after a word, not a street and a number); otherwise the longer one wins (a phone-looking run
 * inside an IBAN, a card or an e-mail address loses), then, for the same text, the more strictly
 * validated entity type, then the higher score. Stateless apart from
 * its immutable configuration, so one instance serves all threads.
 */
public final class PiiEngine implements PiiDetector {

    /**
     * Which of two candidates for the same text is kept: the one whose structure is checked more
     * strictly (a dash-formatted SSN is also a possible phone number).
     */
    private static final List<String> SPECIFICITY = List.of(EntityTypes.EMAIL_ADDRESS, EntityTypes.IBAN_CODE,
            EntityTypes.CREDIT_CARD, EntityTypes.US_SSN, EntityTypes.IP_ADDRESS, EntityTypes.MEDICAL_RECORD_NUMBER,
            EntityTypes.US_PASSPORT, EntityTypes.US_DRIVER_LICENSE, EntityTypes.DATE_OF_BIRTH, EntityTypes.PHONE_NUMBER,
            EntityTypes.ADDRESS, EntityTypes.LOCATION, EntityTypes.PERSON);

    /** Types whose values pass a checksum or a strict syntax, so a detection of one is rarely wrong. */
    private static final Set<String> CHECKED = Set.of(EntityTypes.EMAIL_ADDRESS, EntityTypes.IBAN_CODE,
            EntityTypes.CREDIT_CARD, EntityTypes.US_SSN, EntityTypes.IP_ADDRESS);

    private static final Comparator<PiiSpan> PRECEDENCE = Comparator
            .comparing((PiiSpan s) -> !CHECKED.contains(s.entityType()))
            .thenComparing(Comparator.comparingInt((PiiSpan s) -> s.end() - s.start()).reversed())
            .thenComparingInt(PiiEngine::specificity)
            .thenComparing(Comparator.comparingDouble(PiiSpan::score).reversed())
            .thenComparingInt(PiiSpan::start);

    private final List<PiiRecognizer> recognizers;
    private final Set<String> enabledEntities;
    private final ContextScorer context;
    private final double threshold;

    PiiEngine(List<PiiRecognizer> recognizers, Set<String> enabledEntities, ContextScorer context, double threshold) {
        this.recognizers = recognizers.stream()
                .filter(r -> r.entityTypes().stream().anyMatch(enabledEntities::contains))
                .toList();
        this.enabledEntities = Set.copyOf(enabledEntities);
        this.context = context;
        this.threshold = threshold;
    }

    /** The standard recognizers configured by {@code properties}. */
    public static PiiEngine create(PiiProperties properties) {
        return create(properties, StandardRecognizers.create(properties.phoneRegions(), properties.nameFinder(), properties.nerModel()));
    }

    /** An engine over any recognizers, with the thresholds and context words of {@code properties}. */
    public static PiiEngine create(PiiProperties properties, List<PiiRecognizer> recognizers) {
        Map<String, List<String>> words = new HashMap<>();
        DefaultContextWords.POSITIVE.forEach((entity, defaults) -> words.put(entity, new ArrayList<>(defaults)));
        properties.contextWords().forEach((entity, extra) -> words.computeIfAbsent(entity, e -> new ArrayList<>()).addAll(extra));
        ContextScorer context = new ContextScorer(words, properties.negativeContextWords(),
                Set.copyOf(DefaultContextWords.PENALIZED), properties.contextBoost(), properties.negativeContextPenalty());
        return new PiiEngine(recognizers, Set.copyOf(properties.entities()), context, properties.threshold());
    }

    @Override
    public List<PiiSpan> detect(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<PiiSpan> candidates = new ArrayList<>();
        for (PiiRecognizer recognizer : recognizers) {
            recognizer.recognize(text, candidates);
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<PiiSpan> scored = new ArrayList<>(candidates.size());
        for (PiiSpan candidate : candidates) {
            if (!enabledEntities.contains(candidate.entityType())) {
                continue;
            }
            double score = context.score(text, candidate);
            if (score >= threshold) {
                scored.add(score == candidate.score() ? candidate
                        : new PiiSpan(candidate.start(), candidate.end(), candidate.entityType(), score, candidate.recognizer()));
            }
        }
        return resolveOverlaps(scored);
    }

    private static int specificity(PiiSpan span) {
        int rank = SPECIFICITY.indexOf(span.entityType());
        return rank < 0 ? SPECIFICITY.size() : rank;
    }

    static List<PiiSpan> resolveOverlaps(List<PiiSpan> spans) {
        if (spans.size() <= 1) {
            return spans;
        }
        spans.sort(PRECEDENCE);
        // kept spans never overlap, so the one starting last before a candidate's end is the only one to check
        TreeMap<Integer, PiiSpan> kept = new TreeMap<>();
        for (PiiSpan span : spans) {
            Map.Entry<Integer, PiiSpan> before = kept.lowerEntry(span.end());
            if (before == null || before.getValue().end() <= span.start()) {
                kept.put(span.start(), span);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
