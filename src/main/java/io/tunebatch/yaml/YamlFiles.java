package io.tunebatch.yaml;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What loaders of our YAML files (job definitions, eval suites) need besides the tree: the line of
 * every JSON-pointer path, so errors point into the file, and the file's SHA-256, recorded with
 * every run that used it.
 */
public final class YamlFiles {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private YamlFiles() {
    }

    /** The line on which each JSON pointer path (e.g. {@code /steps/1/type}) starts. */
    public static Map<String, Integer> lineNumbers(byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                lines.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        }
        return lines;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
