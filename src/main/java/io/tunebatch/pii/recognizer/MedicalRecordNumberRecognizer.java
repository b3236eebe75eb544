package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Medical record numbers: hospitals format them freely (6-12 digits, optionally behind a short
 * letter prefix such as {@code MRN-}), so only a context word ("MRN", "medical record", "chart")
 * lifts a candidate over the threshold.
 */
public final class MedicalRecordNumberRecognizer extends RegexRecognizer {

    private static final Pattern MRN = Pattern.compile("(?<![\\w-])(?:[A-Z]{1,3}-?)?\\d{6,12}(?![\\w-])");

    public MedicalRecordNumberRecognizer() {
        super("medical-record-number", EntityTypes.MEDICAL_RECORD_NUMBER, MRN);
    }

    @Override
    boolean mayContain(String text) {
        return hasDigit(text, 6);
    }

    @Override
    double score(String text, Matcher match) {
        // "MRN123456" carries its own context
        return match.group().startsWith("MRN") ? 0.85 : 0.4;
    }
}
