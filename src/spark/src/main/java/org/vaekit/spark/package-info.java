/** encode and score on Apache Spark: a trained model applied to partitions of whole noise blocks of a split. */
package org.vaekit.spark;
