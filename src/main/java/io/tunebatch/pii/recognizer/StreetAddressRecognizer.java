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
 * Street addresses. A street line is one of: a house number, name words and a USPS street suffix
 * ("42 W Elm St"); a US city line with state and ZIP code ("Springfield, IL 62704"); a unit on its
 * own ("Apt. 4B", "Suite 300"); a postal code named as one ("zip code is 62704"); a PO box or military box; a ship and its APO/FPO line ("USNS Ortiz\n FPO AP 96603"); a street-type word of another language with its
 * name and number ("12 rue de la Paix", "Via Roma 12"); a compound street name with a house
 * number ("Hauptstraße 5"); or, weaker, a number, name words and a number ("20 Allee Verte 4").
 * The span then grows over what follows on the same or the next lines while it reads as the rest
 * of an address block: units ("Apt. 4B"), city names, state codes, postal codes and countries.
 * The weak form counts only with such a block or an address context word.
 */
public final class StreetAddressRecognizer implements PiiRecognizer {

    private static final String WORD = "[\\p{Lu}\\d][\\p{L}\\d'.-]*";
    private static final String SUFFIX = "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
            + "|Courts|Way|Place|Pl|Square|Sq|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Crescent|Cres"
            + "|Close|Row|Alley|Plaza|Loop|Path|Pike|Walk|Heights|Hts|Point|Ridge|Crossing|Expressway|Expy|Freeway|Fwy"
            + "|Turnpike|Route|Rte|Mall|Grove|Gardens|Park|Hill|Hills|Mews|View|Manor|Meadows?|Port|Junction|Center"
            + "|Landing|Harbor|Island|Isle|Knoll|Lakes?|Creek|Falls|Ford|Forge|Fork|Mills?|Orchard|Pass|Pines?"
            + "|Springs?|Summit|Valley|Village|Ville|Wells?|Shores?|Bypass|Causeway|Cove|Glen|Haven|Oval|Quay"
            + "|Station|Stream|Track|Trace|Trafficway|Union|Vista|Estates?|Streets|Roads|Lanes|Drives|Ways|Squares)\\.?";
    /** USPS state, district and territory codes. */
    private static final String US_STATE = "(?:A[KLRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]"
            + "|O[HKR]|P[ARW]|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])";
    private static final Pattern US_STATE_CODE = Pattern.compile(US_STATE);
    private static final String UNIT_WORD = "(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|Floor|Fl|Bldg|Building|Flat|#)";
    /**
     * A unit written before the street, as in Britain and Australia ("Flat 2, 34 High Road", "Unit 5,
     * 10 Smith St"), looked for only in the few characters before a street line.
     */
    private static final Pattern LEADING_UNIT = Pattern.compile(
            "(?<![\\w-])(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room)\\.?[ \\t]*#?\\d{1,5}[A-Za-z]?,?[ \\t]+$");
    private static final int LEADING_UNIT_MAX = 24;
    private static final String UNIT = UNIT_WORD + "\\.?[ \\t]*#?[A-Za-z0-9-]{1,6}\\b";
    /** Endings of compound street names ("Hauptstraße", "Koskikatu"); the word must be longer than the ending. */
    private static final String[] STREET_ENDINGS = {"straße", "strasse", "str.", "weg", "gasse", "platz", "allee",
            "straat", "laan", "gracht", "plein", "gatan", "vägen", "gata", "gade", "vej", "veien", "vei", "katu",
            "kuja", "utca", "braut", "stræde", "torv", "tori", "väylä", "polku", "puistikko", "ulica", "cesta"};
    private static final String STREET_TYPE = "(?:Rue|rue|Via|via|Viale|viale|Calle|calle|C/|Carrer|Avenida|avenida"
            + "|Av\\.|Avda\\.?|Rua|rua|Travessa|Largo|Piazza|piazza|Plaza|Praça|Chemin|chemin|Allée|allée|Strada|strada"
            + "|Ulica|ulica|ul\\.|Ul\\.|Boulevard|boulevard|bd|Avenue|avenue|Impasse|impasse|Quai|quai|Place|place|Camino|Paseo"
            + "|Corso|corso|Vicolo|vicolo|Carrera|carrera|Ronda|ronda|Rambla|rambla|Passeig|passeig|Avinguda|avinguda"
            + "|Cours|Aleja|aleja|Plac|plac|Rruga|rruga|Odos|odos|Sokak|sokak|Cadde(?:si)?|cadde(?:si)?)";
    private static final String PARTICLES = "(?:(?:de|del|la|le|les|des|du|da|di|dos|das|do|della|delle|dei|degli|d')[ \\t]+)*";

