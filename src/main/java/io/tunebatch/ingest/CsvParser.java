package io.tunebatch.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with a header row: comma separated, double quotes around fields that hold commas,
 * quotes or line breaks, {@code ""} for a quote inside. A record may span lines.
 */
public final class CsvParser implements RecordParser {

    private final String sourceUri;
    private final LineReader lines;
    private final int maxRecordChars;
    private List<String> header;
    private String headerError;
    private long recordNumber;

    CsvParser(String sourceUri, LineReader lines, int maxRecordChars) {
        this.sourceUri = sourceUri;
        this.lines = lines;
        this.maxRecordChars = maxRecordChars;
    }

    /** A CSV file with a header row, for other stages' CSV imports. */
    public static CsvParser open(java.nio.file.Path file, int maxRecordBytes) throws IOException {
        String uri = file.toAbsolutePath().normalize().toUri().toString();
        return new CsvParser(uri, new LineReader(java.nio.file.Files.newInputStream(file), maxRecordBytes), maxRecordBytes);
    }

    @Override
    public ReadRecord next() throws IOException {
        if (header == null && headerError == null) {
            readHeader();
        }
        LineReader.Line first;
        do {
            first = lines.next();
            if (first == null) {
                return null;
            }
        } while (first.ok() && first.text().isEmpty());
        RecordLocation location = new RecordLocation(sourceUri, ++recordNumber, first.number());
        if (headerError != null) {
            return new ReadRecord.Unreadable(location, headerError);
        }
        if (!first.ok()) {
            return new ReadRecord.Unreadable(location, first.error());
        }
        return parseRecord(location, first.text());
    }

    private void readHeader() throws IOException {
        LineReader.Line line = lines.next();
        if (line == null) {
            header = List.of();
        } else if (!line.ok()) {
            headerError = "header row unreadable: " + line.error();
        } else {
            List<String> names = new ArrayList<>();
            FieldSplitter splitter = new FieldSplitter(names);
            if (!splitter.consume(line.text())) {
                headerError = "header row has an unterminated quoted field";
            } else {
                splitter.finish();
                header = names.stream().map(String::strip).toList();
            }
        }
    }

    private ReadRecord parseRecord(RecordLocation location, String firstLine) throws IOException {
        List<String> values = new ArrayList<>(header.size());
        FieldSplitter splitter = new FieldSplitter(values);
        String text = firstLine;
        int chars = 0;
        while (!splitter.consume(text)) {
            chars += text.length() + 1;
            LineReader.Line next = lines.next();
            if (next == null) {
                return new ReadRecord.Unreadable(location,
                        "unterminated quoted field (opened on line " + location.lineNumber() + ")");
            }
            if (!next.ok()) {
                return new ReadRecord.Unreadable(location, next.error() + " (line " + next.number() + ")");
            }
            if (chars > maxRecordChars) {
                return new ReadRecord.Unreadable(location, "record exceeds the limit of " + maxRecordChars
                        + " characters (tunebatch.ingest.max-record-bytes); an unterminated quote?");
            }
            splitter.newline();
            text = next.text();
        }
        splitter.finish();
        if (values.size() != header.size()) {
            return new ReadRecord.Unreadable(location,
                    "expected " + header.size() + " columns as in the header, found " + values.size());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), values.get(i));
        }
        return new ReadRecord.Parsed(location, fields);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }

    /** Splits text into fields, carrying an open quote across lines. */
    private static final class FieldSplitter {
        private final List<String> out;
        private final StringBuilder field = new StringBuilder();
        private boolean quoted;
        private boolean inQuotes;

        FieldSplitter(List<String> out) {
            this.out = out;
        }

        /** Consumes one line; false while a quoted field is still open at its end. */
        boolean consume(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            inQuotes = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == ',') {
                    endField();
                } else if (c == '"' && field.isEmpty() && !quoted) {
                    inQuotes = true;
                    quoted = true;
                } else {
                    field.append(c);
                }
            }
            return !inQuotes;
        }

        void newline() {
            field.append('\n');
        }

        void finish() {
            endField();
        }

        private void endField() {
            out.add(field.toString());
            field.setLength(0);
            quoted = false;
        }
    }
}
