package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Countries, US states, Canadian provinces and large cities from a small gazetteer, matched as
 * whole words, longest first, in their capitalised or all-caps form. Cheap and precise; it cannot
 * know small towns.
 */
public final class LocationRecognizer implements PiiRecognizer {

    private static final int MAX_WORDS = 5;
    private static final Set<String> PLACES = WordList.phrases("/io/tunebatch/pii/places/locations.txt");
    /** First words of the multi-word places ("NEW" of "NEW YORK"), so other words are looked up once. */
    private static final Set<String> FIRST_WORDS = firstWords(PLACES);

    /** Whether {@code upperCaseName} (upper case, Locale.ROOT) is a place in the gazetteer. */
    static boolean isPlace(String upperCaseName) {
        return PLACES.contains(upperCaseName);
    }

    @Override
    public String name() {
        return "location";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.LOCATION);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        Tokens tokens = Tokens.of(text);
        int i = 0;
        while (i < tokens.size()) {
            int longest = -1;
            if (Character.isUpperCase(text.charAt(tokens.start(i)))) {
                String first = tokens.upper(text, i);
                if (PLACES.contains(first)) {
                    longest = i;
                }
                for (int j = i + 1; FIRST_WORDS.contains(first) && j < Math.min(tokens.size(), i + MAX_WORDS); j++) {
                    if (!singleSpaceOrDot(text, tokens.end(j - 1), tokens.start(j))) {
                        break;
                    }
                    if (PLACES.contains(text.substring(tokens.start(i), tokens.end(j)).toUpperCase(Locale.ROOT))) {
                        longest = j;
                    }
                }
            }
            if (longest >= 0 && !allUpperInMixedText(text, tokens, i, longest)) {
                out.add(new PiiSpan(tokens.start(i), tokens.end(longest), EntityTypes.LOCATION, 0.75, name()));
                i = longest + 1;
            } else {
                i++;
            }
        }
    }

    /** "GEORGIA" in an all-caps record is a place; in normal text capitals usually mean an acronym or heading. */
    private static boolean allUpperInMixedText(String text, Tokens tokens, int from, int to) {
        String value = text.substring(tokens.start(from), tokens.end(to));
        return value.length() > 1 && value.equals(value.toUpperCase(Locale.ROOT)) && !TextCase.isMostlyUpper(text);
    }

    private static boolean singleSpaceOrDot(String text, int from, int to) {
        String gap = text.substring(from, to);
        return gap.equals(" ") || gap.equals(". ");
    }

    private static Set<String> firstWords(Set<String> places) {
        Set<String> first = new HashSet<>();
        for (String place : places) {
            int space = place.indexOf(' ');
            if (space > 0) {
                first.add(place.substring(0, space).replace(".", ""));
            }
        }
        return Set.copyOf(first);
    }
}
