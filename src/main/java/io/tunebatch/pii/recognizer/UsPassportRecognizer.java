package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US passport numbers: nine digits (older books) or a letter and eight digits (next generation).
 * On its own such a number is anything, so the base score sits below the threshold and a
 * "passport" context word lifts it over (unlike Presidio's defaults, where it never reaches 0.7).
 */
public final class UsPassportRecognizer extends RegexRecognizer {

    private static final Pattern PASSPORT = Pattern.compile("(?<![\\w-])(?:[A-Z]\\d{8}|\\d{9})(?![\\w-])");

    public UsPassportRecognizer() {
        super("us-passport", EntityTypes.US_PASSPORT, PASSPORT);
    }

    @Override
    boolean mayContain(String text) {
        return hasDigit(text, 8);
    }

    @Override
    double score(String text, Matcher match) {
        return 0.4;
    }
}
