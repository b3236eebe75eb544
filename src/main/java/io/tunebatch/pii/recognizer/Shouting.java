package io.tunebatch.pii.recognizer;

/** Whether a text is written mostly in capitals (an all-caps record), where case says nothing. */
final class Shouting {

    private Shouting() {
    }

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
}
