package io.tunebatch.evaluate;

import io.tunebatch.yaml.YamlFiles;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and validates an eval suite file (YAML; JSON is valid YAML). The schema is documented in
 * {@code jobs/eval-suites/README.md}. Every problem fails the load with the file, line, case and
 * field in the message; unknown case types and unknown fields are errors, never silently scored 0.
 */
public final class EvalSuiteLoader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** {@code canaries: snapshot}: the canaries recorded in the evaluated model's training snapshot. */
    static final String SNAPSHOT_CANARIES = "snapshot";
    private static final Set<String> SUITE_FIELDS = Set.of("name", "description", "gate_pass_rate", "cases");
    private static final Set<String> COMMON_CASE_FIELDS = Set.of("name", "type", "prompt", "threshold", "description");
    private static final Map<CaseType, Set<String>> TYPE_FIELDS = Map.of(
            CaseType.ACCURACY, Set.of("reference", "metric"),
            CaseType.SAFETY, Set.of("forbidden_patterns", "pii_leakage", "canaries"),
            CaseType.FORMAT_COMPLIANCE, Set.of("format", "pattern", "schema", "schema_file"));

    public EvalSuite load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EvalSuiteException("cannot read eval suite " + file + ": " + e.getMessage());
        }
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = YAML.readTree(bytes);
            lines = YamlFiles.lineNumbers(bytes);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new EvalSuiteException(file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + e.getOriginalMessage());
        }
        return new SuiteReader(file, lines).read(root, YamlFiles.sha256(bytes));
    }



    /** One pass over one file's tree, knowing where each node sits for error messages. */
    private record SuiteReader(Path file, Map<String, Integer> lines) {

        EvalSuite read(JsonNode root, String sha256) {
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw fail("", "the file is empty; an eval suite needs 'name' and 'cases'");
            }
            if (!root.isObject()) {
                throw fail("", "the top level must be a mapping with 'name' and 'cases'");
            }
            rejectUnknownFields(root, "", SUITE_FIELDS, "");
            String name = requiredText(root, "", "name", "");
            OptionalDouble gate = root.has("gate_pass_rate")
                    ? OptionalDouble.of(fraction(root, "", "gate_pass_rate", ""))
                    : OptionalDouble.empty();
            JsonNode cases = root.get("cases");
            if (cases == null || !cases.isArray() || cases.isEmpty()) {
                throw fail("/cases", "field 'cases' must be a non-empty list of cases");
            }
            List<EvalCase> loaded = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < cases.size(); i++) {
                EvalCase evalCase = readCase(cases.get(i), "/cases/" + i, i);
                if (!names.add(evalCase.name())) {
                    throw fail("/cases/" + i + "/name", "case '" + evalCase.name() + "' (cases[" + i + "]): duplicate case name");
                }
                loaded.add(evalCase);
            }
            return new EvalSuite(name, file, sha256, gate, loaded);
        }

        private EvalCase readCase(JsonNode node, String path, int index) {
            if (!node.isObject()) {
                throw fail(path, "cases[" + index + "] must be a mapping with name, type and prompt");
            }
            String where = "case #" + (index + 1) + " (cases[" + index + "])";
            String name = requiredText(node, path, "name", where);
            where = "case '" + name + "' (cases[" + index + "])";
            String typeId = requiredText(node, path, "type", where);
            CaseType type = CaseType.byId(typeId).orElseThrow(() -> fail(path + "/type",
                    "case '" + name + "' (cases[" + index + "]), field 'type': unknown case type '" + typeId
                            + "'; use accuracy, safety or format_compliance"));
            Set<String> allowed = new HashSet<>(COMMON_CASE_FIELDS);
            allowed.addAll(TYPE_FIELDS.get(type));
            rejectUnknownFields(node, path, allowed, where);
            String prompt = requiredText(node, path, "prompt", where);
            double threshold = node.has("threshold") ? fraction(node, path, "threshold", where) : type.defaultThreshold();
            CaseCheck check = switch (type) {
                case ACCURACY -> accuracy(node, path, where, threshold);
                case SAFETY -> safety(node, path, where, threshold);
                case FORMAT_COMPLIANCE -> format(node, path, where, threshold);
            };
            return new EvalCase(name, prompt, check);
        }

        private AccuracyCheck accuracy(JsonNode node, String path, String where, double threshold) {
            String reference = requiredText(node, path, "reference", where);
            String metricId = requiredText(node, path, "metric", where);
            AccuracyMetric metric = AccuracyMetric.byId(metricId).orElseThrow(() -> fail(path + "/metric",
                    where + ", field 'metric': unknown metric '" + metricId + "'; use one of " + AccuracyMetric.ids()));
            if (metric == AccuracyMetric.REGEX) {
                compile(reference, path + "/reference", where, "reference");
            }
            return new AccuracyCheck(metric, reference, threshold);
        }

        private SafetyCheck safety(JsonNode node, String path, String where, double threshold) {
            List<Pattern> forbidden = new ArrayList<>();
            List<String> patterns = textList(node, path, "forbidden_patterns", where);
            for (int i = 0; i < patterns.size(); i++) {
                forbidden.add(compile(patterns.get(i), path + "/forbidden_patterns/" + i, where, "forbidden_patterns[" + i + "]"));
            }
            boolean piiLeakage = true;
            if (node.has("pii_leakage")) {
                if (!node.get("pii_leakage").isBoolean()) {
                    throw fail(path + "/pii_leakage", where + ", field 'pii_leakage': must be true or false");
                }
                piiLeakage = node.get("pii_leakage").booleanValue();
            }
            boolean snapshotCanaries = node.has("canaries") && node.get("canaries").isString();
            if (snapshotCanaries && !node.get("canaries").asString().equals(SNAPSHOT_CANARIES)) {
                throw fail(path + "/canaries", where + ", field 'canaries': must be a list of texts or '" + SNAPSHOT_CANARIES
                        + "' (the canaries recorded in the model's training snapshot)");
            }
            List<String> canaries = snapshotCanaries ? List.of() : textList(node, path, "canaries", where);
            SafetyCheck check = new SafetyCheck(forbidden, piiLeakage, canaries, snapshotCanaries, threshold);
            if (check.checkCount() == 0 && !snapshotCanaries) {
                throw fail(path, where + ": a safety case needs forbidden_patterns, pii_leakage: true or canaries");
            }
            return check;
        }

        private FormatCheck format(JsonNode node, String path, String where, double threshold) {
            String format = requiredText(node, path, "format", where);
            switch (format) {
                case "regex" -> {
                    rejectFields(node, path, where, "schema", "schema_file");
                    return new FormatCheck.RegexFormat(compile(requiredText(node, path, "pattern", where),
                            path + "/pattern", where, "pattern"), threshold);
                }
                case "json_schema" -> {
                    boolean inline = node.has("schema");
                    if (inline == node.has("schema_file")) {
                        throw fail(path, where + ": a json_schema case needs exactly one of 'schema' (inline) or 'schema_file'");
                    }
                    rejectFields(node, path, where, "pattern");
                    return new FormatCheck.JsonSchemaFormat(inline
                            ? schema(node.get("schema"), path + "/schema", where, "schema")
                            : schemaFile(requiredText(node, path, "schema_file", where), path + "/schema_file", where), threshold);
                }
                default -> throw fail(path + "/format",
                        where + ", field 'format': unknown format '" + format + "'; use regex or json_schema");
            }
        }

        private Schema schemaFile(String relative, String path, String where) {
            Path schemaPath = file.toAbsolutePath().getParent().resolve(relative);
            try {
                return schema(YAML.readTree(Files.readAllBytes(schemaPath)), path, where, "schema_file");
            } catch (IOException | JacksonException e) {
                throw fail(path, where + ", field 'schema_file': cannot read JSON Schema " + schemaPath + ": " + e.getMessage());
            }
        }

        private Schema schema(JsonNode schemaNode, String path, String where, String field) {
            if (!schemaNode.isObject()) {
                throw fail(path, where + ", field '" + field + "': a JSON Schema must be a mapping");
            }
            try {
                Schema schema = SCHEMAS.getSchema(schemaNode);
                schema.initializeValidators();
                return schema;
            } catch (SchemaException | IllegalArgumentException e) {
                throw fail(path, where + ", field '" + field + "': invalid JSON Schema: " + e.getMessage());
            }
        }

        private void rejectFields(JsonNode node, String path, String where, String... notAllowed) {
            for (String field : notAllowed) {
                if (node.has(field)) {
                    throw fail(path + "/" + field, where + ", field '" + field + "': not used by format '"
                            + node.get("format").asString() + "'; remove it");
                }
            }
        }

        private Pattern compile(String regex, String path, String where, String field) {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw fail(path, where + ", field '" + field + "': invalid regular expression: " + e.getDescription());
            }
        }

        private String requiredText(JsonNode node, String path, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw fail(path, prefix(where) + "missing required field '" + field + "'");
            }
            if (!value.isString() || value.asString().isBlank()) {
                throw fail(path + "/" + field, prefix(where) + "field '" + field + "': must be a non-empty text");
            }
            return value.asString();
        }

        private double fraction(JsonNode node, String path, String field, String where) {
            JsonNode value = node.get(field);
            if (!value.isNumber() || value.doubleValue() < 0.0 || value.doubleValue() > 1.0) {
                throw fail(path + "/" + field, prefix(where) + "field '" + field + "': must be a number between 0 and 1");
            }
            return value.doubleValue();
        }

        private List<String> textList(JsonNode node, String path, String field, String where) {
            JsonNode value = node.get(field);
            if (value == null) {
                return List.of();
            }
            if (!value.isArray()) {
                throw fail(path + "/" + field, where + ", field '" + field + "': must be a list of texts");
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isString() || value.get(i).asString().isEmpty()) {
                    throw fail(path + "/" + field + "/" + i, where + ", field '" + field + "[" + i + "]': must be a non-empty text");
                }
                texts.add(value.get(i).asString());
            }
            return texts;
        }

        private void rejectUnknownFields(JsonNode node, String path, Set<String> allowed, String where) {
            for (String field : node.propertyNames()) {
                if (!allowed.contains(field)) {
                    throw fail(path + "/" + field, prefix(where) + "unknown field '" + field + "'; allowed here: "
                            + allowed.stream().sorted().toList());
                }
            }
        }

        private static String prefix(String where) {
            return where.isEmpty() ? "" : where + ", ";
        }

        private EvalSuiteException fail(String path, String message) {
            Integer line = lines.get(path);
            return new EvalSuiteException("eval suite " + file + (line == null ? "" : ", line " + line) + ": " + message);
        }
    }
}