    private record StreetLine(Pattern pattern, double score, boolean needsBlock) {
    }

    private static final StreetLine[] STREET_LINES = {
            new StreetLine(Pattern.compile("(?<![\\w-])(?:\\d{1,6}[ \\t]+)?\\d{1,6}[A-Za-z]?(?:-\\d{1,5})?[ \\t]+"
                    + "(?:(?:[NSEW]|N[EW]|S[EW]|North|South|East|West)\\.?[ \\t]+)?"
                    + "(?:" + WORD + "[ \\t]+){0,3}" + WORD + "[ \\t]+" + SUFFIX + "(?![\\p{L}])(?:[ \\t]+(?:[NS][EW]|[NSEW])\\b\\.?)?"),
                    0.8, false),
            new StreetLine(Pattern.compile("\\b(?:(?:P\\.?[ ]?O\\.?|Post Office)[ \\t]+Box|(?:PSC|Unit|CMR)[ \\t]+\\d{1,5},?[ \\t]+Box)[ \\t]+\\d{1,6}\\b",
                    Pattern.CASE_INSENSITIVE), 0.8, false),
            // a US city line: "Springfield, IL 62704" (a state code and a ZIP code after a place name)
            new StreetLine(Pattern.compile("(?<![\\w-])\\p{Lu}[\\p{L}.'-]+(?:[ \\t]+\\p{Lu}[\\p{L}.'-]+){0,2},[ \\t]*"
                    + US_STATE + "[ \\t]+\\d{5}(?:-\\d{4})?\\b"), 0.8, false),
            // a dwelling or office unit on its own, capitalised: "Apt. 4B", "Suite 300" (masking errs on the side of
            // the address: a product called "Suite 2" is masked too)
            new StreetLine(Pattern.compile("(?<![\\w-])(?:Apt|Apartment|Suite|Ste|Flat)\\.?[ \\t]*#?\\d{1,5}[A-Za-z]?\\b"), 0.7, false),
            // USPS military mail (Publication 28): a ship line, then APO/FPO/DPO with AA/AE/AP and the ZIP code
            new StreetLine(Pattern.compile("\\b(?:USNS|USNV|USS|USCGC)[ \\t]+\\p{Lu}[\\p{L}'-]*(?:[ \\t]+\\p{Lu}[\\p{L}'-]*){0,2}"
                    + "(?:,?[ \\t]*\\r?\\n?[ \\t]*(?:[>|*•?]+[ \\t]*)?(?:FPO|APO|DPO)[ \\t]+A[AEP][ \\t]+\\d{5}(?:-\\d{4})?\\b)?"), 0.8, false),
            new StreetLine(Pattern.compile("\\b(?:FPO|APO|DPO)[ \\t]+A[AEP][ \\t]+\\d{5}(?:-\\d{4})?\\b"), 0.8, false),
            new StreetLine(Pattern.compile("(?<![\\w-])(?:\\d{1,5}[A-Za-z]?,?[ \\t]+){0,2}" + STREET_TYPE + "[ \\t]+" + PARTICLES
                    + "\\p{Lu}[\\p{L}'-]*(?:[ \\t]+" + PARTICLES + "\\p{Lu}[\\p{L}'-]*){0,3}(?:,?[ \\t]+\\d{1,5}[A-Za-z]?(?:/\\d{1,4}[A-Za-z]?)?\\b)?"),
                    0.75, false),
            new StreetLine(Pattern.compile("(?<![\\w-])(?:\\d{1,6}[ \\t]+)?\\p{Lu}[\\p{L}'.-]+(?:[ \\t]+\\p{Lu}[\\p{L}'.-]+){0,2}[ \\t]+\\d{1,5}[A-Za-z]?\\b\\.?"),
                    0.5, true),
    };

