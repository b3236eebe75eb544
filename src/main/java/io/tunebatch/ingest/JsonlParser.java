package io.tunebatch.ingest;

import java.io.IOException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines: one object per line; blank lines are not records. */
final class JsonlParser implements RecordParser {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String sourceUri;
    private final LineReader lines;
    private long recordNumber;

    JsonlParser(String sourceUri, LineReader lines) {
        this.sourceUri = sourceUri;
        this.lines = lines;
    }

    @Override
    public ReadRecord next() throws IOException {
        LineReader.Line line;
        do {
            line = lines.next();
            if (line == null) {
                return null;
            }
        } while (line.ok() && line.text().isBlank());
        RecordLocation location = new RecordLocation(sourceUri, ++recordNumber, line.number());
        if (!line.ok()) {
            return new ReadRecord.Unreadable(location, line.error());
        }
        return parse(location, line.text());
    }

    @SuppressWarnings("unchecked")
    private static ReadRecord parse(RecordLocation location, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            // Jackson's message may quote the input; report only where it broke.
            return new ReadRecord.Unreadable(location, "malformed JSON at column " + e.getLocation().getColumnNr());
        }
        if (!node.isObject()) {
            return new ReadRecord.Unreadable(location, "expected a JSON object, found " + node.getNodeType().name().toLowerCase());
        }
        return new ReadRecord.Parsed(location, JSON.convertValue(node, Map.class));
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
