package io.tunebatch.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a generated data file the strict way a careful ingest would, independently of the
 * generator's writers: every entry is either a record (field name → text, null when absent) or the
 * reason it is malformed, named like {@link Malformation#label()}.
 */
record SampleFile(List<Entry> entries) {

    static final List<String> FIELDS = SampleRecord.FIELD_NAMES;
    private static final List<String> REQUIRED = List.of("source_system", "source_document_id", "instruction",
            "output");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One entry: its 1-based ordinal, first physical line and raw bytes; fields or defect. */
    record Entry(long record, long line, byte[] bytes, Map<String, String> fields, String defect) {
    }

    static SampleFile read(Path file, int oversizeBytes) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return file.toString().endsWith(".csv") ? csv(bytes, oversizeBytes) : jsonl(bytes, oversizeBytes);
    }

    Entry at(long record) {
        return entries.get((int) record - 1);
    }

    List<Entry> wellFormed() {
        return entries.stream().filter(entry -> entry.defect() == null).toList();
    }

    private static SampleFile jsonl(byte[] bytes, int oversizeBytes) {
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                byte[] line = Arrays.copyOfRange(bytes, start, i + 1);
                entries.add(jsonlEntry(entries.size() + 1, line, oversizeBytes));
                start = i + 1;
            }
        }
        if (start != bytes.length) {
            throw new IllegalStateException("JSONL file does not end with a newline");
        }
        return new SampleFile(entries);
    }

    private static Entry jsonlEntry(long number, byte[] line, int oversizeBytes) {
        if (decodeStrictly(line) == null) {
            return new Entry(number, number, line, null, "invalid_utf8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            return new Entry(number, number, line, null, "broken_json");
        }
        Map<String, String> fields = new HashMap<>();
        for (String name : FIELDS) {
            JsonNode value = node.get(name);
            if (value != null && !value.isString()) {
                return new Entry(number, number, line, null, "wrong_type");
            }
            fields.put(name, value == null ? null : value.stringValue());
        }
        return checked(number, number, line, fields, oversizeBytes);
    }

    private static Entry checked(long number, long lineNumber, byte[] bytes, Map<String, String> fields,
                                 int oversizeBytes) {
        if (REQUIRED.stream().anyMatch(name -> fields.get(name) == null)) {
            return new Entry(number, lineNumber, bytes, null, "missing_required_field");
        }
        if (bytes.length >= oversizeBytes) {
            return new Entry(number, lineNumber, bytes, null, "oversize");
        }
        return new Entry(number, lineNumber, bytes, fields, null);
    }

    /** RFC 4180 over the raw bytes (seen as Latin-1 so every byte survives), header row first. */
    private static SampleFile csv(byte[] bytes, int oversizeBytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        long line = 1;
        boolean header = true;
        while (at < text.length()) {
            int start = at;
            long startLine = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean cellStarted = false;
            boolean unterminated = false;
            while (true) {
                if (at == text.length()) {
                    unterminated = quoted;
                    cells.add(cell.toString());
                    break;
                }
                char c = text.charAt(at++);
                if (quoted) {
                    if (c == '"' && at < text.length() && text.charAt(at) == '"') {
                        cell.append('"');
                        at++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        line += c == '\n' ? 1 : 0;
                        cell.append(c);
                    }
                } else if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    cellStarted = false;
                } else if (c == '\n') {
                    line++;
                    cells.add(cell.toString());
                    break;
                } else if (c == '"' && !cellStarted) {
                    quoted = true;
                    cellStarted = true;
                } else {
                    cellStarted = true;
                    cell.append(c);
                }
            }
            byte[] raw = text.substring(start, at).getBytes(StandardCharsets.ISO_8859_1);
            if (header) {
                if (!String.join(",", cells).equals(String.join(",", FIELDS))) {
                    throw new IllegalStateException("unexpected CSV header " + cells);
                }
                header = false;
                continue;
            }
            entries.add(csvEntry(entries.size() + 1, startLine, raw, cells, unterminated, oversizeBytes));
        }
        return new SampleFile(entries);
    }

    private static Entry csvEntry(long number, long line, byte[] raw, List<String> cells, boolean unterminated,
                                  int oversizeBytes) {
        if (unterminated) {
            return new Entry(number, line, raw, null, "unterminated_quote");
        }
        if (decodeStrictly(raw) == null) {
            return new Entry(number, line, raw, null, "invalid_utf8");
        }
        if (cells.size() != FIELDS.size()) {
            return new Entry(number, line, raw, null, "wrong_column_count");
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            String cell = decodeStrictly(cells.get(i).getBytes(StandardCharsets.ISO_8859_1));
            boolean optional = i >= 5;
            fields.put(FIELDS.get(i), optional && cell.isEmpty() ? null : cell);
        }
        return checked(number, line, raw, fields, oversizeBytes);
    }

    /** The UTF-8 text, or null when the bytes are not valid UTF-8. */
    static String decodeStrictly(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
