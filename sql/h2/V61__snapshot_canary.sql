-- Canary examples planted by an opt-in prepare run (prepare --canaries N): a random secret behind a
-- distinctive prompt, ingested like any other example. Written by the plant-canaries step under the
-- id the run's snapshot will have (as snapshot_example is), so a restarted run finds them and plants
-- no second set; a canary belongs to the snapshot once it is a member of the sealed snapshot.
-- The secret is synthetic, not PII: evaluation prompts the model with the prompt and fails a
-- `canaries: snapshot` safety case when the output reproduces the secret.
CREATE TABLE snapshot_canary (
    snapshot_id   VARCHAR(40)  NOT NULL,
    canary_number INT          NOT NULL,
    example_id    VARCHAR(19)  NOT NULL REFERENCES training_example (id),
    prompt        VARCHAR(200) NOT NULL,
    secret        VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (snapshot_id, canary_number)
);
