package io.tunebatch.openlineage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenLineage run events ({@code tunebatch.openlineage.*}), off by default.
 *
 * @param enabled   emit START, COMPLETE, FAIL (ABORT when stopped) for every job and step execution
 * @param transport {@code console}: one JSON event per log line on stderr; {@code file}: one JSON
 *                  event per line appended to {@code file}
 * @param file      the file of transport {@code file}
 * @param namespace the OpenLineage namespace of our jobs and of the dataset snapshots
 */
@ConfigurationProperties("tunebatch.openlineage")
public record OpenLineageProperties(@DefaultValue("false") boolean enabled, @DefaultValue("console") Transport transport,
                                    Path file, @DefaultValue("tunebatch") String namespace) {

    public enum Transport { CONSOLE, FILE }

    public OpenLineageProperties {
        if (enabled && transport == Transport.FILE && file == null) {
            throw new IllegalArgumentException("tunebatch.openlineage.transport=file needs tunebatch.openlineage.file "
                    + "(the JSON-lines file the events are appended to)");
        }
    }
}
