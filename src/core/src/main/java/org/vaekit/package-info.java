/** Variational autoencoders trained with SameDiff on DataVec pipelines, watched in the DL4J UI. */
package org.vaekit;
