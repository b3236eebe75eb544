package io.tunebatch.registry;

import java.time.OffsetDateTime;

/**
 * One stage change, as {@code model history} shows it. For promotions {@code actor} is the
 * approver and {@code evalPassRate} what the gate checked; for rollbacks and restores
 * {@code rollbackId} links the rollback.
 */
public record Transition(long id, int version, String fromStage, String toStage, String cause, String actor,
                         String reason, OffsetDateTime happenedAt, Long promotionId, Double evalPassRate,
                         Long rollbackId) {
}
