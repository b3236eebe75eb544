package io.tunebatch.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares a current profile with a reference profile, feature by feature, and turns the result
 * into a retraining recommendation: {@code retrain} when any feature shifted significantly,
 * {@code watch} when any shifted moderately, else {@code none}.
 */
public final class DriftAnalysis {

    private final DriftProperties properties;

    public DriftAnalysis(DriftProperties properties) {
        this.properties = properties;
    }

    public List<FeatureDrift> compare(DatasetProfile reference, DatasetProfile current) {
        List<FeatureDrift> features = new ArrayList<>();
        features.add(lengths("instruction_length", reference.instructionLengths(), current.instructionLengths()));
        features.add(lengths("input_length", reference.inputLengths(), current.inputLengths()));
        features.add(lengths("output_length", reference.outputLengths(), current.outputLengths()));
        features.add(tokens("prompt_tokens", reference.promptTokens(), current.promptTokens()));
        features.add(tokens("output_tokens", reference.outputTokens(), current.outputTokens()));
        features.add(sourceSystems(reference.sourceSystems(), current.sourceSystems()));
        features.add(feature("pii_rate", new long[] {reference.withPii(), reference.examples() - reference.withPii()},
                new long[] {current.withPii(), current.examples() - current.withPii()}));
        return features;
    }

    private FeatureDrift lengths(String feature, int[] reference, int[] current) {
        LengthBins bins = LengthBins.ofReference(reference, properties.lengthBins());
        return feature(feature, bins.histogram(reference), bins.histogram(current));
    }

    private FeatureDrift tokens(String feature, Map<String, Long> reference, Map<String, Long> current) {
        TokenVocabulary vocabulary = TokenVocabulary.top(reference, properties.vocabularySize());
        return feature(feature, vocabulary.histogram(reference), vocabulary.histogram(current));
    }

    private FeatureDrift sourceSystems(Map<String, Long> reference, Map<String, Long> current) {
        TreeSet<String> union = new TreeSet<>(reference.keySet());
        union.addAll(current.keySet());
        List<String> systems = List.copyOf(union);
        long[] expected = new long[systems.size()];
        long[] actual = new long[systems.size()];
        for (int i = 0; i < systems.size(); i++) {
            expected[i] = reference.getOrDefault(systems.get(i), 0L);
            actual[i] = current.getOrDefault(systems.get(i), 0L);
        }
        return feature("source_system", expected, actual);
    }

    private FeatureDrift feature(String feature, long[] reference, long[] current) {
        double psi = Psi.of(reference, current);
        return new FeatureDrift(feature, psi, properties.level(psi), reference.length);
    }

    /** {@code retrain}, {@code watch} or {@code none}, from the levels of the features. */
    public static String recommendation(List<FeatureDrift> features) {
        if (features.stream().anyMatch(f -> f.level().equals("significant"))) {
            return "retrain";
        }
        return features.stream().anyMatch(f -> f.level().equals("moderate")) ? "watch" : "none";
    }
}
