package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Street addresses: a house number, optional direction, up to four name words and a USPS street
 * suffix ("42 W Elm St"), a PO box, or the European forms ("Hauptstraße 5", "12 rue de la Paix",
 * "Via Roma 12"), each followed by an optional unit ("Apt. 4B") and an optional
 * "City, ST 12345" or "12345 City" tail so the span covers the whole address.
 */
public final class StreetAddressRecognizer implements PiiRecognizer {

    private static final String WORD = "[\\p{Lu}\\d][\\p{L}\\d'.-]*";
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
            + "|Way|Place|Pl|Square|Sq|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Crescent|Cres|Close"
            + "|Row|Alley|Plaza|Loop|Path|Pike|Walk|Heights|Hts|Point|Ridge|Crossing|Expressway|Expy|Freeway|Fwy"
            + "|Turnpike|Route|Rte|Mall|Grove|Gardens|Park|Hill|Hills|Mews|View|Manor|Meadows?|Port|Junction|Center"
            + "|Landing|Harbor|Island|Isle|Knoll|Lakes?|Creek|Falls|Ford|Forge|Fork|Mills?|Orchard|Pass|Pines?"
            + "|Springs?|Summit|Valley|Village|Ville|Wells?|Shores?|Bypass|Causeway|Cove|Glen|Haven|Oval|Quay"
            + "|Station|Stream|Track|Trace|Trafficway|Union|Vista|Estates?)\\.?";
    private static final String UNIT = "(?:,?[ \\t]*(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|Bldg|Building|#)\\.?[ \\t]*#?[A-Za-z0-9-]{1,6}\\b)?";
    /** Endings of compound street names ("Hauptstraße", "Koskikatu"); the word must be longer than the ending. */
    private static final String[] EURO_ENDINGS = {"straße", "strasse", "str.", "weg", "gasse", "platz", "allee",
            "straat", "laan", "gracht", "plein", "gatan", "vägen", "gata", "gade", "vej", "veien", "vei", "katu",
            "kuja", "utca"};
    private static final String EURO_PREFIX = "(?:Rue|rue|Via|via|Viale|viale|Calle|calle|Carrer|Avenida|avenida|Rua|rua"
            + "|Piazza|piazza|Plaza|Praça|Chemin|chemin|Allée|allée|Strada|strada|Ulica|ulica|ul\\.|Boulevard|boulevard|bd|Avenue|avenue)";

    private static final Pattern[] STREET = {
            // 42 W Elm St Apt. 4B / 1600 Pennsylvania Avenue NW
            Pattern.compile("(?<![\\w-])\\d{1,6}[A-Za-z]?(?:-\\d{1,5})?[ \\t]+(?:(?:[NSEW]|N[EW]|S[EW]|North|South|East|West)\\.?[ \\t]+)?"
                    + "(?:" + WORD + "[ \\t]+){0,3}" + WORD + "[ \\t]+" + SUFFIX + "(?![\\p{L}])(?:[ \\t]+(?:[NS][EW]|[NSEW])\\b\\.?)?" + UNIT),
            // PO Box 1234
            Pattern.compile("\\b(?:P\\.?[ ]?O\\.?|Post Office)[ \\t]+Box[ \\t]+\\d{1,6}\\b", Pattern.CASE_INSENSITIVE),
            // 12 rue de la Paix / Via Roma 12 / Calle Mayor, 5
            Pattern.compile("(?<![\\w-])(?:\\d{1,5}[A-Za-z]?,?[ \\t]+)?" + EURO_PREFIX + "[ \\t]+(?:(?:de|del|la|le|les|des|du|da|di|dos|das|do|della|dei)[ \\t]+)*"
                    + "\\p{Lu}[\\p{L}'-]*(?:[ \\t]+\\p{Lu}[\\p{L}'-]*){0,2}(?:,?[ \\t]+\\d{1,5}[A-Za-z]?)?\\b" + UNIT),
    };
    /** A capitalised word and a house number: a European street when the word has a street ending. */
    private static final Pattern WORD_AND_NUMBER = Pattern.compile(
            "(?<![\\w-])(?<street>\\p{Lu}\\p{L}{2,}(?:str\\.)?)[ \\t]+\\d{1,5}[A-Za-z]?\\b" + UNIT);
    /** ", Springfield, IL 62704" or ", 10115 Berlin" after the street line, on the same or the next line. */
    private static final Pattern TAIL = Pattern.compile(
            "(?:[ \\t]*,)?[ \\t]*(?:\\r?\\n[ \\t]*)?(?:"
                    + "\\p{Lu}[\\p{L}'.-]*(?:[ ]\\p{Lu}[\\p{L}'.-]*){0,3}(?:[ \\t]*,[ \\t]*|[ \\t]+|[ \\t]*\\r?\\n[ \\t]*,?[ \\t]*)\\p{Lu}{2}[ \\t]+\\d{5}(?:-\\d{4})?"
                    + "|\\d{4,5}[ \\t]+\\p{Lu}[\\p{L}'-]+(?:[ -]\\p{Lu}[\\p{L}'-]+){0,2})\\b");

    @Override
    public String name() {
        return "street-address";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.ADDRESS);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        if (!RegexRecognizer.hasDigit(text, 1)) {
            return;
        }
        Matcher tail = TAIL.matcher(text);
        for (Pattern street : STREET) {
            Matcher match = street.matcher(text);
            while (match.find()) {
                double score = match.group().chars().anyMatch(Character::isDigit) ? 0.8 : 0.5;
                out.add(new PiiSpan(match.start(), withTail(tail, match.end(), text.length()), EntityTypes.ADDRESS, score, name()));
            }
        }
        Matcher match = WORD_AND_NUMBER.matcher(text);
        while (match.find()) {
            if (hasStreetEnding(match.group("street").toLowerCase(Locale.ROOT))) {
                out.add(new PiiSpan(match.start(), withTail(tail, match.end(), text.length()), EntityTypes.ADDRESS, 0.75, name()));
            }
        }
    }

    private static int withTail(Matcher tail, int end, int textLength) {
        tail.region(end, textLength);
        return tail.lookingAt() ? tail.end() : end;
    }

    private static boolean hasStreetEnding(String word) {
        for (String ending : EURO_ENDINGS) {
            if (word.length() > ending.length() + 1 && word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
