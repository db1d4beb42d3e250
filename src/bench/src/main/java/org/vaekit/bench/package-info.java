/** Throughput measurements that anyone can rerun: median samples/s of the pipeline and of training. */
package org.vaekit.bench;
