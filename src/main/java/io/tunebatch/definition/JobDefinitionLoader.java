package io.tunebatch.definition;

import io.tunebatch.yaml.YamlFiles;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.tunebatch.ingest.IngestProperties.FieldMapping;
import io.tunebatch.ingest.SourceSpec;
import io.tunebatch.pii.PiiPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads a job definition and checks it the way CI does ({@code k8s/validate_jobs.py}): the JSON
 * schema {@code jobs/job-definition.schema.json} (packaged into the jar), the step order rules and
 * the name; then that every source matches files of its format. Placeholders ({@code ${...}}) are
 * resolved against the application's configuration first. All problems are reported together,
 * each as "FILE:LINE: field: what".
 */
@Component
public class JobDefinitionLoader {

    static final List<String> STEP_ORDER = List.of("prepare", "train", "evaluate", "register");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Schema SCHEMA = loadSchema();
    private static final Pattern LOCATION_PREFIX = Pattern.compile("^\\$[^:]*: ");

    private final Environment environment;

    public JobDefinitionLoader(Environment environment) {
        this.environment = environment;
    }

    public JobDefinition load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JobDefinitionException(List.of(file + ": cannot read the job definition (" + e.getClass().getSimpleName() + ")"));
        }
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = YAML.readTree(bytes);
            lines = YamlFiles.lineNumbers(bytes);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new JobDefinitionException(List.of(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage()));
        }
        Problems problems = new Problems(file, lines);
        if (root == null || !root.isObject()) {
            problems.add("", "a job definition is a mapping with 'name' and 'steps'");
            throw problems.exception();
        }
        resolvePlaceholders(root, "", problems);
        problems.throwIfAny();
        for (Error error : SCHEMA.validate(root)) {
            String pointer = pointer(error.getInstanceLocation());
            problems.add(pointer, LOCATION_PREFIX.matcher(error.getMessage()).replaceFirst(""));
        }
        checkOrder(root, problems);
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (root.path("name").isString() && !root.get("name").asString().equals(stem)) {
            problems.add("/name", "'" + root.get("name").asString() + "' differs from the file name '" + stem + "'");
        }
        problems.throwIfAny();
        JobDefinition definition = build(file, YamlFiles.sha256(bytes), root, problems);
        problems.throwIfAny();
        return definition;
    }

    private JobDefinition build(Path file, String sha256, JsonNode root, Problems problems) {
        PrepareDefinition prepare = null;
        List<JobDefinition.LaterStep> later = new ArrayList<>();
        JsonNode steps = root.get("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String type = step.get("type").asString();
            if (type.equals("prepare")) {
                prepare = prepare(step, "/steps/" + i, problems);
            } else {
                Map<String, String> settings = new HashMap<>();
                Map<String, Integer> settingLines = new HashMap<>();
                for (Map.Entry<String, JsonNode> field : step.properties()) {
                    settings.put(field.getKey(), field.getValue().asString());
                    settingLines.put(field.getKey(), problems.line("/steps/" + i + "/" + field.getKey()));
                }
                later.add(new JobDefinition.LaterStep(type, i, problems.line("/steps/" + i + "/type"), Map.copyOf(settings),
                        Map.copyOf(settingLines)));
            }
        }
        String description = root.has("description") ? root.get("description").asString() : null;
        return new JobDefinition(file, sha256, root.get("name").asString(), description, prepare, List.copyOf(later));
    }

    private static PrepareDefinition prepare(JsonNode step, String at, Problems problems) {
        List<SourceSpec> sources = new ArrayList<>();
        JsonNode sourceNodes = step.get("sources");
        for (int j = 0; j < sourceNodes.size(); j++) {
            JsonNode node = sourceNodes.get(j);
            JsonNode fields = node.path("fields");
            SourceSpec source = new SourceSpec(node.get("path").asString(), node.get("source_system").asString(),
                    node.get("format").asString(), new FieldMapping(
                    column(fields, "source_system"), column(fields, "source_document_id"), column(fields, "instruction"),
                    column(fields, "input"), column(fields, "output"), column(fields, "annotator_id"),
                    column(fields, "review_status")));
            try {
                source.files();
            } catch (IllegalArgumentException e) {
                problems.add(at + "/sources/" + j + "/path", e.getMessage());
            }
            sources.add(source);
        }
        JsonNode pii = step.path("pii");
        List<String> entities = null;
        if (pii.has("entities")) {
            entities = new ArrayList<>();
            for (JsonNode entity : pii.get("entities")) {
                entities.add(entity.asString());
            }
        }
        Map<String, String> operators = null;
        if (pii.has("operators")) {
            operators = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : pii.get("operators").properties()) {
                operators.put(entry.getKey(), entry.getValue().asString());
            }
        }
        JsonNode validation = step.path("validation");
        return new PrepareDefinition(List.copyOf(sources),
                step.has("skip_limit") ? step.get("skip_limit").longValue() : null,
                new PiiPolicy(pii.has("threshold") ? pii.get("threshold").doubleValue() : null, entities, operators),
                pii.has("review_policy") ? pii.get("review_policy").asString() : null,
                validation.has("min_output_words") ? validation.get("min_output_words").intValue() : null,
                validation.has("max_chars") ? validation.get("max_chars").intValue() : null,
                step.has("canaries") ? step.get("canaries").intValue() : null);
    }

    /** Where our field is in the source: the mapped column, or the column of the same name. */
    private static String column(JsonNode fields, String ourField) {
        return fields.has(ourField) ? fields.get(ourField).asString() : ourField;
    }

    /** The rules a JSON schema cannot say, as jobs/README.md states them. */
    private static void checkOrder(JsonNode root, Problems problems) {
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray()) {
            return;
        }
        List<String> types = new ArrayList<>();
        steps.forEach(step -> types.add(step.path("type").isString() ? step.get("type").asString() : null));
        List<String> known = types.stream().filter(STEP_ORDER::contains).toList();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (type != null && STEP_ORDER.contains(type) && types.subList(0, i).contains(type)) {
                problems.add("/steps/" + i, "a second '" + type + "' step; each type appears once");
            }
        }
        List<String> sorted = known.stream().sorted(Comparator.comparingInt(STEP_ORDER::indexOf)).toList();
        if (!known.equals(sorted)) {
            problems.add("/steps", "steps must run in the order " + String.join(" -> ", STEP_ORDER) + " (found "
                    + String.join(" -> ", known) + ")");
        }
        Map<String, String> needs = Map.of("evaluate", "train", "register", "evaluate");
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            List<String> before = types.subList(0, i);
            if (needs.containsKey(type) && !before.contains(needs.get(type))) {
                problems.add("/steps/" + i, "'" + type + "' needs the '" + needs.get(type) + "' step before it");
            }
            if ("train".equals(type) && !before.contains("prepare") && !steps.get(i).has("snapshot")) {
                problems.add("/steps/" + i, "'train' needs a 'prepare' step before it or a 'snapshot' id");
            }
        }
    }

    private void resolvePlaceholders(JsonNode node, String pointer, Problems problems) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                if (value.isString()) {
                    resolve(value.asString(), pointer + "/" + field, problems).ifPresent(v -> object.put(field, v));
                } else {
                    resolvePlaceholders(value, pointer + "/" + field, problems);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString()) {
                    int index = i;
                    resolve(value.asString(), pointer + "/" + i, problems).ifPresent(v -> array.set(index, StringNode.valueOf(v)));
                } else {
                    resolvePlaceholders(value, pointer + "/" + i, problems);
                }
            }
        }
    }

    private java.util.Optional<String> resolve(String text, String pointer, Problems problems) {
        if (!text.contains("${")) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(environment.resolveRequiredPlaceholders(text));
        } catch (IllegalArgumentException e) {
            problems.add(pointer, "unresolvable placeholder: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(path.getElement(i));
        }
        return pointer.toString();
    }



    private static Schema loadSchema() {
        try (InputStream in = JobDefinitionLoader.class.getResourceAsStream("job-definition.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("job-definition.schema.json is missing from the jar");
            }
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(YAML.readTree(in));
            schema.initializeValidators();
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems found so far, located by JSON pointer; reported sorted by line. */
    private record Problems(Path file, Map<String, Integer> lines, List<String[]> found) {

        Problems(Path file, Map<String, Integer> lines) {
            this(file, lines, new ArrayList<>());
        }

        void add(String pointer, String message) {
            found.add(new String[] {String.valueOf(line(pointer)), fieldName(pointer), message});
        }

        /** The line of the node at the pointer, or of the deepest node above it that is in the file. */
        int line(String pointer) {
            for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                if (p.isEmpty()) {
                    return 1;
                }
            }
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw exception();
            }
        }

        JobDefinitionException exception() {
            return new JobDefinitionException(found.stream()
                    .sorted(Comparator.comparingInt((String[] p) -> Integer.parseInt(p[0])).thenComparing(p -> p[1]))
                    .map(p -> file + ":" + p[0] + ": " + p[1] + ": " + p[2])
                    .distinct()
                    .toList());
        }

        private static String fieldName(String pointer) {
            if (pointer.isEmpty()) {
                return "(document)";
            }
            StringBuilder name = new StringBuilder();
            for (String part : pointer.substring(1).split("/")) {
                if (part.chars().allMatch(Character::isDigit)) {
                    name.append('[').append(part).append(']');
                } else {
                    name.append(name.isEmpty() ? "" : ".").append(part);
                }
            }
            return name.toString();
        }
    }
}
