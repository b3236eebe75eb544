package io.tunebatch.pii.operator;

/** Rewrites one detected value; thread-safe. */
public interface AnonymizeOperator {

    String apply(String value, String entityType);
}
