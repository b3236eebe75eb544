package io.tunebatch.drift;

import io.tunebatch.evaluate.TextMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What drift is measured on, gathered example by example: token lengths of instruction, input,
 * prompt (instruction + input) and output, token counts of prompts and of outputs, the source
 * systems, and how many examples hold PII. Holds counts and lengths only, never the texts.
 */
public final class DatasetProfile {

    private final Lengths instructionLengths = new Lengths();
    private final Lengths inputLengths = new Lengths();
    private final Lengths promptLengths = new Lengths();
    private final Lengths outputLengths = new Lengths();
    private final Map<String, Long> promptTokens = new HashMap<>();
    private final Map<String, Long> outputTokens = new HashMap<>();
    private final Map<String, Long> sourceSystems = new TreeMap<>();
    private long examples;
    private long withPii;

    public void add(String instruction, String input, String output, String sourceSystem, boolean hasPii) {
        List<String> instructionTokens = TextMetrics.tokens(instruction);
        List<String> inputTokens = TextMetrics.tokens(input);
        List<String> answerTokens = TextMetrics.tokens(output);
        instructionLengths.add(instructionTokens.size());
        inputLengths.add(inputTokens.size());
        promptLengths.add(instructionTokens.size() + inputTokens.size());
        outputLengths.add(answerTokens.size());
        instructionTokens.forEach(token -> promptTokens.merge(token, 1L, Long::sum));
        inputTokens.forEach(token -> promptTokens.merge(token, 1L, Long::sum));
        answerTokens.forEach(token -> outputTokens.merge(token, 1L, Long::sum));
        sourceSystems.merge(sourceSystem, 1L, Long::sum);
        examples++;
        if (hasPii) {
            withPii++;
        }
    }

    public long examples() {
        return examples;
    }

    public long withPii() {
        return withPii;
    }

    int[] instructionLengths() {
        return instructionLengths.toArray();
    }

    int[] inputLengths() {
        return inputLengths.toArray();
    }

    public int[] promptLengths() {
        return promptLengths.toArray();
    }

    int[] outputLengths() {
        return outputLengths.toArray();
    }

    public Map<String, Long> promptTokens() {
        return promptTokens;
    }

    Map<String, Long> outputTokens() {
        return outputTokens;
    }

    Map<String, Long> sourceSystems() {
        return sourceSystems;
    }
}
