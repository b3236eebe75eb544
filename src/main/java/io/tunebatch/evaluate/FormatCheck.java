package io.tunebatch.evaluate;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import io.tunebatch.pii.PiiDetector;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the shape of the output: the whole output matches a regular expression, or it is a JSON
 * document valid against a JSON Schema. Scores 1 or 0; violations are named by JSON path and
 * schema keyword, never by the offending value.
 */
public sealed interface FormatCheck extends CaseCheck {

    @Override
    default CaseType type() {
        return CaseType.FORMAT_COMPLIANCE;
    }

    record RegexFormat(Pattern pattern, double threshold) implements FormatCheck {

        @Override
        public String metric() {
            return "regex";
        }

        @Override
        public CaseScore score(String output, PiiDetector pii) {
            return pattern.matcher(output.strip()).matches()
                    ? new CaseScore(1.0, "output matches /" + pattern.pattern() + "/")
                    : new CaseScore(0.0, "output does not match /" + pattern.pattern() + "/");
        }
    }

    record JsonSchemaFormat(Schema schema, double threshold) implements FormatCheck {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        public String metric() {
            return "json_schema";
        }

        @Override
        public CaseScore score(String output, PiiDetector pii) {
            JsonNode document;
            try {
                document = JSON.readTree(output.strip());
            } catch (JacksonException e) {
                return new CaseScore(0.0, "output is not JSON");
            }
            if (document.isMissingNode()) {
                return new CaseScore(0.0, "output is empty, not JSON");
            }
            List<Error> errors = schema.validate(document);
            if (errors.isEmpty()) {
                return new CaseScore(1.0, "output is valid against the schema");
            }
            return new CaseScore(0.0, errors.size() + " schema violation(s): " + errors.stream()
                    .limit(10)
                    .map(error -> location(error) + " (" + error.getKeyword() + ")")
                    .collect(Collectors.joining(", ")));
        }

        /** The JSON pointer of the offending value; the document itself is {@code /}. */
        private static String location(Error error) {
            String pointer = error.getInstanceLocation().toString();
            return pointer.isEmpty() ? "/" : pointer;
        }
    }
}
