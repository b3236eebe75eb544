package io.tunebatch.drift;

/**
 * The shift of one feature: its PSI, how that reads ({@code stable}, {@code moderate},
 * {@code significant}, or {@code no_data}) and how many bins it was measured over.
 */
public record FeatureDrift(String feature, double psi, String level, int bins) {
}
