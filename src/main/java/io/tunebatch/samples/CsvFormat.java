package io.tunebatch.samples;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * RFC 4180 CSV with a header row, as PostgreSQL's COPY … CSV HEADER reads it: a cell is quoted
 * when it holds a comma, quote, line break or edge whitespace, or is empty text; an absent
 * optional field is an empty unquoted cell (NULL to COPY).
 */
final class CsvFormat implements RecordFormat {

    private static final byte[] HEADER = (String.join(",", SampleRecord.FIELD_NAMES) + "\n")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public byte[] header() {
        return HEADER.clone();
    }

    @Override
    public byte[] encode(SampleRecord record) {
        return row(cells(record));
    }

    @Override
    public List<Malformation> malformations() {
        return List.of(Malformation.WRONG_COLUMN_COUNT, Malformation.INVALID_UTF8, Malformation.OVERSIZE,
                Malformation.UNTERMINATED_QUOTE);
    }

    @Override
    public byte[] malformed(Malformation kind, SampleRecord donor, int oversizeBytes, SplittableRandom random) {
        return switch (kind) {
            case WRONG_COLUMN_COUNT -> {
                List<String> cells = new ArrayList<>(cells(donor));
                if (random.nextBoolean()) {
                    cells.add("exported-by-legacy-tool");
                } else {
                    cells.subList(cells.size() - 2, cells.size()).clear();
                }
                yield row(cells);
            }
            case UNTERMINATED_QUOTE -> {
                List<String> cells = cells(donor).subList(0, 4);
                String open = "\"" + donor.output().replace("\"", "\"\"");
                yield (String.join(",", cells) + "," + open + "\n").getBytes(StandardCharsets.UTF_8);
            }
            case INVALID_UTF8 -> MalformedLines.invalidUtf8(this, donor);
            case OVERSIZE -> MalformedLines.oversize(this, donor, oversizeBytes);
            default -> throw new IllegalArgumentException(kind + " is not a CSV defect");
        };
    }

    private static List<String> cells(SampleRecord record) {
        return Arrays.asList(cell(record.sourceSystem()), cell(record.sourceDocumentId()), cell(record.instruction()),
                cell(record.input()), cell(record.output()), cell(record.annotatorId()), cell(record.reviewStatus()));
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.isEmpty() || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1));
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static byte[] row(List<String> cells) {
        return (String.join(",", cells) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
