package io.tunebatch.pii;

import io.tunebatch.pii.ner.NerModelRecognizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PII detection and anonymization settings, {@code tunebatch.pii.*}. Every property is optional;
 * the defaults are:
 * <ul>
 *   <li>{@code threshold: 0.7} — spans scoring below it are not reported.</li>
 *   <li>{@code entities}: {@link EntityTypes#DEFAULT_ENABLED}, every type except LOCATION (a city or
 *       country alone rarely identifies anyone, and masking every place name hurts the training
 *       data); list the types to report, e.g. add LOCATION.</li>
 *   <li>{@code phone-regions}: {@link #DEFAULT_PHONE_REGIONS} — regions whose national numbers the phone
 *       recognizer accepts, tried in order; numbers written with {@code +} or {@code 00} are read by
 *       their country code whatever the regions.</li>
 *   <li>{@code context-boost: 0.35} — added to a candidate with one of its entity's context words
 *       within {@value ContextScorer#WINDOW_BEFORE} characters before (or
 *       {@value ContextScorer#WINDOW_AFTER} after) it.</li>
 *   <li>{@code context-words}: per entity type, words added to the built-in ones in
 *       {@link DefaultContextWords}.</li>
 *   <li>{@code negative-context-words}: replace the built-in identifier words ("order", "tracking",
 *       "invoice", "isbn", ...) that lower numeric candidates by {@code negative-context-penalty: 0.35}.</li>
 *   <li>{@code operators}: per entity type, how {@code PiiAnonymizer} rewrites it, e.g.
 *       {@code CREDIT_CARD: {type: mask, keep-last: 4}}. Unlisted types use {@code default-operator},
 *       which is {@code replace} with {@code <ENTITY_TYPE>}.</li>
 *   <li>{@code hash-key}: the HMAC-SHA256 secret of the {@code hash} operator (at least 16 characters);
 *       required only when some entity uses {@code hash}.</li>
 *   <li>{@code name-finder: false} — when true, the project's OpenNLP name finder confirms PERSON
 *       candidates of the rules ({@code PersonNameFinderEnsemble}); off by default because it
 *       measured no clear gain for a sixth of the throughput (BENCHMARKS.md, "PII detection").</li>
 *   <li>{@code ner-model}: empty — a folder holding a Hugging Face token-classification model of
 *       type bert, roberta, xlm-roberta or distilbert (config.json, model.safetensors,
 *       tokenizer.json) whose PERSON and LOCATION spans
 *       join the rules' candidates ({@code io.tunebatch.pii.ner.NerModelRecognizer}); for teams
 *       with an approved NER model. Nothing is downloaded.</li>
 * </ul>
 * The AES key of the {@code encrypt} operator is {@code tunebatch.pii.encryption-key} /
 * {@code tunebatch.pii.key-file} (see {@link PiiKeyConfiguration}).
 */
@ConfigurationProperties("tunebatch.pii")
public record PiiProperties(
        Double threshold,
        List<String> entities,
        List<String> phoneRegions,
        Double contextBoost,
        Map<String, List<String>> contextWords,
        List<String> negativeContextWords,
        Double negativeContextPenalty,
        Map<String, OperatorProperties> operators,
        OperatorProperties defaultOperator,
        String hashKey,
        Boolean nameFinder,
        String nerModel) {

    /** Regions tried in order when a number has no international prefix. */
    public static final List<String> DEFAULT_PHONE_REGIONS = List.of("US", "GB", "CA", "AU", "IN", "DE", "FR", "ES",
            "IT", "NL", "BE", "CH", "AT", "SE", "IE", "PL", "BR", "MX");

    public PiiProperties {
        threshold = threshold == null ? 0.7 : threshold;
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("tunebatch.pii.threshold must be in [0, 1], got " + threshold);
        }
        entities = entities == null || entities.isEmpty() ? EntityTypes.DEFAULT_ENABLED : List.copyOf(entities);
        for (String entity : entities) {
            if (!EntityTypes.ALL.contains(entity)) {
                throw new IllegalArgumentException("tunebatch.pii.entities: unknown entity type " + entity
                        + "; known types are " + EntityTypes.ALL);
            }
        }
        phoneRegions = phoneRegions == null || phoneRegions.isEmpty() ? DEFAULT_PHONE_REGIONS : List.copyOf(phoneRegions);
        contextBoost = contextBoost == null ? 0.35 : contextBoost;
        contextWords = contextWords == null ? Map.of() : Map.copyOf(contextWords);
        negativeContextWords = negativeContextWords == null ? DefaultContextWords.NEGATIVE : List.copyOf(negativeContextWords);
        negativeContextPenalty = negativeContextPenalty == null ? 0.35 : negativeContextPenalty;
        operators = operators == null ? Map.of() : Map.copyOf(operators);
        defaultOperator = defaultOperator == null ? OperatorProperties.REPLACE : defaultOperator;
        hashKey = hashKey == null ? "" : hashKey;
        nameFinder = nameFinder != null && nameFinder;
        nerModel = nerModel == null ? "" : nerModel.strip();
        if (!nerModel.isEmpty()) {
            NerModelRecognizer.requireModelFolder(Path.of(nerModel));
        }
    }

    /**
     * These settings under a job definition's PII policy: each argument that is not null replaces
     * the configured value; {@code operators} maps entity types (and {@code default}) to operator types.
     */
    public PiiProperties withPolicy(Double policyThreshold, List<String> policyEntities, Map<String, String> policyOperators) {
        Map<String, OperatorProperties> byEntity = new java.util.HashMap<>(operators);
        OperatorProperties fallback = defaultOperator;
        if (policyOperators != null) {
            for (Map.Entry<String, String> entry : policyOperators.entrySet()) {
                OperatorProperties operator = new OperatorProperties(entry.getValue(), null, null, null);
                if (entry.getKey().equals("default")) {
                    fallback = operator;
                } else {
                    byEntity.put(entry.getKey(), operator);
                }
            }
        }
        return new PiiProperties(policyThreshold != null ? policyThreshold : threshold,
                policyEntities != null ? policyEntities : entities, phoneRegions, contextBoost, contextWords,
                negativeContextWords, negativeContextPenalty, byEntity, fallback, hashKey, nameFinder, nerModel);
    }

    /** All defaults, for code that runs without Spring (tests, benchmarks). */
    public static PiiProperties defaults() {
        return new PiiProperties(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * One anonymization operator: {@code type} is replace, mask, redact, hash, encrypt or keep;
     * {@code new-value} is replace's text (default {@code <ENTITY_TYPE>}); {@code keep-last}
     * (default 4) and {@code mask-char} (default {@code *}) are mask's.
     */
    public record OperatorProperties(String type, String newValue, Integer keepLast, String maskChar) {

        public static final OperatorProperties REPLACE = new OperatorProperties("replace", null, null, null);

        public OperatorProperties {
            type = type == null ? "replace" : type.toLowerCase(java.util.Locale.ROOT);
            keepLast = keepLast == null ? 4 : keepLast;
            maskChar = maskChar == null || maskChar.isEmpty() ? "*" : maskChar;
        }
    }
}
