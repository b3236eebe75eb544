package io.tunebatch.pii.ner;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PERSON (and LOCATION) from a token-classification model the user supplies in a local folder
 * ({@code tunebatch.pii.ner-model}): a Hugging Face BERT NER checkpoint with {@code config.json},
 * safetensors weights and {@code tokenizer.json}, such as one a model-risk team has approved.
 * Labels are read as IOB tags ({@code B-PER}, {@code I-PER}, or bare {@code PER}); PER/PERSON
 * become PERSON and LOC/LOCATION/GPE become LOCATION, other tags are ignored. A span's score is
 * the mean probability of its tokens' tags. Texts longer than the model's window are read in
 * windows. Nothing is downloaded: a missing file is an error naming the folder.
 */
public final class NerModelRecognizer implements PiiRecognizer {

    /** Models are large and immutable: one per folder for the whole process, however many engines use it. */
    private static final Map<Path, NerModelRecognizer> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, String> ENTITY_BY_TAG = Map.of("PER", EntityTypes.PERSON, "PERSON", EntityTypes.PERSON,
            "LOC", EntityTypes.LOCATION, "LOCATION", EntityTypes.LOCATION, "GPE", EntityTypes.LOCATION);

    private final HuggingFaceTokenizer tokenizer;
    private final BertTokenClassifier classifier;

    NerModelRecognizer(HuggingFaceTokenizer tokenizer, BertTokenClassifier classifier) {
        this.tokenizer = tokenizer;
        this.classifier = classifier;
    }

    /** The model in {@code folder}, loaded once per process. */
    public static NerModelRecognizer of(Path folder) {
        return LOADED.computeIfAbsent(folder.toAbsolutePath().normalize(), NerModelRecognizer::load);
    }

    /**
     * Checks, without loading weights, that {@code folder} holds a BERT token-classification model
     * this recognizer can run, so that a wrong setting fails when the configuration is bound.
     */
    public static void requireModelFolder(Path folder) {
        for (String file : List.of("config.json", "tokenizer.json", "model.safetensors")) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new IllegalArgumentException("tunebatch.pii.ner-model: " + folder + " has no " + file
                        + "; the folder must hold config.json, tokenizer.json and model.safetensors of a BERT"
                        + " token-classification model");
            }
        }
        BertTokenClassifier.Config.read(folder.resolve("config.json"));
    }

    private static NerModelRecognizer load(Path folder) {
        requireModelFolder(folder);
        Path tokenizerFile = folder.resolve("tokenizer.json");
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile,
                    Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
            return new NerModelRecognizer(tokenizer, BertTokenClassifier.load(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("tunebatch.pii.ner-model: cannot read " + tokenizerFile, e);
        }
    }

    @Override
    public String name() {
        return "ner-model";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.PERSON, EntityTypes.LOCATION);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        long[] special = encoding.getSpecialTokenMask();
        String[] pieces = encoding.getTokens();
        List<Integer> content = new ArrayList<>();
        for (int t = 0; t < ids.length; t++) {
            if (special[t] == 0 && spans[t] != null) {
                content.add(t);
            }
        }
        int window = classifier.config().maxPositions() - 2;
        for (int from = 0; from < content.size(); from += window) {
            List<Integer> part = content.subList(from, Math.min(content.size(), from + window));
            long[] windowIds = new long[part.size() + 2];
            windowIds[0] = ids[0]; // the encoding's own [CLS] and [SEP] frame every window
            windowIds[windowIds.length - 1] = ids[ids.length - 1];
            CharSpan[] windowSpans = new CharSpan[part.size()];
            boolean[] wordPiece = new boolean[part.size()];
            for (int i = 0; i < part.size(); i++) {
                windowIds[i + 1] = ids[part.get(i)];
                windowSpans[i] = spans[part.get(i)];
                wordPiece[i] = pieces[part.get(i)].startsWith("##");
            }
            float[][] probabilities = classifier.probabilities(windowIds);
            decode(Arrays.copyOfRange(probabilities, 1, probabilities.length - 1), windowSpans, wordPiece, out);
        }
    }

    /**
     * IOB decoding: B- starts an entity, I- of the same type continues it, and so does every
     * word piece ({@code ##...}) of a word the entity has started, whatever its own tag.
     */
    private void decode(float[][] probabilities, CharSpan[] spans, boolean[] wordPiece, List<PiiSpan> out) {
        List<String> labels = classifier.config().labels();
        String openType = null;
        int start = 0;
        int end = 0;
        double scoreSum = 0;
        int tokens = 0;
        for (int t = 0; t <= spans.length; t++) {
            String tag = "O";
            float probability = 0;
            if (t < spans.length) {
                int best = argmax(probabilities[t]);
                tag = labels.get(best).toUpperCase(Locale.ROOT);
                probability = probabilities[t][best];
            }
            String type = ENTITY_BY_TAG.get(tag.startsWith("B-") || tag.startsWith("I-") ? tag.substring(2) : tag);
            boolean sameType = openType != null && openType.equals(type);
            if (openType != null && t < spans.length && (wordPiece[t] || (sameType && tag.startsWith("I-")))) {
                end = spans[t].getEnd();
                if (sameType) {
                    scoreSum += probability;
                    tokens++;
                }
                continue;
            }
            if (openType != null) {
                out.add(new PiiSpan(start, end, openType, scoreSum / tokens, name()));
                openType = null;
            }
            if (type != null) {
                openType = type;
                start = spans[t].getStart();
                end = spans[t].getEnd();
                scoreSum = probability;
                tokens = 1;
            }
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