    /** A word of a town's name; not the letters of a postcode ("NW" of "London NW1 6XE"). */
    private static final String PLACE_WORD = "\\p{Lu}[\\p{L}'.-]*(?![\\p{L}\\d'.-])";
    /** One more part of an address block after a street line, on the same line or the next. */
    private static final Pattern BLOCK_PART = Pattern.compile(
            "[ \\t]*,?[ \\t]*(?:(?:\\r?\\n[ \\t]*(?:[>|*•?]+[ \\t]*)?){1,2},?[ \\t]*)?(?:"
                    + "(?<unit>" + UNIT + ")"
                    + "|(?<postcode>\\d{4,6}(?:-\\d{3,4})?|\\d{2}-\\d{3}|[A-Z]\\d[A-Z][ ]?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[A-Z]{2})(?![\\w-])"
                    + "|(?<state>\\p{Lu}{2})(?![\\p{L}\\d])"
                    + "|(?<place>" + PLACE_WORD + "(?:[ ]" + PLACE_WORD + "){0,3}))");
    private static final Pattern POSTCODE_AHEAD = Pattern.compile("[ \\t]*,?[ \\t]*(?:\\p{L}{2}[ \\t]+)?\\d{4,6}\\b");
    private static final int MAX_BLOCK_PARTS = 6;
    private static final WordList STOP = WordList.resource("/io/tunebatch/pii/names/stop-words.txt");
    private static final WordList STREET_WORDS = WordList.of("street", "st", "avenue", "ave", "road", "rd", "lane",
            "drive", "court", "way", "place", "suite", "apt", "unit", "box");

