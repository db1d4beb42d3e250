/**
 * Datasets as DataVec record readers: MNIST (with its fetcher), any IDX pair, CSV files and image folders, their
 * splits, scaling to [0,1] and binarization. Examples are read by index from files (memory-mapped; CSV files and
 * image folders converted once into the data cache), never loaded whole.
 */
package org.vaekit.data;
