package io.tunebatch.pii;

import java.util.List;

/** Test helper: the default engine and shorthand views of what it finds. */
public final class Detect {

    public static final PiiEngine ENGINE = PiiEngine.create(PiiProperties.defaults());

    private Detect() {
    }

    /** "TYPE:value" for each detected span, in order. */
    public static List<String> found(String text) {
        return found(ENGINE, text);
    }

    public static List<String> found(PiiDetector detector, String text) {
        return detector.detect(text).stream()
                .map(s -> s.entityType() + ":" + text.substring(s.start(), s.end()))
                .toList();
    }

    /** The values detected with the given type. */
    public static List<String> values(String text, String type) {
        return ENGINE.detect(text).stream()
                .filter(s -> s.entityType().equals(type))
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }
}
