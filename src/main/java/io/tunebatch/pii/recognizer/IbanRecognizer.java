package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs, compact or in groups of four (spaces or dashes), in either case: the country's registered length is read off the match
 * (so a following word in capitals is not swallowed) and the ISO 7064 mod-97 check must hold.
 */
public final class IbanRecognizer extends RegexRecognizer {

    private static final Pattern IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[ -]?[A-Za-z0-9]){11,30}");

    /** IBAN lengths from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
            Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
            Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
            Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
            Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22),
            Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
            Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31),
            Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20));

    public IbanRecognizer() {
        super("iban", EntityTypes.IBAN_CODE, IBAN);
    }

    @Override
    boolean mayContain(String text) {
        return hasDigit(text, 10);
    }

    @Override
    int end(Matcher match) {
        return ibanEnd(match.group(), match.start());
    }

    @Override
    double score(String text, Matcher match) {
        int end = ibanEnd(match.group(), match.start());
        if (end < 0 || (end < text.length() && Character.isLetterOrDigit(text.charAt(end)))) {
            return REJECT;
        }
        StringBuilder iban = new StringBuilder(34);
        for (int i = match.start(); i < end; i++) {
            if (!isSeparator(text.charAt(i))) {
                iban.append(Character.toUpperCase(text.charAt(i)));
            }
        }
        return mod97(iban) == 1 ? 1.0 : REJECT;
    }

    /** End offset after exactly the country's length of characters, or -1 when too short or unknown. */
    private static int ibanEnd(String candidate, int offset) {
        Integer length = LENGTHS.get(candidate.substring(0, 2).toUpperCase(Locale.ROOT));
        if (length == null) {
            return -1;
        }
        int taken = 0;
        for (int i = 0; i < candidate.length(); i++) {
            if (!isSeparator(candidate.charAt(i)) && ++taken == length) {
                return offset + i + 1;
            }
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-';
    }

    static int mod97(CharSequence iban) {
        int remainder = 0;
        int n = iban.length();
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n); // country code and check digits move to the end
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder;
    }
}
