package io.tunebatch.model;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Continues a prompt token by token with a KV cache: the prompt is processed once, then each step
 * feeds only the newest token. Greedy, or temperature + top-p sampling from a seeded generator.
 */
public final class Generator {

    private final LanguageModel model;
    private final LoraAdapter adapter;

    /** {@code adapter} may be null for the base model. */
    public Generator(LanguageModel model, LoraAdapter adapter) {
        this.model = model;
        this.adapter = adapter;
    }

    /** Continues an instruction formatted the way training formats it (see {@link PromptFormat}). */
    public Generation answer(String instruction, String input, GenerationSettings settings) {
        return generate(model.tokenizer().prompt(instruction, input), settings);
    }

    /** Continues raw text. */
    public Generation generate(String prompt, GenerationSettings settings) {
        return generate(model.tokenizer().encode(prompt), settings);
    }

    public Generation generate(long[] promptIds, GenerationSettings settings) {
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("the prompt is empty");
        }
        long started = System.nanoTime();
        Transformer transformer = model.transformer();
        int contextLength = transformer.config().maxPositionEmbeddings();
        SplittableRandom random = new SplittableRandom(settings.seed());
        List<Long> generated = new ArrayList<>();
        String stopReason = "max_new_tokens";
        String text = "";
        try (NDManager session = transformer.newCallManager();
             KvCache cache = new KvCache(session, transformer.config().numLayers())) {
            long[] input = promptIds;
            while (generated.size() < settings.maxNewTokens()) {
                if (cache.length() + input.length > contextLength) {
                    stopReason = "context_length";
                    break;
                }
                float[] logits = nextTokenLogits(transformer, cache, input);
                long next = settings.temperature() == 0 ? argmax(logits) : sample(logits, settings, random);
                generated.add(next);
                if (model.tokenizer().stopIds().contains(next)) {
                    stopReason = "eos";
                    break;
                }
                text = model.tokenizer().decode(ids(generated));
                int stop = firstStop(text, settings.stopSequences());
                if (stop >= 0) {
                    text = text.substring(0, stop);
                    stopReason = "stop_sequence";
                    break;
                }
                input = new long[] {next};
            }
            if (!stopReason.equals("stop_sequence")) {
                text = model.tokenizer().decode(ids(generated));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Generation(text, ids(generated), stopReason, promptIds.length, generated.size() / seconds);
    }

    private float[] nextTokenLogits(Transformer transformer, KvCache cache, long[] input) {
        try (NDManager call = cache.newCallManager()) {
            ForwardPass pass = transformer.pass(call, cache.length(), input.length, adapter, null, cache);
            float[] logits = transformer.forward(call.create(new long[][] {input}), pass, true).toFloatArray();
            cache.advance(input.length);
            return logits;
        }
    }

    private static int firstStop(String text, List<String> stops) {
        int first = -1;
        for (String stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    static long argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Softmax at the temperature, keep the smallest top set whose mass reaches topP, draw from it. */
    static long sample(float[] logits, GenerationSettings settings, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double[] probabilities = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp((logits[i] - max) / settings.temperature());
            total += probabilities[i];
        }
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            probabilities[i] /= total;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        double kept = 0;
        int count = 0;
        while (count < order.length && (count == 0 || kept < settings.topP())) {
            kept += probabilities[order[count++]];
        }
        double draw = random.nextDouble() * kept;
        for (int i = 0; i < count; i++) {
            draw -= probabilities[order[i]];
            if (draw <= 0) {
                return order[i];
            }
        }
        return order[count - 1];
    }

    private static long[] ids(List<Long> tokens) {
        return tokens.stream().mapToLong(Long::longValue).toArray();
    }
}
