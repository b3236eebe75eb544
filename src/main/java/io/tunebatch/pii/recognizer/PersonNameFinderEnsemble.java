package io.tunebatch.pii.recognizer;

import io.tunebatch.pii.EntityTypes;
import io.tunebatch.pii.PiiRecognizer;
import io.tunebatch.pii.PiiSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PERSON from the rules, confirmed by the name finder: a rule candidate that a model name with
 * probability of at least {@value #AGREEMENT} overlaps gains {@value #CONFIRMATION_BOOST}, so a
 * name the rules alone scored just under the threshold is reported when the model agrees. Names
 * only the model finds are not reported: on their own they measured less precise than the rules
 * (BENCHMARKS.md). The model runs only on texts where the rules found a candidate.
 */
public final class PersonNameFinderEnsemble implements PiiRecognizer {

    static final double AGREEMENT = 0.5;
    static final double CONFIRMATION_BOOST = 0.3;

    private final PiiRecognizer rules;
    private final PiiRecognizer model;

    public PersonNameFinderEnsemble(PiiRecognizer rules, PiiRecognizer model) {
        this.rules = rules;
        this.model = model;
    }

    @Override
    public String name() {
        return "person+name-finder";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(EntityTypes.PERSON);
    }

    @Override
    public void recognize(String text, List<PiiSpan> out) {
        List<PiiSpan> candidates = new ArrayList<>();
        rules.recognize(text, candidates);
        if (candidates.isEmpty()) {
            return;
        }
        List<PiiSpan> names = new ArrayList<>();
        model.recognize(text, names);
        for (PiiSpan candidate : candidates) {
            boolean confirmed = false;
            for (PiiSpan name : names) {
                confirmed |= name.score() >= AGREEMENT && name.start() < candidate.end() && candidate.start() < name.end();
            }
            out.add(confirmed
                    ? new PiiSpan(candidate.start(), candidate.end(), candidate.entityType(),
                            Math.min(1.0, candidate.score() + CONFIRMATION_BOOST), name())
                    : candidate);
        }
    }
}