    /** Whether {@code upper} is a USPS state, district or territory code ("NY", "DC"). */
    static boolean isUsStateCode(String upper) {
        return US_STATE_CODE.matcher(upper).matches();
    }

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
        // all-lower-case text is read title-cased (same offsets), without the weak street form
        boolean lowerCaseText = TextCase.isAllLower(text);
        String view = lowerCaseText ? TextCase.titleCaseWords(text) : text;
        Matcher part = BLOCK_PART.matcher(view);
        for (StreetLine line : STREET_LINES) {
            if (line.needsBlock() && lowerCaseText) {
                continue;
            }
            Matcher match = line.pattern().matcher(view);
            while (match.find()) {
                if (line.needsBlock() && !plausibleWeakStreet(match)) {
                    continue;
                }
                Block block = extend(view, part, match.end(), lowerCaseText);
                double score = line.score();
                if (block.strong()) {
                    score = Math.max(score, 0.8);
                } else if (block.end() > match.end() && Character.isDigit(match.group().charAt(0))) {
                    score = Math.max(score, 0.75); // "30 Elmwood 48, Springfield": number first, then a place
                }
                out.add(new PiiSpan(withLeadingUnit(view, match.start()), block.end(), EntityTypes.ADDRESS, score, name()));
            }
        }
        Matcher compound = COMPOUND_STREET.matcher(view);
        while (compound.find()) {
            if (hasStreetEnding(compound.group("street").toLowerCase(Locale.ROOT))) {
                Block block = extend(view, part, compound.end(), lowerCaseText);
                out.add(new PiiSpan(compound.start(), block.end(), EntityTypes.ADDRESS, 0.8, name()));
            }
        }
        Matcher postalCode = NAMED_POSTAL_CODE.matcher(text);
        while (postalCode.find()) {
            out.add(new PiiSpan(postalCode.start("code"), postalCode.end("code"), EntityTypes.ADDRESS, 0.8, name()));
        }
    }

    /**
     * A postal code the text names as one ("zip code is 62704", "Postcode: SW1A 1AA"): on its own an
     * identifier under HIPAA's Safe Harbor rule, so it is masked like the rest of an address.
     */
    private static final Pattern NAMED_POSTAL_CODE = Pattern.compile(
            "(?i:\\b(?:zip(?:[ ]?code)?|postal[ ]code|post[ ]?code|postleitzahl|code[ ]postal|c[oó]digo[ ]postal))"
                    + "(?:[ ]?(?::|#|is|was|of|=)[ ]?|[ ])(?<code>\\d{5}(?:-\\d{4})?|\\d{4}|[A-Z]\\d[A-Z][ ]?\\d[A-Z]\\d"
                    + "|[A-Z]{1,2}\\d[A-Z\\d]?[ ]?\\d[A-Z]{2})(?![\\w-])");

    /** A capitalised word and a house number, possibly after another number: "Koskikatu 25", "12 Hauptstraße 5". */
    private static final Pattern COMPOUND_STREET = Pattern.compile(
            "(?<![\\w-])(?:\\d{1,6}[ \\t]+)?(?<street>\\p{Lu}\\p{L}{2,}(?:str\\.)?)[ \\t]+\\d{1,5}[A-Za-z]?\\b");

    private static int withLeadingUnit(String text, int start) {
        Matcher unit = LEADING_UNIT.matcher(text).region(Math.max(0, start - LEADING_UNIT_MAX), start).useTransparentBounds(true);
        return unit.find() ? unit.start() : start;
    }

    /** The weak "number words number" line must not start with a stop word ("Chapter 12 Part 3" passes, "On 3 May 5" not). */
    private static boolean plausibleWeakStreet(Matcher match) {
        Tokens tokens = Tokens.of(match.group());
        for (int i = 0; i < tokens.size(); i++) {
            if (STOP.containsUpper(tokens.upper(match.group(), i))) {
                return false;
            }
        }
        return tokens.size() > 0;
    }

    private record Block(int end, boolean strong) {
    }

    /** Grows the span over the unit, city, state, postcode and country parts that follow {@code end}. */
    private static Block extend(String text, Matcher part, int end, boolean lowerCaseText) {
        boolean strong = false;
        for (int parts = 0; parts < MAX_BLOCK_PARTS; parts++) {
            part.region(end, text.length());
            if (!part.lookingAt()) {
                break;
            }
            String place = part.group("place");
            if (place != null) {
                String first = place.split("[ ]", 2)[0].toUpperCase(Locale.ROOT);
                boolean knownPlace = LocationRecognizer.isPlace(place.toUpperCase(Locale.ROOT));
                if (STOP.containsUpper(first) && !STREET_WORDS.containsUpper(first) && !knownPlace) {
                    break;
                }
                // case marks nothing in lower-case text: there a town must be a known place or precede a postcode
                if (lowerCaseText && !knownPlace && !POSTCODE_AHEAD.matcher(text).region(part.end(), text.length()).lookingAt()) {
                    break;
                }
            }
            strong |= part.group("unit") != null || part.group("postcode") != null;
            end = part.end();
        }
        return new Block(withoutFullStop(text, end), strong);
    }

    /** "..., 00-590 Warszawa." ends a sentence; "St." and "D.C." keep their abbreviation's dot. */
    private static int withoutFullStop(String text, int end) {
        if (end < 2 || text.charAt(end - 1) != '.' || (end < text.length() && !Character.isWhitespace(text.charAt(end)))) {
            return end;
        }
        int letters = 0;
        for (int i = end - 2; i >= 0 && Character.isLetter(text.charAt(i)); i--) {
            letters++;
        }
        return letters > 3 ? end - 1 : end;
    }

    private static boolean hasStreetEnding(String word) {
        for (String ending : STREET_ENDINGS) {
            if (word.length() > ending.length() + 1 && word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
