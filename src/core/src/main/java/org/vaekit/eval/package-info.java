/** Metrics of a trained model over the dataset's splits. */
package org.vaekit.eval;
