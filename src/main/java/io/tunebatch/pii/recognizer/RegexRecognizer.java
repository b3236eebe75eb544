package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer for one entity type driven by one precompiled pattern: every match is handed to
 * {@link #score}, which validates the structure (checksums, ranges) and returns the base score,
 * or a negative value to drop the match.
 */
abstract class RegexRecognizer implements PiiRecognizer {

    static final double REJECT = -1;

    private final String name;
    private final String entityType;
    private final Pattern pattern;
    private final boolean hasValueGroup;

    /** A pattern may name the reported part {@code (?<value>...)} and match context around it. */
    RegexRecognizer(String name, String entityType, Pattern pattern) {
        this.name = name;
        this.entityType = entityType;
        this.pattern = pattern;
        this.hasValueGroup = pattern.pattern().contains("(?<value>");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> entityTypes() {
        return Set.of(entityType);
    }

    /** Cheap pre-check so most texts skip the regex entirely. */
    abstract boolean mayContain(String text);

    /** Base score of a match in [0, 1], or {@link #REJECT}. */
    abstract double score(String text, Matcher match);

    int start(Matcher match) {
        return hasValueGroup ? match.start("value") : match.start();
    }

    int end(Matcher match) {
        return hasValueGroup ? match.end("value") : match.end();
    }

    @Override
    public final void recognize(String text, List<PiiSpan> out) {
        if (!mayContain(text)) {
            return;
        }
        Matcher match = pattern.matcher(text);
        while (match.find()) {
            double score = score(text, match);
            if (score >= 0) {
                out.add(new PiiSpan(start(match), end(match), entityType, score, name));
            }
        }
    }

    static boolean hasDigit(String text, int minDigits) {
        int digits = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && ++digits >= minDigits) {
                return true;
            }
        }
        return false;
    }

    /** Digits of {@code text[start, end)} with separators dropped. */
    static String digitsOf(CharSequence text, int start, int end) {
        StringBuilder digits = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
