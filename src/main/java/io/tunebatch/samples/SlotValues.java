package io.tunebatch.samples;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The values of one record's template slots. A slot keeps its value across the record's fields, so
 * a reply greets the customer the ticket named and repeats the order number the ticket gave.
 */
final class SlotValues {

    /** A slot's text; type is null for plain vocabulary, an entity or hard-negative type otherwise. */
    record Value(String text, String type, boolean pii) {
    }

    private final SplittableRandom random;
    private final Map<String, Function<SplittableRandom, String>> vocabulary;
    private final Map<String, Value> values = new HashMap<>();
    private Person customer;
    private Person agent;

    SlotValues(SplittableRandom random, Map<String, Function<SplittableRandom, String>> vocabulary) {
        this.random = random;
        this.vocabulary = vocabulary;
    }

    Value get(String slot) {
        Value value = values.get(slot);
        if (value == null) {
            value = fill(slot);
            values.put(slot, value);
        }
        return value;
    }

    private Value fill(String slot) {
        return switch (slot) {
            case "name" -> pii(customer().full(), "PERSON");
            case "first" -> pii(customer().first(), "PERSON");
            case "agent" -> pii(agent().full(), "PERSON");
            case "agent_first" -> pii(agent().first(), "PERSON");
            case "email" -> pii(PiiValues.email(customer(), random), "EMAIL_ADDRESS");
            case "phone" -> pii(PiiValues.phone(random), "PHONE_NUMBER");
            case "ssn" -> pii(PiiValues.ssn(random), "US_SSN");
            case "card" -> pii(PiiValues.creditCard(random), "CREDIT_CARD");
            case "order" -> negative(HardNegatives.orderNumber(random), "ORDER_NUMBER");
            case "version" -> negative(HardNegatives.version(random), "VERSION");
            case "isbn" -> negative(HardNegatives.isbn(random), "ISBN");
            case "tracking" -> negative(HardNegatives.trackingCode(random), "TRACKING_CODE");
            case "date" -> negative(HardNegatives.date(random), "DATE");
            default -> {
                Function<SplittableRandom, String> words = vocabulary.get(slot);
                if (words == null) {
                    throw new IllegalStateException("template slot {" + slot + "} has no vocabulary");
                }
                yield new Value(words.apply(random), null, false);
            }
        };
    }

    private Person customer() {
        if (customer == null) {
            customer = Person.random(random);
        }
        return customer;
    }

    private Person agent() {
        if (agent == null) {
            do {
                agent = Person.random(random);
            } while (agent.equals(customer));
        }
        return agent;
    }

    private static Value pii(String text, String type) {
        return new Value(text, type, true);
    }

    private static Value negative(String text, String type) {
        return new Value(text, type, false);
    }
}
