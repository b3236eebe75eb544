package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * PERSON names found by the project's OpenNLP name finder ({@link PersonNameModel}), scored by the
 * model's probability. The model is shared; each thread gets its own {@link NameFinderME}, which
 * is not thread-safe.
 */
public final class NameFinderRecognizer implements PiiRecognizer {

    private final ThreadLocal<NameFinderME> finder;

    public NameFinderRecognizer(TokenNameFinderModel model) {
        this.finder = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    /** Over the model shipped in the jar ({@link PersonNameModel#RESOURCE}). */
    public static NameFinderRecognizer shipped() {
        return new NameFinderRecognizer(PersonNameModel.shipped());
    }

    @Override
    public String name() {
        return "name-finder";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.PERSON);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(text);
        if (tokens.length == 0) {
            return;
        }
        String[] words = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            words[i] = text.substring(tokens[i].getStart(), tokens[i].getEnd());
        }
        NameFinderME me = finder.get();
        for (Span name : me.find(words, NameListFeatures.of(words))) {
            out.add(new PiiSpan(tokens[name.getStart()].getStart(), tokens[name.getEnd() - 1].getEnd(),
                    EntityTypes.PERSON, name.getProb(), name()));
        }
        me.clearAdaptiveData();
    }
}
