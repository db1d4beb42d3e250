/**
 * Datasets as DataVec record readers: IDX files, the MNIST fetcher and its splits, scaling to [0,1]
 * and binarization.
 */
package org.vaekit.data;
