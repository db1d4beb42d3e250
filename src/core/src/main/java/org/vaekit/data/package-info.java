/**
 * Datasets as DataVec record readers: MNIST (with its fetcher), any IDX pair, CSV files and image folders, their
 * splits, scaling to [0,1] and binarization.
 */
package org.vaekit.data;
