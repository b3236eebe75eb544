package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Person names without a model. Runs of name-shaped words (capitalised words, initials, particles
 * such as "van" or "de") are scored by how many of their words are known first names or surnames
 * (US Census 1990 lists), where they stand (the start of a sentence says nothing about case) and
 * by cues: a title ("Dr."), "my name is", or coordination with another name ("Ana, Bo and Cy").
 * Words in capitals count only when they are known names, so acronyms stay out while all-caps
 * records ("JOHN SMITH") and non-English surnames next to a known first name are found; in text
 * written entirely in lower case, known first name + surname pairs are found. A run followed by a
 * company or street word ("Acme Corp", "Elm Street"), or a known place, is not a person; nor is a
 * capitalised phrase used as a modifier ("my Everyday Checking account", "a 502 Bad Gateway page"),
 * a word glued into an identifier ("APPLE.COM/BILL", "SQ *BLUE") or, in mixed-case text, a run in
 * capitals with a word that is no known name (a merchant descriptor such as "SHELL OIL").
 * Greetings and chat speaker labels ("Hi Zoë,", "Agent Sofia:") are cues. A word that is no common
 * English word (SCOWL's lower-case entries) is a proper noun: a known name that is none
 * ("Jennifer", unlike "Will") needs no cue mid-sentence, and an unknown one ("Wrzesniewski")
 * needs a person context word unless a determiner or a model number shows it names a thing
 * ("the Thermo 3"). After a place preposition a single word that is no common first name is a
 * place or a firm ("in Lyon", "at Zylker").
 */
public final class PersonRecognizer implements PiiRecognizer {

    private static final String NAMES = "/io/tunebatch/pii/names/";
    static final WordList FIRST = WordList.resources(NAMES + "first-names.txt", NAMES + "ssa-first-names.txt");
    /** The Census first names: common enough that one alone in a sentence is a name. */
    static final WordList COMMON_FIRST = WordList.resource(NAMES + "first-names.txt");
    /** The 1,500 most frequent Census first names: in lower-case text only these mark a name ("love rock" does not). */
    static final WordList TOP_FIRST = WordList.top(NAMES + "first-names.txt", 1500);
    static final WordList LAST = WordList.resource(NAMES + "last-names.txt");
    static final WordList STOP = WordList.resource(NAMES + "stop-words.txt");
    /** Organisations named like people ("Wells Fargo", "Goldman Sachs"), upper case. */
    private static final Set<String> ORGANISATIONS = WordList.phrases(NAMES + "organisations.txt");
    /**
     * Common English words (SCOWL's lower-case entries). A name that is no such word ("Jennifer",
     * "Kowalski") is a proper noun wherever it stands; one that is ("Will", "Grant", "Smith") needs
     * its position or a cue.
     */
    static final WordList ENGLISH = WordList.resource(NAMES + "english-words.txt");
    private static final WordList TITLES = WordList.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam",
            "madame", "mister", "doctor", "professor", "rev", "reverend", "hon", "capt", "captain", "lt", "sgt",
            "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "dott", "ing");
    private static final WordList PARTICLES = WordList.of("van", "von", "de", "der", "den", "da", "di", "del",
            "della", "du", "le", "la", "bin", "ibn", "al", "el", "dos", "das", "ter", "ten", "af", "zu", "y");
    /** A name-shaped run followed by (or containing) one of these names an organisation or a place. */
    private static final WordList NOT_A_PERSON = WordList.of("inc", "ltd", "llc", "llp", "plc", "corp",
            "corporation", "company", "co", "group", "bank", "university", "college", "school", "hospital", "clinic",
            "foundation", "institute", "association", "society", "club", "church", "museum", "airlines", "airways",
            "hotel", "partners", "holdings", "systems", "solutions", "technologies", "services", "consulting",
            "agency", "department", "ministry", "council", "committee", "center", "centre", "fund", "trust", "labs",
            "media", "studios", "records", "press", "news", "times", "journal", "magazine", "gmbh", "ag", "sa", "bv",
            "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "court", "ct",
            "way", "place", "square", "parkway", "pkwy", "highway", "hwy", "terrace", "circle", "park", "river",
            "lake", "mountain", "mountains", "island", "islands", "county", "city", "valley", "bay", "beach",
            "research", "analytics", "maintenance", "force", "data", "software", "insurance", "capital", "ventures",
            "logistics", "energy", "health", "healthcare", "pharma", "pharmaceuticals", "motors", "foods",
            "industries", "international", "global", "network", "networks", "communications", "digital",
            "marketing", "design", "studio", "entertainment", "productions", "pictures", "films", "weekly", "daily",
            "review", "gazette", "tribune", "herald", "league", "union", "federation", "republic", "kingdom",
            "empire", "army", "navy", "police", "garden", "gardens", "sons", "brothers", "bros", "associates",
            "incorporated", "unlimited", "lines", "movers", "investments", "orchestra", "band", "bridge", "tower",
            "towers", "stadium", "arena", "cathedral", "airport", "tunnel", "monument", "memorial", "harbour",
            "harbor", "canal", "model",
            // eponyms of clinical and scientific terms: "Glasgow Coma Scale", "Apgar Score", "Whipple Procedure"
            "scale", "score", "syndrome", "disease", "index", "criteria", "classification", "procedure", "method",
            "theorem", "effect", "protocol");
    private static final String[] STRONG_CUES = {"my name is", "name is", "name:", "i am", "i'm", "named",
            "called", "this is", "signed", "regards,", "sincerely,", "attn:", "attention:"};
    /** On the line before a name that stands alone on its line, a letter's sign-off: "Best,\nTomasz". */
    private static final String[] SIGN_OFFS = {"best,", "best regards,", "kind regards,", "warm regards,", "cheers,",
            "thanks,", "thank you,", "many thanks,", "yours,", "yours truly,", "respectfully,", "best wishes,",
            "all the best,", "take care,", "--"};
    /** Before a name followed by punctuation: "Hi Zoë,", "Thank you, Tomás." */
    private static final String[] GREETINGS = {"hi", "hello", "hey", "dear", "thank you,", "thanks,", "good morning",
            "good afternoon", "good evening", "bonjour", "hola", "hallo", "ciao"};
    /** Before a name followed by a colon, a chat speaker label: "Agent Sofia:". */
    private static final WordList SPEAKER_ROLES = WordList.of("agent", "customer", "caller", "client", "patient",
            "nurse", "rep", "representative", "advisor", "adviser", "operator", "member", "user", "technician",
            "support", "doctor", "dr");
    /** Before a capitalised phrase followed by a lower-case word, these make it a modifier: "my Money Market account". */
    private static final WordList DETERMINERS = WordList.of("a", "an", "the", "my", "your", "our", "their", "its",
            "this", "that", "these", "those", "each", "every", "any", "no");
    /** Words that, capitalised mid-sentence, show a title-cased phrase ("Page Not Found", "Terms Of Use"). */
    private static final WordList FUNCTION_WORDS = WordList.of("not", "of", "for", "to", "in", "on", "at", "by",
            "from", "with", "the", "and", "or", "is", "are", "be", "your", "my", "our", "now", "here", "this");
    /** Characters that glue a word into an identifier, URL or card descriptor rather than a sentence. */
    private static final String IDENTIFIER_GLUE = "/\\*@_#";
    /** Verbs that, right after a capitalised word opening a sentence, make it a subject ("Anna is ..."). */
    private static final WordList SUBJECT_VERBS = WordList.of("is", "was", "has", "had", "will", "would", "can",
            "could", "did", "does", "lives", "lived", "works", "worked", "spent", "said", "says", "shouted", "told",
            "asked", "wrote", "went", "called", "left", "moved", "joined", "needs", "wants", "thinks", "knows",
            "replied", "whispered", "married", "smiled", "laughed", "cried", "studied", "graduated");
    /** Verbs whose subject is a person, so even an unknown word before them is a name ("Mieszko lives ..."). */
    private static final WordList HUMAN_VERBS = WordList.of("lives", "lived", "shouted", "replied", "whispered",
            "married", "smiled", "laughed", "cried", "spent", "studied", "graduated");
    /** Prepositions of place: a single word after one, unless a common first name, is a place or a firm ("works at Zylker"). */
    private static final WordList LOCATIVES = WordList.of("in", "at", "from", "near", "into", "across", "around",
            "outside", "inside", "throughout", "toward", "towards", "within", "via", "of", "on");
    private static final int MAX_NAME_WORDS = 4;
    /** Score a name gets from a cue or from coordination with another name. */
    private static final double CUED = 0.85;
    private static final double COORDINATED = 0.75;

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
        new Scan(text).run(out);
    }

    /** One pass over one text. */
    private final class Scan {

        private final String text;
        private final Tokens tokens;
        private final boolean lowerCaseText;
        private final boolean upperCaseText;
        private final List<PiiSpan> found = new ArrayList<>();
        /** Whether each span in {@link #found} consists of known names. */
        private final List<Boolean> known = new ArrayList<>();

        Scan(String text) {
            this.text = text;
            this.tokens = Tokens.of(text);
            this.lowerCaseText = TextCase.isAllLower(text);
            this.upperCaseText = TextCase.isMostlyUpper(text);
        }

        void run(List<PiiSpan> out) {
            int i = 0;
            while (i < tokens.size()) {
                if (!isTitle(i) && !isNameWord(i, false)) {
                    i++;
                    continue;
                }
                int last = i;
                while (last + 1 < tokens.size() && continuesRun(last)) {
                    last++;
                }
                evaluate(i, last);
                i = last + 1;
            }
            applyCoordination();
            out.addAll(found);
        }

        /** Whether token {@code i + 1} joins the run ending at token {@code i}. */
        private boolean continuesRun(int i) {
            int gapStart = tokens.end(i);
            int next = i + 1;
            int gapEnd = tokens.start(next);
            boolean dotted = gapStart < gapEnd && text.charAt(gapStart) == '.';
            if (dotted && !(isTitle(i) || tokens.length(i) == 1)) {
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
            if (isParticle(next)) {
                // "van der Berg": a chain of particles joins only when a name word follows it
                int after = next;
                while (after + 1 < tokens.size() && tokens.start(after + 1) - tokens.end(after) == 1 && isParticle(after + 1)) {
                    after++;
                }
                return after + 1 < tokens.size() && tokens.start(after + 1) - tokens.end(after) == 1
                        && isNameWord(after + 1, true);
            }
            return isNameWord(next, true);
        }

        private boolean isTitle(int i) {
            return Character.isUpperCase(text.charAt(tokens.start(i))) && TITLES.containsUpper(tokens.upper(text, i));
        }

        private boolean isParticle(int i) {
            return Character.isLowerCase(text.charAt(tokens.start(i))) && PARTICLES.containsUpper(tokens.upper(text, i));
        }

        /**
         * A capitalised word or initial that is not a stop word; a word in capitals only when it is
         * a known name (or follows one inside a run), so acronyms do not start names; in lower-case
         * text, a known name.
         */
        private boolean isNameWord(int i, boolean insideRun) {
            String upper = tokens.upper(text, i);
            if (STOP.containsUpper(upper) || TITLES.containsUpper(upper) || gluedIntoIdentifier(i)) {
                return false;
            }
            if (isCapitalised(i)) {
                return true;
            }
            char first = text.charAt(tokens.start(i));
            if (tokens.length(i) == 1) {
                return Character.isUpperCase(first) && !upper.equals("I") && !upper.equals("A") && !afterNumber(i);
            }
            boolean knownName = FIRST.containsUpper(upper) || LAST.containsUpper(upper);
            if (isAllUpper(i)) {
                return knownName || insideRun;
            }
            return lowerCaseText && knownName && Character.isLowerCase(first) && !PARTICLES.containsUpper(upper);
        }

        private void evaluate(int from, int to) {
            boolean titled = false;
            while (from <= to && (isTitle(from) || (from < to && SPEAKER_ROLES.containsUpper(tokens.upper(text, from))))) {
                titled = true; // "Dr. Okafor", "Caller Priya Nguyen": a title or role before the name is a cue
                from++;
            }
            while (to >= from && isParticle(to)) {
                to--;
            }
            if (from > to) {
                return;
            }
            int nameWords = 0;
            int knownWords = 0;
            boolean upperUnknown = false;
            boolean allUpper = true;
            boolean foreign = false;
            for (int t = from; t <= to; t++) {
                if (isParticle(t)) {
                    continue;
                }
                nameWords++;
                String upper = tokens.upper(text, t);
                if (NOT_A_PERSON.containsUpper(upper)) {
                    return;
                }
                if (FIRST.containsUpper(upper) || LAST.containsUpper(upper)) {
                    knownWords++;
                } else if (tokens.length(t) > 1 && isAllUpper(t)) {
                    upperUnknown = true;
                }
                allUpper &= isAllUpper(t);
                foreign |= hasNonAscii(tokens.start(t), tokens.end(t));
            }
            if (nameWords > MAX_NAME_WORDS || followedByNonPersonWord(to) || (nameWords == 1 && tokens.length(from) == 1)) {
                return;
            }
            boolean lowerCase = Character.isLowerCase(text.charAt(tokens.start(from)));
            String firstUpper = tokens.upper(text, from);
            String lastUpper = tokens.upper(text, to);
            boolean sentenceStart = atSentenceStart(tokens.start(titled ? from - 1 : from)) && !actsAsName(to);
            double score;
            if (nameWords >= 2) {
                boolean firstIsFirstName = FIRST.containsUpper(firstUpper);
                boolean lastIsSurname = LAST.containsUpper(lastUpper) || FIRST.containsUpper(lastUpper);
                if (upperUnknown && knownWords == 0) {
                    return;
                }
                if (firstIsFirstName && lastIsSurname) {
                    score = 0.9;
                } else if (firstIsFirstName || (lastIsSurname && tokens.length(to) > 1)) {
                    score = 0.8;
                } else if ((knownWords > 0 && !ENGLISH.containsUpper(lastUpper)) || (!sentenceStart && noEnglishWord(from, to))) {
                    // a name ends in a name or a proper noun, not a common word ("Prior Authorization")
                    score = 0.7;
                } else {
                    score = foreign ? 0.6 : 0.5;
                }
                if (lowerCase) {
                    boolean namePair = lastIsSurname && (TOP_FIRST.containsUpper(firstUpper)
                            || (firstIsFirstName && noEnglishWord(from, to)));
                    score = namePair ? 0.8 : 0.3;
                } else if (hasMiddleInitial(from, to)) {
                    score = Math.max(score, 0.75); // "Given X. Family" is how people, not firms, are written
                } else if (nameWords <= 3 && aloneOnLine(tokens.start(from), tokens.end(to))) {
                    score = Math.max(score, 0.7); // a line holding just "Given Family": a signature or address block
                }
            } else {
                score = singleWordScore(firstUpper, lowerCase, sentenceStart, to);
            }
            boolean cued = !lowerCase && (titled || hasStrongCue(tokens.start(titled ? from - 1 : from))
                    || ((knownWords > 0 || foreign) && greeted(from, to)) || speakerLabel(from, to) || signedOff(from, to));
            if (!cued && !upperCaseText && allUpper && !namesInCapitals(nameWords, knownWords, firstUpper, to)) {
                return;
            }
            if (!cued && allUpper && nameWords > 1 && StreetAddressRecognizer.isUsStateCode(lastUpper)) {
                return; // "YORK NY", "AUSTIN TX": a town and its state in a card or transfer descriptor
            }
            if (!cued && (usedAsModifier(from, to) || insideTitledPhrase(to))) {
                return;
            }
            if (cued) {
                score = Math.max(score, CUED);
            } else if (LocationRecognizer.isPlace(text.substring(tokens.start(from), tokens.end(to)).toUpperCase(Locale.ROOT))
                    || namesAnOrganisation(from, to) || afterOrganisationOf(from)) {
                return; // "Georgia", "Jordan": a known place is not a person without a cue; nor is "Wells Fargo"
            }
            found.add(new PiiSpan(tokens.start(from), withoutPossessive(tokens.start(from), tokens.end(to)), EntityTypes.PERSON,
                    score, name()));
            // in lower-case text only the most frequent first names count, so "rock and roll" stays out
            known.add(lowerCase ? TOP_FIRST.containsUpper(firstUpper) : knownWords > 0);
        }

        /**
         * One word: a known first name or surname that is no English word is a name even alone; an
         * unknown capitalised word that is no English word is a proper noun, a name mid-sentence
         * unless it is a known place (checked by the caller); English words need a cue.
         */
        private double singleWordScore(String upper, boolean lowerCase, boolean sentenceStart, int at) {
            boolean properNoun = !ENGLISH.containsUpper(upper);
            boolean firstName = FIRST.containsUpper(upper);
            boolean surname = LAST.containsUpper(upper);
            if (lowerCase) {
                return (firstName || surname) && properNoun ? 0.7 : TOP_FIRST.containsUpper(upper) ? 0.4 : 0.2;
            }
            if (afterLocative(at) && !COMMON_FIRST.containsUpper(upper)) {
                // a word after a place preposition is a town, a street or a firm ("in Lyon", "on Jackson", "at
                // Zylker") unless it is a common first name
                return 0.3;
            }
            if (COMMON_FIRST.containsUpper(upper)) {
                return sentenceStart && !properNoun ? 0.6 : 0.75;
            }
            if (firstName) {
                // the rarer first names include acronyms and words of other languages ("Iban"): position still counts
                return sentenceStart ? 0.45 : properNoun ? 0.75 : 0.6;
            }
            if (surname) {
                return properNoun ? (sentenceStart ? 0.6 : 0.7) : sentenceStart ? 0.3 : 0.45;
            }
            if (followedBy(at, HUMAN_VERBS)) {
                return 0.75;
            }
            if (properNoun) {
                return sentenceStart || namesAThing(at) ? 0.2 : 0.45;
            }
            return sentenceStart ? 0.15 : 0.3;
        }

        /** "Warren Buffett's letter": the name ends before its possessive ending. */
        private int withoutPossessive(int start, int end) {
            boolean possessive = end - start > 3 && (text.startsWith("'s", end - 2) || text.startsWith("\u2019s", end - 2));
            return possessive ? end - 2 : end;
        }

        /** "Wells Fargo", "Goldman Sachs Bank": the run is, or starts with, a known organisation. */
        private boolean namesAnOrganisation(int from, int to) {
            for (int last = from; last <= to; last++) {
                if (ORGANISATIONS.contains(text.substring(tokens.start(from), tokens.end(last)).toUpperCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        /** "Bank of America", "University of Michigan": a name after an organisation or place word and "of". */
        private boolean afterOrganisationOf(int from) {
            return from >= 2 && tokens.upper(text, from - 1).equals("OF") && Character.isLowerCase(text.charAt(tokens.start(from - 1)))
                    && isCapitalised(from - 2) && NOT_A_PERSON.containsUpper(tokens.upper(text, from - 2));
        }

        /** "in Oakhurst", "from Zylker": a word after a place preposition. */
        private boolean afterLocative(int word) {
            return word > 0 && tokens.start(word) == tokens.end(word - 1) + 1 && text.charAt(tokens.end(word - 1)) == ' '
                    && LOCATIVES.containsUpper(tokens.upper(text, word - 1));
        }

        /** "the Thermo 3 thermostat": after a determiner or before a model number, a word names a product or place. */
        private boolean namesAThing(int word) {
            int end = tokens.end(word);
            boolean modelNumber = end + 1 < text.length() && text.charAt(end) == ' ' && Character.isDigit(text.charAt(end + 1));
            return modelNumber || (word > 0 && tokens.start(word) == tokens.end(word - 1) + 1
                    && DETERMINERS.containsUpper(tokens.upper(text, word - 1)));
        }

        private boolean noEnglishWord(int from, int to) {
            for (int t = from; t <= to; t++) {
                if (!isParticle(t) && tokens.length(t) > 1 && ENGLISH.containsUpper(tokens.upper(text, t))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * "Ana, Bo and Cy": names joined by commas and "and"/"or"/"&" are all names once two of
         * them are known names or one is already confident.
         */
        private void applyCoordination() {
            int groupStart = 0;
            for (int i = 1; i <= found.size(); i++) {
                if (i < found.size() && coordinated(found.get(i - 1).end(), found.get(i).start())) {
                    continue;
                }
                if (i - groupStart >= 2) {
                    int knownMembers = 0;
                    boolean confident = false;
                    for (int k = groupStart; k < i; k++) {
                        knownMembers += known.get(k) ? 1 : 0;
                        confident |= found.get(k).score() >= 0.8;
                    }
                    if (knownMembers >= 2 || confident) {
                        for (int k = groupStart; k < i; k++) {
                            PiiSpan s = found.get(k);
                            if (s.score() < COORDINATED) {
                                found.set(k, new PiiSpan(s.start(), s.end(), s.entityType(), COORDINATED, s.recognizer()));
                            }
                        }
                    }
                }
                groupStart = i;
            }
        }

        private boolean coordinated(int end, int nextStart) {
            String gap = text.substring(end, nextStart).trim();
            return gap.equals(",") || gap.equals("and") || gap.equals(", and") || gap.equals("or")
                    || gap.equals(", or") || gap.equals("&") || gap.equals("und") || gap.equals("et") || gap.equals("y");
        }

        private boolean hasMiddleInitial(int from, int to) {
            for (int t = from + 1; t < to; t++) {
                if (tokens.length(t) == 1 && tokens.end(t) < text.length() && text.charAt(tokens.end(t)) == '.'
                        && tokens.length(from) > 1 && tokens.length(to) > 1) {
                    return true;
                }
            }
            return false;
        }

        private boolean aloneOnLine(int start, int end) {
            for (int i = start - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    return false;
                }
            }
            for (int i = end; i < text.length() && text.charAt(i) != '\n'; i++) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Followed by a subject verb or by a vocative comma ("Anna, can you ..."). */
        private boolean actsAsName(int last) {
            int end = tokens.end(last);
            if (end < text.length() && text.charAt(end) == ',') {
                return true;
            }
            return followedBy(last, SUBJECT_VERBS);
        }

        private boolean followedBy(int last, WordList words) {
            int end = tokens.end(last);
            int next = last + 1;
            return next < tokens.size() && tokens.start(next) == end + 1 && text.charAt(end) == ' '
                    && words.containsUpper(tokens.upper(text, next));
        }

        private boolean followedByNonPersonWord(int last) {
            int next = last + 1;
            if (next >= tokens.size()) {
                return false;
            }
            for (int g = tokens.end(last); g < tokens.start(next); g++) {
                if (text.charAt(g) != ' ') {
                    return false;
                }
            }
            return NOT_A_PERSON.containsUpper(tokens.upper(text, next)) && !Character.isLowerCase(text.charAt(tokens.start(next)));
        }

        /**
         * Capitals in mixed-case text name a person when every word is a known name, or when a
         * common first name leads and no store number follows ("SVETLANA IVANOVA" but not
         * "CARTER FUEL 2231"); otherwise they are a merchant descriptor or an acronym.
         */
        private boolean namesInCapitals(int nameWords, int knownWords, String firstUpper, int to) {
            if (knownWords == nameWords) {
                // one capitalised word of two letters is an acronym ("seen in ED", "the IT desk")
                return nameWords > 1 || (COMMON_FIRST.containsUpper(firstUpper) && firstUpper.length() > 2) || beforeGivenName(to);
            }
            int end = tokens.end(to);
            boolean storeNumber = end + 1 < text.length() && text.charAt(end) == ' ' && Character.isDigit(text.charAt(end + 1));
            return COMMON_FIRST.containsUpper(firstUpper) && knownWords > 0 && !storeNumber;
        }

        /** "SMITH, JOHN A": a surname in capitals, a comma and a first name in capitals, as records list people. */
        private boolean beforeGivenName(int last) {
            int next = last + 1;
            int end = tokens.end(last);
            return LAST.containsUpper(tokens.upper(text, last)) && next < tokens.size()
                    && text.startsWith(", ", end) && tokens.start(next) == end + 2 && isAllUpper(next)
                    && FIRST.containsUpper(tokens.upper(text, next));
        }

        /** "Hi Zoë," / "Thank you, Tomás." : a greeting before, punctuation or the end after. */
        private boolean greeted(int from, int to) {
            int end = tokens.end(to);
            boolean closed = end == text.length() || ",.!?;:\n".indexOf(text.charAt(end)) >= 0;
            return closed && endsWithPhrase(tokens.start(from), GREETINGS);
        }

        /** "Best,\nTomasz": a name alone on the line under a sign-off is a signature. */
        private boolean signedOff(int from, int to) {
            int start = tokens.start(from);
            int lineStart = text.lastIndexOf('\n', start - 1);
            return lineStart > 0 && aloneOnLine(start, tokens.end(to)) && endsWithPhrase(lineStart, SIGN_OFFS);
        }

        /** "Agent Sofia:" at the start of a chat turn. */
        private boolean speakerLabel(int from, int to) {
            int end = tokens.end(to);
            return end < text.length() && text.charAt(end) == ':' && from > 0
                    && tokens.start(from) - tokens.end(from - 1) == 1 && SPEAKER_ROLES.containsUpper(tokens.upper(text, from - 1));
        }

        /** "a 404 Page Not Found message": a capitalised function word continues the phrase mid-sentence. */
        private boolean insideTitledPhrase(int to) {
            int next = to + 1;
            if (next >= tokens.size() || tokens.start(next) != tokens.end(to) + 1 || text.charAt(tokens.end(to)) != ' '
                    || !isCapitalised(next)) {
                return false;
            }
            String word = tokens.upper(text, next);
            return STOP.containsUpper(word) && !TITLES.containsUpper(word) && FUNCTION_WORDS.containsUpper(word);
        }

        /** "my Everyday Checking account", "a 502 Bad Gateway page": determiner, phrase, lower-case word. */
        private boolean usedAsModifier(int from, int to) {
            if (from == 0 || to + 1 >= tokens.size() || FIRST.containsUpper(tokens.upper(text, from)) || !DETERMINERS.containsUpper(tokens.upper(text, from - 1))) {
                return false;
            }
            for (int g = tokens.end(from - 1); g < tokens.start(from); g++) {
                char c = text.charAt(g);
                if (c != ' ' && !Character.isDigit(c)) {
                    return false;
                }
            }
            int next = to + 1;
            if (tokens.start(next) != tokens.end(to) + 1 || text.charAt(tokens.end(to)) != ' '
                    || !Character.isLowerCase(text.charAt(tokens.start(next)))) {
                return false;
            }
            String word = tokens.upper(text, next);
            return !word.equals("AND") && !word.equals("OR") && !SUBJECT_VERBS.containsUpper(word);
        }

        /** Card descriptors are written in capitals: "SQ *BLUE", "APPLE.COM/BILL". */
        private boolean gluedIntoIdentifier(int i) {
            if (tokens.length(i) == 1 || !isAllUpper(i)) {
                return false;
            }
            int start = tokens.start(i);
            int end = tokens.end(i);
            boolean before = start > 0 && text.charAt(start - 1) != '@' && IDENTIFIER_GLUE.indexOf(text.charAt(start - 1)) >= 0;
            boolean after = end < text.length() && IDENTIFIER_GLUE.indexOf(text.charAt(end)) >= 0;
            return before || after || beforeDomainSuffix(end);
        }

        /** "APPLE.COM/": a dot, two or three letters and more identifier characters. */
        private boolean beforeDomainSuffix(int end) {
            if (end >= text.length() || text.charAt(end) != '.') {
                return false;
            }
            int after = end + 1;
            while (after < text.length() && Character.isLetter(text.charAt(after))) {
                after++;
            }
            int letters = after - end - 1;
            return (letters == 2 || letters == 3) && after < text.length() && IDENTIFIER_GLUE.indexOf(text.charAt(after)) >= 0;
        }

        /** "38.8 C." is a unit after a number, not an initial. */
        private boolean afterNumber(int i) {
            int start = tokens.start(i);
            return start >= 2 && text.charAt(start - 1) == ' ' && Character.isDigit(text.charAt(start - 2));
        }

        private boolean endsWithPhrase(int start, String[] phrases) {
            int from = Math.max(0, start - 16);
            String before = text.substring(from, start).toLowerCase(Locale.ROOT).stripTrailing();
            for (String phrase : phrases) {
                if (before.endsWith(phrase)) {
                    int at = before.length() - phrase.length();
                    if (at == 0 || !Character.isLetter(before.charAt(at - 1))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean hasStrongCue(int start) {
            return endsWithPhrase(start, STRONG_CUES);
        }

        private boolean atSentenceStart(int start) {
            for (int i = start - 1; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == '\n') {
                    return true;
                }
                if (!Character.isWhitespace(c) && c != '"' && c != '\'' && c != '(' && c != '>' && c != '*' && c != '-') {
                    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
                }
            }
            return true;
        }

        private boolean isCapitalised(int i) {
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

        private boolean isAllUpper(int i) {
            for (int c = tokens.start(i); c < tokens.end(i); c++) {
                if (Character.isLowerCase(text.charAt(c))) {
                    return false;
                }
            }
            return true;
        }

        private boolean hasNonAscii(int start, int end) {
            for (int c = start; c < end; c++) {
                if (text.charAt(c) > 127) {
                    return true;
                }
            }
            return false;
        }
    }
}
