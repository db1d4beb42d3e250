package org.vaekit.data;

/** The smallest and largest feature value of a split. */
public record ValueRange(double min, double max) {
}
