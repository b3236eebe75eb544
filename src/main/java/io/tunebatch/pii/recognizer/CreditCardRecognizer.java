package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 12-19 digits, bare or in groups of 3-6 joined by one consistent space or
 * dash, passing the Luhn check. A number from a known issuer range scores high; others need
 * context words.
 */
public final class CreditCardRecognizer extends RegexRecognizer {

    private static final Pattern CARD = Pattern.compile(
            "(?<![\\w.,-])\\d{3,6}(?:([ -])\\d{3,6}(?:\\1\\d{3,6}){1,4}|\\d{6,13})(?![\\w-]|[.,]\\d)");

    public CreditCardRecognizer() {
        super("credit-card", EntityTypes.CREDIT_CARD, CARD);
    }

    @Override
    boolean mayContain(String text) {
        return hasDigit(text, 12);
    }

    @Override
    double score(String text, Matcher match) {
        String digits = digitsOf(text, match.start(), match.end());
        int length = digits.length();
        if (length < 12 || length > 19 || !luhn(digits) || allSame(digits)) {
            return REJECT;
        }
        if (!knownIssuer(digits)) {
            return 0.4;
        }
        return length == 12 ? 0.5 : 0.85;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Issuer identification ranges of the major networks (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro). */
    static boolean knownIssuer(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        int len = digits.length();
        return digits.charAt(0) == '4'                                   // Visa
                || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
                || ((two == 34 || two == 37) && len == 15)               // Amex
                || four == 6011 || two == 65 || (four >= 6440 && four <= 6499) // Discover
                || two == 35                                             // JCB
                || two == 36 || two == 38 || (four >= 3000 && four <= 3059)   // Diners
                || two == 62                                             // UnionPay
                || two == 50 || (two >= 56 && two <= 69);                // Maestro
    }

    private static boolean allSame(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
