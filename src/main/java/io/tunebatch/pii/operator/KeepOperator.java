package io.tunebatch.pii.operator;

/** Leaves the value as it is (the detection is still recorded). */
public record KeepOperator() implements AnonymizeOperator {

    @Override
    public String apply(String value, String entityType) {
        return value;
    }
}
