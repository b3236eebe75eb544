package io.tunebatch.samples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** One JSON object per line; absent optional fields are left out. */
final class JsonlFormat implements RecordFormat {

    @Override
    public String extension() {
        return "jsonl";
    }

    @Override
    public byte[] header() {
        return new byte[0];
    }

    @Override
    public byte[] encode(SampleRecord record) {
        return line(object(record, null, null, null));
    }

    @Override
    public List<Malformation> malformations() {
        return List.of(Malformation.BROKEN_JSON, Malformation.MISSING_REQUIRED_FIELD, Malformation.WRONG_TYPE,
                Malformation.INVALID_UTF8, Malformation.OVERSIZE);
    }

    @Override
    public byte[] malformed(Malformation kind, SampleRecord donor, int oversizeBytes, SplittableRandom random) {
        return switch (kind) {
            case BROKEN_JSON -> truncated(object(donor, null, null, null), random);
            case MISSING_REQUIRED_FIELD ->
                    line(object(donor, random.nextBoolean() ? "output" : "instruction", null, null));
            case WRONG_TYPE -> random.nextBoolean()
                    ? line(object(donor, null, "instruction", Long.toString(100_000 + random.nextInt(900_000))))
                    : line(object(donor, null, "output", sentencesArray(donor.output())));
            case INVALID_UTF8 -> MalformedLines.invalidUtf8(this, donor);
            case OVERSIZE -> MalformedLines.oversize(this, donor, oversizeBytes);
            default -> throw new IllegalArgumentException(kind + " is not a JSONL defect");
        };
    }

    /**
     * The record as a JSON object; omitted names a field to leave out, and rawField/rawJson put a
     * value of the wrong JSON type in place of a field's text.
     */
    private static String object(SampleRecord record, String omitted, String rawField, String rawJson) {
        StringBuilder json = new StringBuilder(512).append('{');
        String[] values = {record.sourceSystem(), record.sourceDocumentId(), record.instruction(), record.input(),
                record.output(), record.annotatorId(), record.reviewStatus()};
        for (int i = 0; i < values.length; i++) {
            String name = SampleRecord.FIELD_NAMES.get(i);
            if (name.equals(rawField)) {
                Json.name(json, name).append(rawJson);
            } else if (values[i] != null && !name.equals(omitted)) {
                Json.member(json, name, values[i]);
            }
        }
        return json.append('}').toString();
    }

    private static String sentencesArray(String text) {
        StringBuilder array = new StringBuilder("[");
        for (String sentence : text.split("(?<=\\.) ")) {
            Json.quote(array.length() > 1 ? array.append(',') : array, sentence);
        }
        return array.append(']').toString();
    }

    /** Cut at an ASCII character between 30 % and 80 % of the object, so only the JSON is broken. */
    private static byte[] truncated(String json, SplittableRandom random) {
        int cut = json.length() * 3 / 10 + random.nextInt(json.length() / 2);
        while (json.charAt(cut) > 0x7F) {
            cut++;
        }
        return line(json.substring(0, cut));
    }

    private static byte[] line(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
