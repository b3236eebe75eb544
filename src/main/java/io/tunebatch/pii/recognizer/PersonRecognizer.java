package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Person names without a model: runs of name-shaped words (capitalised, initials, name particles
 * such as "van" or "de") are scored by how many of their words are known first names or surnames
 * (US Census 1990 lists) and by cues around them (a title such as "Dr.", "my name is"). Words in
 * capitals count only when they are known names, so acronyms stay out while all-caps records
 * ("JOHN SMITH") and non-English names next to a known name are still found. A run followed by a
 * company or street word ("Acme Corp", "Elm Street") is not a person.
 */
public final class PersonRecognizer implements PiiRecognizer {

    private static final String NAMES = "/io/tunebatch/pii/names/";
    private static final WordList FIRST = WordList.resource(NAMES + "first-names.txt");
    private static final WordList LAST = WordList.resource(NAMES + "last-names.txt");
    private static final WordList STOP = WordList.resource(NAMES + "stop-words.txt");
    private static final WordList TITLES = WordList.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam",
            "madame", "mister", "doctor", "professor", "rev", "reverend", "hon", "capt", "captain", "lt", "sgt",
            "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "dott", "ing");
    private static final WordList PARTICLES = WordList.of("van", "von", "de", "der", "den", "da", "di", "del",
            "della", "du", "le", "la", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "af", "zu", "y");
    /** A name-shaped run followed by (or containing) one of these names an organisation or a place. */
    private static final WordList NOT_A_PERSON_AFTER = WordList.of("inc", "ltd", "llc", "llp", "plc", "corp",
            "corporation", "company", "co", "group", "bank", "university", "college", "school", "hospital", "clinic",
            "foundation", "institute", "association", "society", "club", "church", "museum", "airlines", "airways",
            "hotel", "partners", "holdings", "systems", "solutions", "technologies", "services", "consulting",
            "agency", "department", "ministry", "council", "committee", "center", "centre", "fund", "trust", "labs",
            "media", "studios", "records", "press", "news", "times", "journal", "magazine", "gmbh", "ag", "sa", "bv",
            "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "court", "ct",
            "way", "place", "square", "parkway", "pkwy", "highway", "hwy", "terrace", "circle", "park", "river",
            "lake", "mountain", "mountains", "island", "islands", "county", "city", "valley", "bay", "beach");
    private static final String[] STRONG_CUES = {"my name is", "name is", "name:", "i am", "i'm", "named",
            "called", "this is", "signed", "regards,", "sincerely,", "attn:", "attention:"};
    private static final int MAX_NAME_WORDS = 4;

