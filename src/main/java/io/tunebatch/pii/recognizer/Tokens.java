package io.tunebatch.pii.recognizer;

import java.util.Arrays;
import java.util.Locale;

/**
 * Word tokens of a text as parallel offset arrays: letters, with an inner apostrophe or hyphen
 * kept when a letter follows ("O'Brien", "Jean-Luc"). Upper-cased forms are made on demand.
 */
final class Tokens {

    private int[] starts;
    private int[] ends;
    private int size;

    private Tokens(int capacity) {
        starts = new int[capacity];
        ends = new int[capacity];
    }

    static Tokens of(String text) {
        Tokens tokens = new Tokens(Math.max(8, text.length() / 5));
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                    i++;
                } else if ((c == '\'' || c == '’' || c == '-') && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                    i += 2;
                } else {
                    break;
                }
            }
            // a word glued to digits ("A123", "3rd") is an identifier, not a name
            boolean gluedToDigit = (start > 0 && Character.isDigit(text.charAt(start - 1)))
                    || (i < n && Character.isDigit(text.charAt(i)));
            if (!gluedToDigit) {
                tokens.add(start, i);
            }
        }
        return tokens;
    }

    private void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    int size() {
        return size;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int length(int i) {
        return ends[i] - starts[i];
    }

    String upper(String text, int i) {
        return text.substring(starts[i], ends[i]).toUpperCase(Locale.ROOT);
    }
}
