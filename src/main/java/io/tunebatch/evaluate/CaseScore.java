package io.tunebatch.evaluate;

/** How well one output did on one case: a score in [0, 1] and why, without quoting the output. */
public record CaseScore(double score, String detail) {

    public CaseScore {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
    }
}
