package org.vaekit.spark;

import org.apache.spark.sql.SparkSession;
import org.vaekit.VaekitException;

/**
 * The {@code spark-submit} entry point: {@code SparkApply encode|score RUN_DIR --out DIR ...} (see
 * {@link ApplyArguments#USAGE}). Prints one line with what was written; a bad argument, run, data or output folder
 * stops it with one line on stderr and exit code 2.
 */
public final class SparkApply {
    private SparkApply() {
    }

    public static void main(String[] args) {
        ApplyArguments parsed;
        try {
            parsed = ApplyArguments.parse(args);
        } catch (VaekitException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("vaekit " + parsed.output().command()).getOrCreate();
        int status = 0;
        try {
            PartitionedApply.Result result = PartitionedApply.run(spark, parsed);
            System.out.println("wrote " + result.rows() + " rows in " + result.parts() + " parts to "
                    + result.folder());
        } catch (VaekitException e) {
            System.err.println("error: " + e.getMessage());
            status = 2;
        } finally {
            spark.stop();
        }
        System.exit(status);
    }
}
