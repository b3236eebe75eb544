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
 * ({@code tunebatch.pii.ner-model}): a Hugging Face BERT, RoBERTa, XLM-RoBERTa or DistilBERT NER
 * checkpoint with {@code config.json}, safetensors weights and {@code tokenizer.json} (WordPiece,
 * byte-level BPE or SentencePiece), such as one a model-risk team has approved. Labels are read as
 * IOB tags ({@code B-PER}, {@code I-PER}, or bare {@code PER}); PER, PERSON, NAME and the clinical
 * de-identification tags PATIENT, DOCTOR and STAFF become PERSON; LOC, LOCATION, GPE, CITY and
 * COUNTRY become LOCATION; other tags are ignored. A span's score is the mean probability of its
 * tokens' tags. Texts longer than the model's window are read in windows. Nothing is downloaded:
 * a missing file is an error naming the folder.
 */
public final class NerModelRecognizer implements PiiRecognizer {

    /** Models are large and immutable: one per folder for the whole process, however many engines use it. */
    private static final Map<Path, NerModelRecognizer> LOADED = new ConcurrentHashMap<>();
    private static final Map<String, String> ENTITY_BY_TAG = Map.ofEntries(Map.entry("PER", EntityTypes.PERSON),
            Map.entry("PERSON", EntityTypes.PERSON), Map.entry("NAME", EntityTypes.PERSON), Map.entry("PATIENT", EntityTypes.PERSON),
            Map.entry("DOCTOR", EntityTypes.PERSON), Map.entry("STAFF", EntityTypes.PERSON), Map.entry("LOC", EntityTypes.LOCATION),
            Map.entry("LOCATION", EntityTypes.LOCATION), Map.entry("GPE", EntityTypes.LOCATION), Map.entry("CITY", EntityTypes.LOCATION),
            Map.entry("COUNTRY", EntityTypes.LOCATION));

    private final HuggingFaceTokenizer tokenizer;
    private final TokenClassifier classifier;

    NerModelRecognizer(HuggingFaceTokenizer tokenizer, TokenClassifier classifier) {
        this.tokenizer = tokenizer;
        this.classifier = classifier;
    }

    /** The model in {@code folder}, loaded once per process. */
    public static NerModelRecognizer of(Path folder) {
        return LOADED.computeIfAbsent(folder.toAbsolutePath().normalize(), NerModelRecognizer::load);
    }

    /**
     * Checks, without loading weights, that {@code folder} holds a token-classification model
     * this recognizer can run, so that a wrong setting fails when the configuration is bound.
     */
    public static void requireModelFolder(Path folder) {
        for (String file : List.of("config.json", "tokenizer.json", "model.safetensors")) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new IllegalArgumentException("tunebatch.pii.ner-model: " + folder + " has no " + file
                        + "; the folder must hold config.json, tokenizer.json and model.safetensors of a"
                        + " token-classification model (" + String.join(", ", TokenClassifier.Config.SUPPORTED) + ")");
            }
        }
        TokenClassifier.Config.read(folder.resolve("config.json"));
    }

    private static NerModelRecognizer load(Path folder) {
        requireModelFolder(folder);
        Path tokenizerFile = folder.resolve("tokenizer.json");
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile,
                    Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
            return new NerModelRecognizer(tokenizer, TokenClassifier.load(folder));
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
        List<Integer> content = new ArrayList<>();
        for (int t = 0; t < ids.length; t++) {
            if (special[t] == 0 && spans[t] != null) {
                content.add(t);
            }
        }
        int window = classifier.config().maxTokens() - 2;
        float[][] probabilities = new float[content.size()][];
        CharSpan[] contentSpans = new CharSpan[content.size()];
        for (int from = 0; from < content.size(); from += window) {
            List<Integer> part = content.subList(from, Math.min(content.size(), from + window));
            long[] windowIds = new long[part.size() + 2];
            windowIds[0] = ids[0]; // the encoding's own [CLS] and [SEP] (<s>, </s>) frame every window
            windowIds[windowIds.length - 1] = ids[ids.length - 1];
            for (int i = 0; i < part.size(); i++) {
                windowIds[i + 1] = ids[part.get(i)];
                contentSpans[from + i] = spans[part.get(i)];
            }
            float[][] windowProbabilities = classifier.probabilities(windowIds);
            System.arraycopy(windowProbabilities, 1, probabilities, from, part.size());
        }
        // one decoding over all windows, so that a name cut by a window's end stays one name
        decode(text, probabilities, contentSpans, out);
    }

    /**
     * IOB decoding: B- starts an entity, I- of the same type continues it, and so does every
     * further piece of a word the entity has started, whatever its own tag. Token offsets lose
     * the leading space some tokenizers include ("▁Ko", "ĠKo"); a piece is part of the previous
     * word when they touch letter to letter, which holds for "##" WordPiece, BPE and SentencePiece
     * alike; pieces holding only a space are skipped.
     */
    private void decode(String text, float[][] probabilities, CharSpan[] spans, List<PiiSpan> out) {
        List<String> labels = classifier.config().labels();
        String openType = null;
        int start = 0;
        int end = 0;
        double scoreSum = 0;
        int tokens = 0;
        for (int t = 0; t <= spans.length; t++) {
            String tag = "O";
            float probability = 0;
            int pieceStart = 0;
            if (t < spans.length) {
                pieceStart = spans[t].getStart();
                while (pieceStart < spans[t].getEnd() && Character.isWhitespace(text.charAt(pieceStart))) {
                    pieceStart++;
                }
                if (pieceStart == spans[t].getEnd()) {
                    continue;
                }
                int best = argmax(probabilities[t]);
                tag = labels.get(best).toUpperCase(Locale.ROOT);
                probability = probabilities[t][best];
            }
            String type = ENTITY_BY_TAG.get(tag.startsWith("B-") || tag.startsWith("I-") ? tag.substring(2) : tag);
            boolean sameType = openType != null && openType.equals(type);
            if (openType != null && t < spans.length && (insideWord(text, end, pieceStart) || (sameType && tag.startsWith("I-")))) {
                end = Math.max(end, spans[t].getEnd());
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
                start = pieceStart;
                end = spans[t].getEnd();
                scoreSum = probability;
                tokens = 1;
            }
        }
    }

    /** Whether a piece starting at {@code pieceStart} continues the word ending at {@code previousEnd}. */
    private static boolean insideWord(String text, int previousEnd, int pieceStart) {
        return pieceStart <= previousEnd && pieceStart > 0 && Character.isLetterOrDigit(text.charAt(pieceStart))
                && Character.isLetterOrDigit(text.charAt(pieceStart - 1));
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
