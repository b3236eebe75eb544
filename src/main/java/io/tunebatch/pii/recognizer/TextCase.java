package io.tunebatch.pii.recognizer;

/** What the letter case of a whole text says: all-caps records and all-lower-case chat hide the usual cues. */
final class TextCase {

    private TextCase() {
    }

    /** Written mostly in capitals (an all-caps record), where case says nothing. */
    static boolean isMostlyUpper(String text) {
        int upper = 0;
        int lower = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper >= 4 && upper > 3 * lower;
    }

    /** No capital letter at all (and some words), where case cannot mark names. */
    static boolean isAllLower(String text) {
        int letters = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 8;
    }

    /** The text with each word's first letter in title case; same length, so offsets carry over. */
    static String titleCaseWords(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (Character.isLetter(chars[i]) && (i == 0 || !Character.isLetter(chars[i - 1]))) {
                chars[i] = Character.toTitleCase(chars[i]);
            }
        }
        return new String(chars);
    }
}
