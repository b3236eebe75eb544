package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers, checked against the SSA rules: area not 000, 666 or 900-999,
 * group not 00, serial not 0000, and not one of the numbers known to be invalid or public.
 * Dash-formatted numbers score high; spaced, dotted or bare nine-digit runs need context.
 */
public final class UsSsnRecognizer extends RegexRecognizer {

    private static final Pattern SSN = Pattern.compile(
            "(?<![\\w.-])(\\d{3})([- .]?)(\\d{2})\\2(\\d{4})(?![\\w-]|\\.\\d)");

    public UsSsnRecognizer() {
        super("us-ssn", EntityTypes.US_SSN, SSN);
    }

    @Override
    boolean mayContain(String text) {
        return hasDigit(text, 9);
    }

    @Override
    double score(String text, Matcher match) {
        if (!isValid(match.group(1), match.group(3), match.group(4))) {
            return REJECT;
        }
        return switch (match.group(2)) {
            case "-" -> 0.85;
            case "" -> 0.4;
            default -> 0.5;
        };
    }

    static boolean isValid(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        if (a == 0 || a == 666 || a >= 900 || group.equals("00") || serial.equals("0000")) {
            return false;
        }
        String all = area + group + serial;
        if (all.chars().allMatch(c -> c == all.charAt(0))) {
            return false;
        }
        // the SSA's example number and the Woolworth wallet-card number are public, not PII
        return !all.equals("123456789") && !all.equals("078051120") && !all.equals("219099999");
    }
}
