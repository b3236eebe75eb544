package io.tunebatch.pii.operator;

/** Replaces the value with a fixed text, by default {@code <ENTITY_TYPE>}. */
public record ReplaceOperator(String newValue) implements AnonymizeOperator {

    @Override
    public String apply(String value, String entityType) {
        return newValue == null ? "<" + entityType + ">" : newValue;
    }
}
