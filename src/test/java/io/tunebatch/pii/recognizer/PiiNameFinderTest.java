package io.tunebatch.pii.recognizer;

import static io.tunebatch.pii.Detect.found;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiEngine;
import io.tunebatch.pii.PiiProperties;
import io.tunebatch.pii.PiiSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import opennlp.tools.namefind.NameSample;
import org.junit.jupiter.api.Test;

/** The OpenNLP PERSON name finder: its generated corpus, its reproducible training and how it confirms the rules. */
class PiiNameFinderTest {

    private static final NameFinderRecognizer SHIPPED = NameFinderRecognizer.shipped();

    @Test
    void theCorpusIsAFunctionOfItsSeed() {
        NameFinderCorpus corpus = NameFinderCorpus.fromShippedLists();
        List<NameSample> first = corpus.samples(7, 300);
        assertThat(text(corpus.samples(7, 300))).isEqualTo(text(first));
        assertThat(text(corpus.samples(8, 300))).isNotEqualTo(text(first));
        assertThat(first).anySatisfy(sample -> assertThat(sample.getNames()).isNotEmpty());
        assertThat(first).anySatisfy(sample -> assertThat(sample.getNames()).isEmpty());
    }

    @Test
    void retrainingWithTheShippedSeedGivesTheShippedModel() throws IOException {
        byte[] retrained = PersonNameModel.serialize(PersonNameModel.train(PersonNameModel.SEED, PersonNameModel.SENTENCES));
        byte[] shipped;
        try (InputStream in = PersonNameModel.class.getResourceAsStream(PersonNameModel.RESOURCE)) {
            shipped = in.readAllBytes();
        }
        Map<String, String> retrainedEntries = entries(retrained);
        assertThat(retrainedEntries).containsKey("nameFinder.model").isEqualTo(entries(shipped));
    }

    @Test
    void findsNamesTheListsDoNotKnowFromTheirContext() {
        assertThat(model("Please ask Kwabena Asante to call the branch back.")).containsExactly("Kwabena Asante");
        assertThat(model("Follow-up with Ingeborg Halvorsen in two weeks.")).containsExactly("Ingeborg Halvorsen");
        assertThat(model("Customer: My Premier Rewards account shows a fee.")).isEmpty();
    }

    @Test
    void theEnsembleReportsARuleCandidateJustUnderTheThresholdWhenTheModelAgrees() {
        String text = "Nayeli reports chest pain since yesterday."; // a rarer (SSA) first name opening a sentence
        PiiEngine withModel = PiiEngine.create(new PiiProperties(null, null, null, null, null, null, null, null, null,
                null, true, null));
        assertThat(found(text)).isEmpty();
        assertThat(found(withModel, text)).containsExactly("PERSON:Nayeli");
        assertThat(found(withModel, "Customer: My Premier Rewards account shows a fee.")).isEmpty();
    }

    /** Each sample as OpenNLP writes it: the tokens with the names marked. */
    private static List<String> text(List<NameSample> samples) {
        return samples.stream().map(NameSample::toString).toList();
    }

    private static List<String> model(String text) {
        List<PiiSpan> spans = new ArrayList<>();
        SHIPPED.recognize(text, spans);
        return spans.stream()
                .filter(s -> s.entityType().equals(EntityTypes.PERSON) && s.score() >= PersonNameFinderEnsemble.AGREEMENT)
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    /** Each zip entry's content; in the manifest, everything except the training time. */
    private static Map<String, String> entries(byte[] model) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(model))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String content = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (entry.getName().equals("manifest.properties")) {
                    content = String.join("\n", Arrays.stream(content.split("\n"))
                            .filter(line -> !line.startsWith("#") && !line.startsWith("Timestamp="))
                            .sorted()
                            .toList());
                }
                entries.put(entry.getName(), content);
            }
        }
        return entries;
    }
}
