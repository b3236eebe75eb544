package io.tunebatch.pii.operator;

/** Removes the value entirely. */
public record RedactOperator() implements AnonymizeOperator {

    @Override
    public String apply(String value, String entityType) {
        return "";
    }
}
