package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US driver's licence numbers in the shapes the states use: one or two letters and 4-14 digits
 * (CA, FL, IL, NY, ...), 7-12 digits, or digit groups like {@code S123-456-78-901-0}. Only
 * alphanumeric runs with digits are candidates (never plain words, a known Presidio false
 * positive), and a licence context word is needed to reach the threshold.
 */
public final class UsDriverLicenseRecognizer extends RegexRecognizer {

    private static final Pattern LICENSE = Pattern.compile(
            "(?<![\\w-])(?:[A-Za-z]{1,2}\\d{4,14}[A-Za-z]?|\\d{7,12}|[A-Z]\\d{3}-\\d{3}-\\d{2}-\\d{3}-\\d|[A-Z]\\d{2,3}-\\d{3,4}-\\d{3,5}"
                    + "|[A-Z]{1,2}-\\d{3,4}-\\d{3,4}|\\d{3} \\d{3} \\d{3})(?![\\w-])");

    public UsDriverLicenseRecognizer() {
        super("us-driver-license", EntityTypes.US_DRIVER_LICENSE, LICENSE);
    }

    @Override
    boolean mayContain(String text) {
        return hasDigit(text, 6);
    }

    @Override
    double score(String text, Matcher match) {
        return 0.4;
    }
}
