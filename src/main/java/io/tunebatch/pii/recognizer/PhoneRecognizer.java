package io.tunebatch.pii.recognizer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers: a cheap pattern finds digit runs shaped like a phone number (7-15 digits with
 * phone punctuation, an optional {@code +}, {@code 00} or {@code 011} international prefix and an
 * extension), and libphonenumber decides. A number valid in one of the configured regions scores
 * above the threshold when it is written like a phone number (an international prefix, an area
 * code in brackets, or more than eight digits with separators); so does a number in a typical phone layout whose range
 * libphonenumber does not know. A bare digit run, a short national number or a number that is
 * only of a possible length needs context words. Dates, IP-like runs and postal codes are not
 * candidates.
 */
public final class PhoneRecognizer implements PiiRecognizer {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\w+])(?<!\\d[.,/-])(?:\\+[ ]?|\\()?\\d[\\d .()/-]{5,22}\\d\\)?(?:[ ]?(?:x|ext\\.?|extension)[ ]?\\d{1,6})?(?![\\w]|[.,/-]\\d)");
    /**
     * Not phone numbers: a leading date ("2024-03-15 10", "2024.03.15.1200"; a day-first one only
     * when no digit group follows, as 06.12.34.56.78 is a phone number), an IPv4-like run, postal codes such as
     * 12345-678 and US ZIP+4 codes (62704-1234), and the SSN layout 123-45-6789 (left to the SSN
     * rules, which reject invalid ones).
     */
    private static final String DAY_OR_MONTH = "(?:0?[1-9]|[12]\\d|3[01])";
    private static final Pattern NOT_A_PHONE = Pattern.compile(
            "\\d{4}[-/.]" + DAY_OR_MONTH + "[-/.]" + DAY_OR_MONTH + "(?:\\D.*)?|" + DAY_OR_MONTH + "[-/.]" + DAY_OR_MONTH + "[-/.]\\d{2,4}(?:[^\\d./-].*)?|\\d{1,3}(?:\\.\\d{1,3}){3}|\\d{4,5}-\\d{3}|\\d{5}-\\d{4}|\\d{3}-\\d{2}-\\d{4}");
    /**
     * Layouts that read as a phone number even when libphonenumber does not know the range (an
     * unassigned area code): North American 3-3-4 and French 2-2-2-2-2.
     */
    private static final Pattern PHONE_LAYOUT = Pattern.compile(
            "(?:(?:\\+?1|001)[ .-]?)?(?:\\(\\d{3}\\)[ ]?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}|0\\d(?:[ .-]\\d{2}){4}");
    private static final Pattern AREA_CODE_IN_BRACKETS = Pattern.compile("\\(\\d{1,5}\\)[ ]?\\d");
    private static final Pattern EXTENSION = Pattern.compile("[ ]?(?:x|ext\\.?|extension)[ ]?\\d{1,6}$");

    private final List<String> regions;

    public PhoneRecognizer(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.PHONE_NUMBER);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        if (!hasDigitCluster(text, 7)) {
            return;
        }
        Matcher match = CANDIDATE.matcher(text);
        while (match.find()) {
            int start = match.start();
            int end = match.end();
            String candidate = match.group();
            // brackets around the whole number, or one left open, belong to the sentence: "Ana (512.555.0155)"
            boolean strayClosingBracket = candidate.endsWith(")") && (candidate.indexOf(')') == candidate.length() - 1
                    || candidate.chars().filter(c -> c == ')').count() > candidate.chars().filter(c -> c == '(').count());
            if (strayClosingBracket) {
                end--;
                candidate = candidate.substring(0, candidate.length() - 1);
            }
            if (candidate.startsWith("(") && candidate.indexOf(')') < 0) {
                start++;
                candidate = candidate.substring(1);
            }
            double score = score(candidate);
            if (score > 0) {
                out.add(new PiiSpan(start, end, EntityTypes.PHONE_NUMBER, score, name()));
            }
        }
    }

    private double score(String candidate) {
        String number = EXTENSION.matcher(candidate).replaceFirst("");
        int digits = 0;
        for (int i = 0; i < number.length(); i++) {
            if (Character.isDigit(number.charAt(i))) {
                digits++;
            }
        }
        if (digits < 7 || digits > 15 || NOT_A_PHONE.matcher(number).matches() || singleDigitGroups(number) >= 3) {
            return 0;
        }
        String dialable = international(number);
        boolean international = dialable.startsWith("+");
        // a short national number or a bare digit run is weak evidence on its own
        // an area code in brackets is how phone numbers, not identifiers, are written: "(030) 1234-56"
        boolean phoneShaped = international || (digits > 8 && !number.chars().allMatch(Character::isDigit))
                || AREA_CODE_IN_BRACKETS.matcher(number).lookingAt();
        boolean possible = false;
        for (String region : regions) {
            try {
                PhoneNumber parsed = UTIL.parse(dialable, region);
                if (UTIL.isValidNumber(parsed)) {
                    return phoneShaped ? 0.75 : 0.5;
                }
                possible |= UTIL.isPossibleNumber(parsed);
            } catch (NumberParseException e) {
                // not a number in this region; try the next one
            }
            if (international) {
                break; // the country code decides, not the region
            }
        }
        if (possible || PHONE_LAYOUT.matcher(number).matches()) {
            return PHONE_LAYOUT.matcher(number).matches() ? 0.7 : 0.4;
        }
        return 0;
    }

    /** Phone numbers are written in groups of two to four digits; "1 2 3 4 5 6 7" is a list of numbers. */
    private static int singleDigitGroups(String number) {
        int singles = 0;
        int run = 0;
        for (int i = 0; i <= number.length(); i++) {
            if (i < number.length() && Character.isDigit(number.charAt(i))) {
                run++;
            } else {
                singles += run == 1 ? 1 : 0;
                run = 0;
            }
        }
        return singles;
    }

    /** "00 49 ..." and "011 49 ..." (international dialling prefixes) mean "+49 ...". */
    private static String international(String number) {
        String compact = number.replaceAll("[ .()/-]", "");
        if (compact.startsWith("00") && compact.length() > 9) {
            return "+" + compact.substring(2);
        }
        if (compact.startsWith("011") && compact.length() > 10) {
            return "+" + compact.substring(3);
        }
        return number;
    }

    /** Whether some run of digits joined only by phone punctuation has at least {@code min} digits. */
    static boolean hasDigitCluster(String text, int min) {
        int digits = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= min) {
                    return true;
                }
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+' && c != '/') {
                digits = 0;
            }
        }
        return false;
    }
}
