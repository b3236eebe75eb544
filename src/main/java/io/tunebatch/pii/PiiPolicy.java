package io.tunebatch.pii;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A job definition's PII policy as job parameters, so the pii-scan step (in this process or on a
 * remote worker, and on a restart) applies the policy the run was launched with. Absent values
 * fall back to {@code tunebatch.pii.*}.
 */
public record PiiPolicy(Double threshold, List<String> entities, Map<String, String> operators) {

    static final String THRESHOLD = "pii.threshold";
    static final String ENTITIES = "pii.entities";
    static final String OPERATORS = "pii.operators";

    public boolean isEmpty() {
        return threshold == null && entities == null && operators == null;
    }

    /** Adds the set values as non-identifying parameters. */
    public void addTo(JobParametersBuilder parameters) {
        if (threshold != null) {
            parameters.addDouble(THRESHOLD, threshold, false);
        }
        if (entities != null) {
            parameters.addString(ENTITIES, String.join(",", entities), false);
        }
        if (operators != null) {
            StringBuilder text = new StringBuilder();
            operators.forEach((entity, operator) -> text.append(text.isEmpty() ? "" : ",").append(entity).append('=').append(operator));
            parameters.addString(OPERATORS, text.toString(), false);
        }
    }

    static PiiPolicy from(JobParameters parameters) {
        String entities = parameters.getString(ENTITIES);
        String operators = parameters.getString(OPERATORS);
        Map<String, String> byEntity = null;
        if (operators != null) {
            byEntity = new LinkedHashMap<>();
            for (String pair : operators.split(",")) {
                String[] entityAndOperator = pair.split("=", 2);
                byEntity.put(entityAndOperator[0], entityAndOperator[1]);
            }
        }
        return new PiiPolicy(parameters.getDouble(THRESHOLD), entities == null ? null : Arrays.asList(entities.split(",")), byEntity);
    }
}
