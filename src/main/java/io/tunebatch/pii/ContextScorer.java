package io.tunebatch.pii;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Raises a candidate's score when one of its entity's context words stands near it ("card",
 * "ssn", "born") and lowers it when an identifier word does ("order", "tracking", "isbn"), the
 * usual source of false positives on numeric entities. Words match whole words, case-insensitively,
 * in a window of characters before the candidate (and a shorter one after it). An identifier word
 * counts only in the candidate's own sentence and only when none of the entity's own words stands
 * nearer ("order 123 was paid with card 4111 ..." is a card). A name or place candidate that is
 * itself another entity's context word ("iban", "Tel", "DOB" before the value) is that value's
 * label, not a name, and scores 0.
 */
final class ContextScorer {

    static final int WINDOW_BEFORE = 48;
    static final int WINDOW_AFTER = 24;

    /** Entities whose candidates can be mistaken for another entity's label word. */
    private static final Set<String> NAMES = Set.of(EntityTypes.PERSON, EntityTypes.LOCATION);

    private final Map<String, String[]> wordsByEntity = new HashMap<>();
    /** Each context word with the entities it belongs to. */
    private final Map<String, Set<String>> entitiesByWord = new HashMap<>();
    private final String[] negativeWords;
    private final Set<String> penalizedEntities;
    private final double boost;
    private final double penalty;

    ContextScorer(Map<String, List<String>> wordsByEntity, List<String> negativeWords, Set<String> penalizedEntities,
                  double boost, double penalty) {
        wordsByEntity.forEach((entity, words) -> this.wordsByEntity.put(entity, lower(words)));
        this.wordsByEntity.forEach((entity, words) -> {
            for (String word : words) {
                entitiesByWord.computeIfAbsent(word, w -> new HashSet<>()).add(entity);
            }
        });
        this.negativeWords = lower(negativeWords);
        this.penalizedEntities = Set.copyOf(penalizedEntities);
        this.boost = boost;
        this.penalty = penalty;
    }

    /** The candidate's score after context, in [0, 1]. */
    double score(String text, PiiSpan candidate) {
        if (NAMES.contains(candidate.entityType()) && isOtherEntitysLabel(text, candidate)) {
            return 0.0;
        }
        double score = candidate.score();
        String[] words = wordsByEntity.get(candidate.entityType());
        boolean wantsBoost = score < 1.0 && words != null && words.length > 0;
        boolean canBePenalized = penalizedEntities.contains(candidate.entityType()) && negativeWords.length > 0;
        if (!wantsBoost && !canBePenalized) {
            return score;
        }
        String before = lowerWindow(text, Math.max(0, candidate.start() - WINDOW_BEFORE), candidate.start());
        int nearestOwnWord = words == null ? -1 : lastMatchEnd(before, words);
        if (wantsBoost) {
            String after = lowerWindow(text, candidate.end(), Math.min(text.length(), candidate.end() + WINDOW_AFTER));
            if (nearestOwnWord >= 0 || lastMatchEnd(after, words) >= 0) {
                score = Math.min(1.0, score + boost);
            }
        }
        if (canBePenalized) {
            // ends compared, so "part number" (an identifier phrase) beats the phone word "number" inside it
            int nearestIdentifierWord = lastMatchEnd(before, negativeWords);
            if (nearestIdentifierWord > sentenceStart(before) && nearestIdentifierWord >= nearestOwnWord) {
                score = Math.max(0.0, score - penalty);
            }
        }
        return score;
    }

    private boolean isOtherEntitysLabel(String text, PiiSpan candidate) {
        Set<String> entities = entitiesByWord.get(text.substring(candidate.start(), candidate.end()).toLowerCase(Locale.ROOT));
        return entities != null && !entities.contains(candidate.entityType());
    }

    /** Where the last sentence in the window starts (after ". ", "! ", "? " or a line break), or 0. */
    private static int sentenceStart(String window) {
        for (int i = window.length() - 2; i >= 0; i--) {
            char c = window.charAt(i);
            char next = window.charAt(i + 1);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(next))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String lowerWindow(String text, int from, int to) {
        char[] window = new char[to - from];
        for (int i = from; i < to; i++) {
            window[i - from] = Character.toLowerCase(text.charAt(i));
        }
        return new String(window);
    }

    /** The end of the last whole-word occurrence of any of {@code words} in the window, or -1. */
    private static int lastMatchEnd(String window, String[] words) {
        int last = -1;
        for (String word : words) {
            int at = window.lastIndexOf(word);
            while (at >= 0) {
                int end = at + word.length();
                if ((at == 0 || !Character.isLetterOrDigit(window.charAt(at - 1)))
                        && (end == window.length() || !Character.isLetterOrDigit(window.charAt(end)))) {
                    last = Math.max(last, end);
                    break;
                }
                at = at == 0 ? -1 : window.lastIndexOf(word, at - 1);
            }
        }
        return last;
    }

    private static String[] lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT).trim()).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
