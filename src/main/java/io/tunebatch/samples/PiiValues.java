package io.tunebatch.samples;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Invented PII in the formats enterprise text really carries, valid where a structure exists:
 * US SSNs follow the area/group/serial rules, card numbers pass Luhn with a real issuer prefix,
 * phone numbers are valid for libphonenumber (US numbers stay in the fictional 555-01xx block).
 */
final class PiiValues {

    private static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "example.net",
            "mail.example.com", "corp.example.net");
    private static final List<String> US_AREA_CODES = List.of("212", "312", "415", "617", "646", "713", "206",
            "303", "404", "512", "202", "305");

    private PiiValues() {
    }

    static String email(Person person, SplittableRandom random) {
        String first = Person.ascii(person.first());
        String last = Person.ascii(person.last());
        String local = switch (random.nextInt(4)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + last;
            case 2 -> first + "_" + last + (10 + random.nextInt(90));
            default -> last + "." + first.charAt(0);
        };
        return local + "@" + EMAIL_DOMAINS.get(random.nextInt(EMAIL_DOMAINS.size()));
    }

    static String phone(SplittableRandom random) {
        return random.nextInt(10) < 6 ? usPhone(random) : internationalPhone(random);
    }

    private static String usPhone(SplittableRandom random) {
        String area = US_AREA_CODES.get(random.nextInt(US_AREA_CODES.size()));
        String line = "01" + digits(random, 2);
        return switch (random.nextInt(5)) {
            case 0 -> "(" + area + ") 555-" + line;
            case 1 -> area + "-555-" + line;
            case 2 -> "+1 " + area + " 555 " + line;
            case 3 -> area + ".555." + line;
            default -> "+1-" + area + "-555-" + line;
        };
    }

    private static String internationalPhone(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> "+44 20 7946 0" + digits(random, 3);                          // UK drama range
            case 1 -> "+49 30 " + (2 + random.nextInt(8)) + digits(random, 7);      // Berlin
            case 2 -> "+33 6 " + (10 + random.nextInt(29)) + " " + pairs(random, 3);   // French mobile
            case 3 -> "+91 9" + digits(random, 4) + " " + digits(random, 5);      // Indian mobile
            case 4 -> "+61 491 570 " + (100 + random.nextInt(900));                // AU drama range
            default -> "+81 3-" + (2 + random.nextInt(8)) + digits(random, 3) + "-" + digits(random, 4); // Tokyo
        };
    }

    /** Area 001–899 except 666, group 01–99, serial 0001–9999. */
    static String ssn(SplittableRandom random) {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        String area3 = padded(area, 3);
        String group = padded(1 + random.nextInt(99), 2);
        String serial = padded(1 + random.nextInt(9999), 4);
        return switch (random.nextInt(6)) {
            case 0 -> area3 + " " + group + " " + serial;
            case 1 -> area3 + group + serial;
            default -> area3 + "-" + group + "-" + serial;
        };
    }

    /** Visa, Mastercard, Discover (16 digits, 4-4-4-4) or Amex (15 digits, 4-6-5); spaced, dashed or plain. */
    static String creditCard(SplittableRandom random) {
        String number = switch (random.nextInt(4)) {
            case 0 -> luhnComplete("4" + digits(random, 14));
            case 1 -> luhnComplete("5" + (1 + random.nextInt(5)) + digits(random, 13));
            case 2 -> luhnComplete("6011" + digits(random, 11));
            default -> luhnComplete("3" + (random.nextBoolean() ? "4" : "7") + digits(random, 12));
        };
        int[] groups = number.length() == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4};
        return switch (random.nextInt(3)) {
            case 0 -> grouped(number, groups, ' ');
            case 1 -> grouped(number, groups, '-');
            default -> number;
        };
    }

    static String luhnComplete(String payload) {
        return payload + luhnCheckDigit(payload);
    }

    static int luhnCheckDigit(String payload) {
        int sum = 0;
        for (int i = payload.length() - 1, doubled = 1; i >= 0; i--, doubled ^= 1) {
            int digit = payload.charAt(i) - '0';
            if (doubled == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** Zero-padded decimal; String.format is too slow for a million records. */
    static String padded(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static String pairs(SplittableRandom random, int count) {
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            pairs.append(i == 0 ? "" : " ").append(digits(random, 2));
        }
        return pairs.toString();
    }

    private static String grouped(String number, int[] groups, char separator) {
        StringBuilder grouped = new StringBuilder();
        int at = 0;
        for (int group : groups) {
            grouped.append(at == 0 ? "" : String.valueOf(separator)).append(number, at, at + group);
            at += group;
        }
        return grouped.toString();
    }
}
