package io.tunebatch.samples;

import java.util.ArrayList;
import java.util.List;

/**
 * One kind of instruction-tuning record: alternative instructions plus input and output patterns
 * whose {slot}s are filled per record. Instructions carry no slots, so they never hold PII.
 */
record Template(List<String> instructions, String input, String output) {

    Template {
        instructions = List.copyOf(instructions);
        if (instructions.stream().anyMatch(instruction -> instruction.indexOf('{') >= 0)) {
            throw new IllegalArgumentException("instructions must not contain slots: " + instructions);
        }
    }

    /** Text with its planted values located. */
    record Rendered(String text, List<PlantedValue> planted) {
    }

    static Rendered render(String field, String pattern, SlotValues slots) {
        StringBuilder text = new StringBuilder(pattern.length() + 64);
        List<PlantedValue> planted = new ArrayList<>();
        int at = 0;
        while (at < pattern.length()) {
            int open = pattern.indexOf('{', at);
            if (open < 0) {
                text.append(pattern, at, pattern.length());
                break;
            }
            int close = pattern.indexOf('}', open);
            text.append(pattern, at, open);
            SlotValues.Value value = slots.get(pattern.substring(open + 1, close));
            int start = text.length();
            text.append(value.text());
            if (value.type() != null) {
                planted.add(new PlantedValue(field, start, text.length(), value.type(), value.pii(), value.text()));
            }
            at = close + 1;
        }
        return new Rendered(text.toString(), planted);
    }
}
