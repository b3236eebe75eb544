package io.tunebatch.validate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the validate step ({@code tunebatch.validation.*}).
 *
 * @param minOutputWords an output with fewer words is {@code output_too_short}
 * @param maxCharacters  instruction + input + output longer than this is {@code too_long}
 * @param chunkSize      examples per transaction
 */
@ConfigurationProperties("tunebatch.validation")
public record ValidationProperties(
        @DefaultValue("10") int minOutputWords,
        @DefaultValue("32000") int maxCharacters,
        @DefaultValue("500") int chunkSize) {
}
