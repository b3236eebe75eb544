package io.tunebatch.pii;

import java.util.LinkedHashMap;
import java.util.Map;

/** The three scanned fields of a training example, by field name. */
record ExampleText(String exampleId, Map<String, String> fields) {

    static final String INSTRUCTION = "instruction";
    static final String INPUT = "input";
    static final String OUTPUT = "output";

    static ExampleText of(String id, String instruction, String input, String output) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(INSTRUCTION, instruction);
        fields.put(INPUT, input);
        fields.put(OUTPUT, output);
        return new ExampleText(id, fields);
    }
}
