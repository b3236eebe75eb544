package io.tunebatch.pii.operator;

import io.tunebatch.pii.FieldCipher;
import io.tunebatch.pii.PiiAnonymizer;
import io.tunebatch.pii.PiiProperties;
import io.tunebatch.pii.PiiProperties.OperatorProperties;
import io.tunebatch.pii.PiiSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link PiiAnonymizer}: rewrites each span with its entity type's operator, left to right.
 * Spans overlapping an earlier one are skipped (the detector never returns such spans).
 */
public final class OperatorAnonymizer implements PiiAnonymizer {

    private final Map<String, AnonymizeOperator> byEntity;
    private final AnonymizeOperator fallback;

    public OperatorAnonymizer(Map<String, AnonymizeOperator> byEntity, AnonymizeOperator fallback) {
        this.byEntity = Map.copyOf(byEntity);
        this.fallback = fallback;
    }

    /** The operators configured in {@code tunebatch.pii.operators} / {@code default-operator}. */
    public static OperatorAnonymizer from(PiiProperties properties, FieldCipher cipher) {
        Map<String, AnonymizeOperator> byEntity = new HashMap<>();
        properties.operators().forEach((entity, operator) ->
                byEntity.put(entity, operator(operator, properties.hashKey(), cipher, "tunebatch.pii.operators." + entity)));
        return new OperatorAnonymizer(byEntity,
                operator(properties.defaultOperator(), properties.hashKey(), cipher, "tunebatch.pii.default-operator"));
    }

    static AnonymizeOperator operator(OperatorProperties p, String hashKey, FieldCipher cipher, String where) {
        return switch (p.type()) {
            case "replace" -> new ReplaceOperator(p.newValue());
            case "mask" -> new MaskOperator(p.keepLast(), p.maskChar().charAt(0));
            case "redact" -> new RedactOperator();
            case "hash" -> new HashOperator(hashKey);
            case "encrypt" -> new EncryptOperator(cipher);
            case "keep" -> new KeepOperator();
            default -> throw new IllegalArgumentException(where + ".type: unknown operator '" + p.type()
                    + "'; use replace, mask, redact, hash, encrypt or keep");
        };
    }

    @Override
    public String anonymize(String text, List<PiiSpan> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        List<PiiSpan> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(PiiSpan::start));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (PiiSpan span : ordered) {
            if (span.start() < copied || span.end() > text.length()) {
                continue;
            }
            out.append(text, copied, span.start());
            String value = text.substring(span.start(), span.end());
            out.append(byEntity.getOrDefault(span.entityType(), fallback).apply(value, span.entityType()));
            copied = span.end();
        }
        return out.append(text, copied, text.length()).toString();
    }
}
