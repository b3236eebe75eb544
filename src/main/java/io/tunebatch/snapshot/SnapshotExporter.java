package io.tunebatch.snapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a snapshot as JSONL, one line per example ordered by id: {@code id, content_hash,
 * instruction, input, output, sources[{source_system, source_document_id}]} — exactly what a
 * trainer receives. Written to a temporary file and moved into place, so a reader never sees half.
 */
@Service
public class SnapshotExporter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SnapshotRepository repository;

    public SnapshotExporter(SnapshotRepository repository) {
        this.repository = repository;
    }

    /** Exports and returns the number of examples written. */
    public long export(DatasetSnapshot snapshot, Path out) {
        Path absolute = out.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".partial");
            long written;
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                written = writeLines(snapshot.id(), writer);
            }
            if (written != snapshot.exampleCount()) {
                Files.delete(partial);
                throw new IllegalStateException("snapshot " + snapshot.id() + " has " + snapshot.exampleCount()
                        + " examples but " + written + " were readable; its examples were changed after sealing");
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private long writeLines(String snapshotId, BufferedWriter writer) {
        long[] written = {0};
        Map<String, Object>[] current = new Map[1];
        repository.forEachExampleSource(snapshotId, rs -> {
            String id = rs.getString(1);
            if (current[0] == null || !current[0].get("id").equals(id)) {
                flush(current[0], writer, written);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", id);
                line.put("content_hash", rs.getString(2));
                line.put("instruction", rs.getString(3));
                line.put("input", rs.getString(4));
                line.put("output", rs.getString(5));
                line.put("sources", new ArrayList<Map<String, String>>());
                current[0] = line;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, String>> sources = (List<Map<String, String>>) current[0].get("sources");
            Map<String, String> source = new LinkedHashMap<>();
            source.put("source_system", rs.getString(6));
            source.put("source_document_id", rs.getString(7));
            if (!sources.contains(source)) {
                sources.add(source);
            }
        });
        flush(current[0], writer, written);
        return written[0];
    }

    private static void flush(Map<String, Object> line, BufferedWriter writer, long[] written) {
        if (line == null) {
            return;
        }
        try {
            writer.write(JSON.writeValueAsString(line));
            writer.write('\n');
            written[0]++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
