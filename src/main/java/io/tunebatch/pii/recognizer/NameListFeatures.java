package io.tunebatch.pii.recognizer;

import java.util.Locale;

/**
 * Extra name finder features per token from the shipped lists (common or rare first name,
 * surname, stop word) for the token and its neighbours, so the model generalises from the lists
 * instead of memorising the names it saw in training.
 */
final class NameListFeatures {

    private static final String[] KINDS = {"stop", "first+last", "commonfirst", "rarefirst+last", "rarefirst",
            "last", "none"};
    private static final String[] SELF = prefixed("list=");
    private static final String[] PREVIOUS = prefixed("prevlist=");
    private static final String[] NEXT = prefixed("nextlist=");
    private static final String START = "prevlist=bos";
    private static final String END = "nextlist=eos";

    private NameListFeatures() {
    }

    static String[][] of(String[] tokens) {
        int[] kinds = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            kinds[i] = kind(tokens[i].toUpperCase(Locale.ROOT));
        }
        String[][] features = new String[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            features[i] = new String[] {SELF[kinds[i]], i > 0 ? PREVIOUS[kinds[i - 1]] : START,
                    i + 1 < tokens.length ? NEXT[kinds[i + 1]] : END};
        }
        return features;
    }

    private static int kind(String upper) {
        if (PersonRecognizer.STOP.containsUpper(upper)) {
            return 0;
        }
        boolean common = PersonRecognizer.COMMON_FIRST.containsUpper(upper);
        boolean first = common || PersonRecognizer.FIRST.containsUpper(upper);
        boolean last = PersonRecognizer.LAST.containsUpper(upper);
        if (common) {
            return last ? 1 : 2;
        }
        if (first) {
            return last ? 3 : 4;
        }
        return last ? 5 : 6;
    }

    private static String[] prefixed(String prefix) {
        String[] features = new String[KINDS.length];
        for (int i = 0; i < KINDS.length; i++) {
            features[i] = prefix + KINDS[i];
        }
        return features;
    }
}
