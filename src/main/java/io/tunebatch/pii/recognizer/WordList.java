package io.tunebatch.pii.recognizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A case-insensitive word set read from a classpath resource: words split on whitespace, {@code #} starts a comment line. */
final class WordList {

    private final Set<String> words;

    private WordList(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    static WordList resource(String name) {
        Set<String> words = new HashSet<>();
        read(name, words);
        return new WordList(words);
    }

    /** The first {@code limit} words of a resource ordered by frequency. */
    static WordList top(String name, int limit) {
        Set<String> words = new HashSet<>();
        read(name, words, limit);
        return new WordList(words);
    }

    /** The union of several resources. */
    static WordList resources(String... names) {
        Set<String> words = new HashSet<>();
        for (String name : names) {
            read(name, words);
        }
        return new WordList(words);
    }

    /** The lines of a resource, one phrase each ("NEW YORK", "WELLS FARGO"), upper-cased; blank and # lines skipped. */
    static Set<String> phrases(String name) {
        Set<String> phrases = new HashSet<>();
        for (String line : lines(name)) {
            if (!line.isBlank()) {
                phrases.add(line.trim().toUpperCase(Locale.ROOT));
            }
        }
        return Set.copyOf(phrases);
    }

    private static void read(String name, Set<String> words) {
        read(name, words, Integer.MAX_VALUE);
    }

    private static void read(String name, Set<String> words, int limit) {
        for (String line : lines(name)) {
            for (String word : line.trim().split("\\s+")) {
                if (!word.isEmpty() && words.size() < limit) {
                    words.add(word.toUpperCase(Locale.ROOT));
                }
            }
        }
    }

    private static List<String> lines(String name) {
        try (InputStream in = WordList.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(line -> !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    static WordList of(String... words) {
        Set<String> set = new HashSet<>();
        for (String word : words) {
            set.add(word.toUpperCase(Locale.ROOT));
        }
        return new WordList(set);
    }

    /**
     * {@code upperCaseWord} must already be upper case (Locale.ROOT). The lists are written
     * without diacritics, so "TOMÁS" and "ZOË" are also looked up as "TOMAS" and "ZOE".
     */
    boolean containsUpper(String upperCaseWord) {
        return words.contains(upperCaseWord) || (!isAscii(upperCaseWord) && words.contains(withoutDiacritics(upperCaseWord)));
    }

    static String withoutDiacritics(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(switch (c) {
                    case 'ß' -> "SS";
                    case 'Ø', 'ø' -> "O";
                    case 'Ł', 'ł' -> "L";
                    case 'Æ', 'æ' -> "AE";
                    case 'Đ', 'đ' -> "D";
                    default -> String.valueOf(c);
                });
            }
        }
        return folded.toString();
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
