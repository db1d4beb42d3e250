/** The training loop around {@code SameDiff.fit}: per-epoch validation, metrics CSV, progress, the run folder. */
package org.vaekit.train;
