package org.vaekit.spark;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapred.FileAlreadyExistsException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.vaekit.VaekitException;
import org.vaekit.data.DataSource;
import org.vaekit.eval.BlockNoise;
import org.vaekit.train.TrainedRun;

/**
 * {@code encode} or {@code score} as a Spark job: the driver opens the run and the data (to check them and count
 * the blocks), broadcasts the run once, cuts the split into ranges of whole noise blocks, one per partition, and
 * writes each partition's rows as one part file ({@code part-00000}, ...) of a new folder. The parts, concatenated
 * in order, are the single-JVM command's CSV file byte for byte.
 */
public final class PartitionedApply {
    private PartitionedApply() {
    }

    /** What a job wrote. */
    public record Result(String folder, long rows, int parts) {
    }

    public static Result run(SparkSession spark, ApplyArguments args) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(args.out());
        FileSystem fs = fileSystem(out, jsc);
        requireAbsent(fs, out);
        TrainedRun run = TrainedRun.open(args.runDir());
        ShippedRun shipped = args.data().map(conf -> ShippedRun.of(run, conf)).orElseGet(() -> ShippedRun.of(run));
        DataSource source = shipped.source();
        run.vae().requireInputSize(source.inputSize(), shipped.description());
        BlockNoise noise = new BlockNoise(args.seed().orElse(run.config().data().evalSeed()), args.blockSize());
        long examples = source.size(args.split());
        long blocks = (examples + noise.blockSize() - 1) / noise.blockSize();
        List<BlockRange> ranges = BlockRange.split(blocks,
                args.partitions() > 0 ? args.partitions() : jsc.defaultParallelism());
        String origin = "the " + args.split().label() + " split of " + shipped.description();

        Broadcast<ShippedRun> broadcast = jsc.broadcast(shipped);
        try {
            jsc.parallelize(ranges, ranges.size())
                    .flatMap(new PartitionRows(broadcast, args.output(), args.split(), noise, args.k(), origin))
                    .saveAsTextFile(args.out());
        } catch (Exception e) { // Hadoop's checked exceptions pass through Spark's Scala code undeclared
            if (e instanceof FileAlreadyExistsException) {
                throw new VaekitException(out + " appeared while the job started: it is kept as it is; give"
                        + " another output folder", e);
            }
            // the folder did not exist before the job: what a failed job left in it is removed
            deleteQuietly(fs, out);
            throw new VaekitException(args.output().command() + " on Spark failed, " + out + " not written: "
                    + reason(e), e);
        } finally {
            broadcast.destroy();
        }
        return new Result(out.toString(), examples, ranges.size());
    }

    private static FileSystem fileSystem(org.apache.hadoop.fs.Path out, JavaSparkContext jsc) {
        try {
            return out.getFileSystem(jsc.hadoopConfiguration());
        } catch (IOException e) {
            throw new VaekitException("--out " + out + ": " + e.getMessage(), e);
        }
    }

    private static void requireAbsent(FileSystem fs, org.apache.hadoop.fs.Path out) {
        try {
            if (fs.exists(out)) {
                throw new VaekitException(out + " already exists: it is kept as it is; give another output folder");
            }
        } catch (IOException e) {
            throw new VaekitException("--out " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(FileSystem fs, org.apache.hadoop.fs.Path out) {
        try {
            fs.delete(out, true);
        } catch (IOException e) {
            // the job's own error is the one to report
        }
    }

    /**
     * The one line that says why: an executor's {@link VaekitException} message when it reached the driver (as a
     * cause, or as text in a stage failure's message when the executor was another JVM), else the first line of the
     * deepest cause.
     */
    static String reason(Throwable failure) {
        String marker = VaekitException.class.getName() + ": ";
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof VaekitException) {
                return t.getMessage();
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains(marker)) {
                return firstLine(message.substring(message.indexOf(marker) + marker.length()));
            }
            root = t;
        }
        return firstLine(root.toString());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end >= 0 ? text.substring(0, end) : text;
    }
}
