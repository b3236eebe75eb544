package io.tunebatch.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a version is in its life: promoted one step at a time, archived when superseded or rolled back. */
public enum Stage {
    DEVELOPMENT, STAGING, PRODUCTION, ARCHIVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage a promotion from here leads to, if any. */
    public Optional<Stage> next() {
        return switch (this) {
            case DEVELOPMENT -> Optional.of(STAGING);
            case STAGING -> Optional.of(PRODUCTION);
            case PRODUCTION, ARCHIVED -> Optional.empty();
        };
    }

    public static Stage of(String id) {
        return Arrays.stream(values()).filter(stage -> stage.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage '" + id + "'"));
    }
}
