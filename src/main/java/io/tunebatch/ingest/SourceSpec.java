package io.tunebatch.ingest;

import io.tunebatch.ingest.IngestProperties.FieldMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One source of a job definition's prepare step: where the files are, which format they have,
 * which system they come from and where our fields are in them. Travels to the ingest step as the
 * job parameter {@value #JOB_PARAMETER} (JSON), so a restart reads exactly what the first run read.
 */
public record SourceSpec(String path, String sourceSystem, String format, FieldMapping fields) {

    public static final String JOB_PARAMETER = "sources";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The source's files in reading order; a directory contributes only files of this format. */
    public List<Path> files() {
        return SourceFiles.resolve(path, format);
    }

    public static String toJson(List<SourceSpec> sources) {
        return JSON.writeValueAsString(sources);
    }

    public static List<SourceSpec> fromJson(String json) {
        return JSON.readValue(json, new TypeReference<List<SourceSpec>>() {
        });
    }

    /** Every file of every source, sources in order. */
    static List<Path> allFiles(List<SourceSpec> sources) {
        List<Path> files = new ArrayList<>();
        sources.forEach(source -> files.addAll(source.files()));
        return files;
    }
}
