package io.tunebatch.samples;

/**
 * Minimal JSON writing for the generator's own files: the output must be byte-identical for the
 * same seed, so it is written by hand with one fixed escaping rule instead of a configurable mapper.
 */
final class Json {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** Appends {@code "name":} after a comma unless it is the object's first member. */
    static StringBuilder name(StringBuilder json, String name) {
        if (json.charAt(json.length() - 1) != '{') {
            json.append(',');
        }
        return quote(json, name).append(':');
    }

    static StringBuilder member(StringBuilder json, String name, String value) {
        return quote(name(json, name), value);
    }

    static StringBuilder member(StringBuilder json, String name, long value) {
        return name(json, name).append(value);
    }

    static StringBuilder quote(StringBuilder json, String value) {
        json.append('"');
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return json.append(value, plain, value.length()).append('"');
    }
}
