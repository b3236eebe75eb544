package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import java.time.Year;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates that are plausible birth dates (a real calendar day, year 1900 to this year) in numeric
 * (3/14/1985, 14.03.1985, 1985-03-14) and written forms (March 14, 1985; 14 March 1985). A date
 * is only a date of birth next to birth context ("born", "DOB"), so the base score needs it.
 */
public final class DateOfBirthRecognizer extends RegexRecognizer {

    private static final String MONTH = "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern DATE = Pattern.compile(
            "(?<![\\w/.-])(?:(?<a>\\d{1,2})(?<s1>[/.-])(?<b>\\d{1,2})\\k<s1>(?<y1>\\d{4}|\\d{2})"
                    + "|(?<y2>\\d{4})-(?<m2>\\d{2})-(?<d2>\\d{2})"
                    + "|" + MONTH + " (?<d3>\\d{1,2})(?:st|nd|rd|th)?,? (?<y3>\\d{4})"
                    + "|(?<d4>\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH.replace("month", "month4") + ",? (?<y4>\\d{4}))"
                    + "(?![\\w/-]|\\.\\d)",
            Pattern.CASE_INSENSITIVE);

    public DateOfBirthRecognizer() {
        super("date-of-birth", EntityTypes.DATE_OF_BIRTH, DATE);
    }

    @Override
    boolean mayContain(String text) {
        return hasDigit(text, 4);
    }

    @Override
    double score(String text, Matcher m) {
        int day;
        int month;
        int year;
        if (m.group("a") != null) {
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            year = twoDigitYear(m.group("y1"));
            // US month/day first; day/month when the first number cannot be a month
            month = a <= 12 ? a : b;
            day = a <= 12 ? b : a;
        } else if (m.group("y2") != null) {
            year = Integer.parseInt(m.group("y2"));
            month = Integer.parseInt(m.group("m2"));
            day = Integer.parseInt(m.group("d2"));
        } else if (m.group("y3") != null) {
            year = Integer.parseInt(m.group("y3"));
            month = month(m.group("month"));
            day = Integer.parseInt(m.group("d3"));
        } else {
            year = Integer.parseInt(m.group("y4"));
            month = month(m.group("month4"));
            day = Integer.parseInt(m.group("d4"));
        }
        boolean valid = month >= 1 && month <= 12 && year >= 1900 && year <= Year.now().getValue()
                && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
        return valid ? 0.4 : REJECT;
    }

    private static int twoDigitYear(String y) {
        int year = Integer.parseInt(y);
        return y.length() == 4 ? year : year + (year <= Year.now().getValue() % 100 ? 2000 : 1900);
    }

    private static int month(String name) {
        String m = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return switch (m) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
