package io.tunebatch.review;

import io.tunebatch.lineage.ReviewStatus;
import java.time.OffsetDateTime;

/** One recorded decision: who decided what about which example, when, through which channel. */
public record ReviewDecision(String exampleId, ReviewStatus decision, String annotator, String note,
                             String channel, OffsetDateTime decidedAt) {
}
