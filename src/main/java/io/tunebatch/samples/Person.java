package io.tunebatch.samples;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/** An invented person: names come from small in-code lists, mixing origins and some accents. */
record Person(String first, String last) {

    private static final List<String> FIRST = List.of("Maria", "James", "Aisha", "Wei", "Priya", "Lukas",
            "Sofia", "Mateo", "Chloe", "Kwame", "Yuki", "Olga", "Diego", "Fatima", "Noah", "Amara", "Elena",
            "Rahul", "Hannah", "Omar", "Ingrid", "Tomás", "Zoë", "Mei", "Jonas", "Leila", "Samuel", "Nadia",
            "Carlos", "Freya", "Dmitri", "Grace", "Hiroshi", "Ana", "Patrick", "Ayesha");
    private static final List<String> LAST = List.of("Okafor", "Nguyen", "Schmidt", "García", "Kowalski",
            "Haddad", "Johansson", "Tanaka", "Silva", "O'Brien", "Müller", "Patel", "Andersen", "Rossi",
            "Dubois", "Kim", "Mensah", "Novak", "Fernández", "Walsh", "Costa", "Ivanova", "Byrne",
            "Lindqvist", "Abebe", "Moreau", "Sato", "Hughes", "Castillo", "Reyes", "Achterberg", "Whitfield");

    private static final Map<String, String> ASCII = new ConcurrentHashMap<>();

    static Person random(SplittableRandom random) {
        return new Person(pick(FIRST, random), pick(LAST, random));
    }

    String full() {
        return first + " " + last;
    }

    /** Lower-case ASCII form for e-mail local parts: "Zoë" → "zoe", "O'Brien" → "obrien". */
    static String ascii(String name) {
        return ASCII.computeIfAbsent(name, Person::toAscii);
    }

    private static String toAscii(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }

    private static String pick(List<String> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }
}
