package io.tunebatch.pii.recognizer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * The PERSON name finder model: an OpenNLP maximum-entropy name finder trained on
 * {@link NameFinderCorpus} sentences. The trained model ships as {@link #RESOURCE}; {@code tunebatch
 * pii train-name-finder} regenerates it from {@link #SEED} and {@link #SENTENCES}, and training is
 * deterministic (one thread, fixed seed), so the same code and lists give the same model.
 */
public final class PersonNameModel {

    public static final String RESOURCE = "/io/tunebatch/pii/names/person-name-finder.bin";
    public static final long SEED = 20261129L;
    public static final int SENTENCES = 12_000;
    static final int ITERATIONS = 100;
    static final int CUTOFF = 2;

    private PersonNameModel() {
    }

    /** Trains the model on the generated corpus; the same seed and size give the same model. */
    public static TokenNameFinderModel train(long seed, int sentences) {
        List<NameSample> samples = NameFinderCorpus.fromShippedLists().samples(seed, sentences);
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), parameters,
                    new TokenNameFinderFactory(null, java.util.Map.of(), new BioCodec()));
        } catch (IOException e) {
            throw new UncheckedIOException("training the name finder failed", e);
        }
    }

    /** The model's bytes as OpenNLP serializes it. */
    public static byte[] serialize(TokenNameFinderModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException("serializing the name finder failed", e);
        }
        return out.toByteArray();
    }

    /** The shipped model. */
    public static TokenNameFinderModel shipped() {
        try (InputStream in = PersonNameModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + "; run tunebatch pii train-name-finder");
            }
            return new TokenNameFinderModel(new ByteArrayInputStream(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
