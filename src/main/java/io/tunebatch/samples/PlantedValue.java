package io.tunebatch.samples;

/**
 * A value the generator put into a field on purpose: PII the scanner must find, or a hard
 * negative it must leave alone. Offsets are Java char offsets [start, end) into the decoded field
 * text (the generator only uses BMP characters, so they equal code point offsets).
 */
public record PlantedValue(String field, int start, int end, String type, boolean pii, String value) {
}