    @Override
    public String name() {
        return "person";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.PERSON);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        Tokens tokens = Tokens.of(text);
        int i = 0;
        while (i < tokens.size()) {
            if (!startsRun(text, tokens, i)) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < tokens.size() && continuesRun(text, tokens, last)) {
                last++;
            }
            evaluate(text, tokens, i, last, out);
            i = last + 1;
        }
    }

    private static boolean startsRun(String text, Tokens tokens, int i) {
        return isTitle(text, tokens, i) || isNameWord(text, tokens, i, false);
    }

    /** Whether token {@code i + 1} joins the run ending at token {@code i}. */
    private static boolean continuesRun(String text, Tokens tokens, int i) {
        int gapStart = tokens.end(i);
        int next = i + 1;
        int gapEnd = tokens.start(next);
        boolean dotted = gapStart < gapEnd && text.charAt(gapStart) == '.';
        if (dotted && !(isTitle(text, tokens, i) || tokens.length(i) == 1)) {
            return false;
        }
        for (int g = dotted ? gapStart + 1 : gapStart; g < gapEnd; g++) {
            if (text.charAt(g) != ' ') {
                return false;
            }
        }
        if (gapEnd - gapStart > (dotted ? 3 : 2)) {
            return false;
        }
        if (isParticle(text, tokens, next)) {
            // "van der Berg": a chain of particles joins only when a name word follows it
            int after = next;
            while (after + 1 < tokens.size() && tokens.start(after + 1) - tokens.end(after) == 1
                    && isParticle(text, tokens, after + 1)) {
                after++;
            }
            return after + 1 < tokens.size() && tokens.start(after + 1) - tokens.end(after) == 1
                    && isNameWord(text, tokens, after + 1, true);
        }
        return isNameWord(text, tokens, next, true);
    }

    private static boolean isTitle(String text, Tokens tokens, int i) {
        return isCapitalisedOrUpper(text, tokens, i) && TITLES.containsUpper(tokens.upper(text, i));
    }

    private static boolean isParticle(String text, Tokens tokens, int i) {
        return Character.isLowerCase(text.charAt(tokens.start(i))) && PARTICLES.containsUpper(tokens.upper(text, i));
    }

    /**
     * A capitalised word or initial that is not a stop word; a word in capitals only when it is a
     * known name (or follows one inside a run), so acronyms do not start names.
     */
    private static boolean isNameWord(String text, Tokens tokens, int i, boolean insideRun) {
        String upper = tokens.upper(text, i);
        if (STOP.containsUpper(upper) || TITLES.containsUpper(upper)) {
            return false;
        }
        if (isCapitalised(text, tokens, i)) {
            return true;
        }
        if (tokens.length(i) == 1) {
            return Character.isUpperCase(text.charAt(tokens.start(i))) && !upper.equals("I") && !upper.equals("A");
        }
        if (isAllUpper(text, tokens, i)) {
            return FIRST.containsUpper(upper) || LAST.containsUpper(upper) || insideRun;
        }
        return false;
    }

    private void evaluate(String text, Tokens tokens, int from, int to, List<PiiSpan> out) {
        boolean titled = false;
        while (from <= to && isTitle(text, tokens, from)) {
            titled = true;
            from++;
        }
        // a run that ends on a particle ("Anna de") ends before it
        while (to >= from && isParticle(text, tokens, to)) {
            to--;
        }
        if (from > to) {
            return;
        }
        int nameWords = 0;
        int known = 0;
        boolean allUpperUnknown = false;
        boolean foreign = false;
        for (int t = from; t <= to; t++) {
            if (isParticle(text, tokens, t)) {
                continue;
            }
            nameWords++;
            String upper = tokens.upper(text, t);
            if (NOT_A_PERSON_AFTER.containsUpper(upper)) {
                return;
            }
            boolean isKnown = FIRST.containsUpper(upper) || LAST.containsUpper(upper);
            if (isKnown) {
                known++;
            } else if (tokens.length(t) > 1 && isAllUpper(text, tokens, t)) {
                allUpperUnknown = true;
            }
            foreign |= hasNonAscii(text, tokens.start(t), tokens.end(t));
        }
        if (nameWords > MAX_NAME_WORDS || (to + 1 < tokens.size() && followedByNonPersonWord(text, tokens, to))) {
            return;
        }
        String firstUpper = tokens.upper(text, from);
        String lastUpper = tokens.upper(text, to);
        boolean singleInitial = nameWords == 1 && tokens.length(from) == 1;
        if (singleInitial) {
            return;
        }
        double score;
        if (nameWords >= 2) {
            boolean firstIsFirstName = FIRST.containsUpper(firstUpper);
            boolean lastIsSurname = LAST.containsUpper(lastUpper) || FIRST.containsUpper(lastUpper);
            if (firstIsFirstName && lastIsSurname) {
                score = 0.9;
            } else if (firstIsFirstName || (lastIsSurname && tokens.length(to) > 1)) {
                score = 0.8;
            } else if (known > 0) {
                score = 0.7;
            } else {
                score = foreign ? 0.6 : 0.5;
            }
            if (allUpperUnknown && known == 0) {
                return;
            }
        } else {
            score = FIRST.containsUpper(firstUpper) ? 0.6 : 0.3;
            if (atSentenceStart(text, tokens.start(from))) {
                score -= 0.15;
            }
        }
        if (titled || hasStrongCue(text, tokens.start(titled ? from - 1 : from))) {
            score = Math.max(score, 0.85);
        }
        out.add(new PiiSpan(tokens.start(from), tokens.end(to), EntityTypes.PERSON, score, name()));
    }

    private static boolean followedByNonPersonWord(String text, Tokens tokens, int last) {
        int next = last + 1;
        for (int g = tokens.end(last); g < tokens.start(next); g++) {
            if (text.charAt(g) != ' ') {
                return false;
            }
        }
        return NOT_A_PERSON_AFTER.containsUpper(tokens.upper(text, next)) && !isAllLower(text, tokens, next);
    }

    private static boolean hasStrongCue(String text, int start) {
        int from = Math.max(0, start - 14);
        String before = text.substring(from, start).toLowerCase(Locale.ROOT).stripTrailing();
        for (String cue : STRONG_CUES) {
            if (before.endsWith(cue)) {
                int at = before.length() - cue.length();
                if (at == 0 || !Character.isLetter(before.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean atSentenceStart(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != '(') {
                return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
            }
            if (c == '\n') {
                return true;
            }
        }
        return true;
    }

    private static boolean isCapitalised(String text, Tokens tokens, int i) {
        int start = tokens.start(i);
        if (!Character.isUpperCase(text.charAt(start)) && !Character.isTitleCase(text.charAt(start))) {
            return false;
        }
        for (int c = start + 1; c < tokens.end(i); c++) {
            if (Character.isLowerCase(text.charAt(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCapitalisedOrUpper(String text, Tokens tokens, int i) {
        return Character.isUpperCase(text.charAt(tokens.start(i)));
    }

    private static boolean isAllUpper(String text, Tokens tokens, int i) {
        for (int c = tokens.start(i); c < tokens.end(i); c++) {
            if (Character.isLowerCase(text.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllLower(String text, Tokens tokens, int i) {
        for (int c = tokens.start(i); c < tokens.end(i); c++) {
            if (Character.isUpperCase(text.charAt(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNonAscii(String text, int start, int end) {
        for (int c = start; c < end; c++) {
            if (text.charAt(c) > 127) {
                return true;
            }
        }
        return false;
    }
}
