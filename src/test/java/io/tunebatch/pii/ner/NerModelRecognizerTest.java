package io.tunebatch.pii.ner;

import static io.tunebatch.pii.Detect.found;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiEngine;
import io.tunebatch.pii.PiiProperties;
import io.tunebatch.pii.PiiSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiny NER models of each supported architecture, trained by src/test/python/make_ner_fixture.py,
 * against transformers' own output.
 */
class NerModelRecognizerTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path MODEL = GOLDEN.resolve("bert-ner");

    @ParameterizedTest
    @ValueSource(strings = {"bert", "roberta", "xlm-roberta", "distilbert"})
    void labelProbabilitiesMatchTransformers(String architecture) throws Exception {
        Path model = GOLDEN.resolve(architecture + "-ner");
        try (TokenClassifier classifier = TokenClassifier.load(model)) {
            assertThat(classifier.config().modelType()).isEqualTo(architecture);
            int windows = 0;
            for (JsonNode sentence : expected(model)) {
                for (JsonNode window : sentence.path("windows")) {
                    long[] ids = longs(window.path("ids"));
                    float[][] probabilities = classifier.probabilities(ids);
                    JsonNode reference = window.path("probabilities");
                    for (int t = 0; t < ids.length; t++) {
                        for (int label = 0; label < probabilities[t].length; label++) {
                            assertThat(probabilities[t][label]).isCloseTo(reference.get(t).get(label).floatValue(), within(1e-4f));
                        }
                    }
                    windows++;
                }
            }
            assertThat(windows).as("the long sentence needs more than one 16-token window").isGreaterThan(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bert", "roberta", "xlm-roberta", "distilbert"})
    void aNameIsOneSpanWhateverTheTokenizerCutsItInto(String architecture) {
        // WordPiece "##", byte-level BPE "Ġ" and SentencePiece "▁" pieces, offsets with or without the space
        NerModelRecognizer recognizer = NerModelRecognizer.of(GOLDEN.resolve(architecture + "-ner"));
        assertThat(spans(recognizer, "Please call Anna Kowalska today.")).containsExactly("PERSON:Anna Kowalska");
    }

    @Test
    void findsTheNamesAndPlacesTheModelTagsAcrossWindows() {
        NerModelRecognizer recognizer = NerModelRecognizer.of(MODEL);
        assertThat(spans(recognizer, "Ticket closed, Mei Tanaka will follow up. Our agent spoke with Lars Berg yesterday in Oslo."))
                .containsExactly("PERSON:Mei Tanaka", "PERSON:Lars Berg", "LOCATION:Oslo");
        // "Mieszko" is cut into pieces 9-15 and the 14-token window ends after piece 13
        assertThat(spans(recognizer, "The form was signed by Kofi. Please call Mieszko Berg today."))
                .containsExactly("PERSON:Kofi", "PERSON:Mieszko Berg");
    }

    @Test
    void itsNamesJoinTheRulesInTheEngine() {
        String text = "Send the card to Xolani.";
        assertThat(found(text)).as("the rules alone").isEmpty();
        PiiEngine withModel = PiiEngine.create(new PiiProperties(null, null, null, null, null, null, null, null, null,
                null, null, MODEL.toString()));
        assertThat(found(withModel, text)).containsExactly("PERSON:Xolani");
    }

    @Test
    void aFolderWithoutAModelIsAClearError(@TempDir Path empty) {
        assertThatThrownBy(() -> NerModelRecognizer.of(empty))
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("has no config.json")
                .hasMessageContaining("config.json, tokenizer.json and model.safetensors");
    }

    @Test
    void aModelOfAnotherArchitectureIsRejectedWhenTheSettingIsBound(@TempDir Path folder) throws Exception {
        for (String file : List.of("tokenizer.json", "model.safetensors")) {
            Files.copy(MODEL.resolve(file), folder.resolve(file));
        }
        Files.writeString(folder.resolve("config.json"),
                Files.readString(MODEL.resolve("config.json")).replace("\"model_type\": \"bert\"", "\"model_type\": \"deberta-v2\""));
        assertThatThrownBy(() -> new PiiProperties(null, null, null, null, null, null, null, null, null, null, null,
                folder.toString()))
                .hasMessageContaining("model_type 'deberta-v2' is not supported")
                .hasMessageContaining("bert, roberta, xlm-roberta, distilbert")
                .hasMessageContaining(folder.resolve("config.json").toString());
    }

    private static List<String> spans(NerModelRecognizer recognizer, String text) {
        List<PiiSpan> out = new ArrayList<>();
        recognizer.recognize(text, out);
        return out.stream().map(s -> s.entityType() + ":" + text.substring(s.start(), s.end())).toList();
    }

    private static JsonNode expected(Path model) throws Exception {
        return JsonMapper.builder().build().readTree(model.resolve("expected.json").toFile());
    }

    private static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }
}
