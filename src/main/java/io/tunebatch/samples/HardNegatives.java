package io.tunebatch.samples;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Digit-heavy values that look like PII to a careless pattern but are not: order numbers, version
 * strings, ISBNs, tracking codes and dates. ISBNs are never Luhn-valid, so only a recognizer that
 * ignores the issuer prefix could mistake one for a card.
 */
final class HardNegatives {

    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    private HardNegatives() {
    }

    static String orderNumber(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> "ORD-" + (2024 + random.nextInt(3)) + "-" + PiiValues.digits(random, 6);
            case 1 -> "PO 45" + PiiValues.digits(random, 8);
            default -> "#" + (char) ('A' + random.nextInt(26)) + PiiValues.digits(random, 7);
        };
    }

    static String version(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> "v" + (1 + random.nextInt(12)) + "." + random.nextInt(31) + "." + random.nextInt(51);
            case 1 -> (1 + random.nextInt(9)) + "." + random.nextInt(20) + "." + random.nextInt(10)
                    + "-rc." + (1 + random.nextInt(5));
            default -> "10.0." + (19041 + random.nextInt(3600)) + "." + (1000 + random.nextInt(3000));
        };
    }

    /** A valid ISBN-13 (978/979 prefix, hyphenated) whose digits fail Luhn. */
    static String isbn(SplittableRandom random) {
        String digits;
        do {
            String payload = (random.nextBoolean() ? "978" : "979") + PiiValues.digits(random, 9);
            digits = payload + isbnCheckDigit(payload);
        } while (PiiValues.luhnCheckDigit(digits.substring(0, 12)) == digits.charAt(12) - '0');
        return digits.substring(0, 3) + "-" + digits.charAt(3) + "-" + digits.substring(4, 8) + "-"
                + digits.substring(8, 12) + "-" + digits.charAt(12);
    }

    static int isbnCheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelveDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    /** UPS "1Z…" (18 characters) or USPS (22 digits, no separators). */
    static String trackingCode(SplittableRandom random) {
        if (random.nextBoolean()) {
            StringBuilder ups = new StringBuilder("1Z");
            for (int i = 0; i < 6; i++) {
                ups.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            }
            return ups.append(PiiValues.digits(random, 10)).toString();
        }
        return "94" + PiiValues.digits(random, 20);
    }

    static String date(SplittableRandom random) {
        int year = 2023 + random.nextInt(4);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return switch (random.nextInt(4)) {
            case 0 -> year + "-" + PiiValues.padded(month, 2) + "-" + PiiValues.padded(day, 2);
            case 1 -> PiiValues.padded(month, 2) + "/" + PiiValues.padded(day, 2) + "/" + year;
            case 2 -> MONTHS.get(month - 1) + " " + day + ", " + year;
            default -> PiiValues.padded(day, 2) + "." + PiiValues.padded(month, 2) + "." + year;
        };
    }
}
