package org.vaekit.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.vaekit.VaekitException;
import org.vaekit.data.TrainingBatches;

/**
 * Everything needed to continue training exactly where it stopped: the model with its Adam state, the epoch and
 * iteration counters, the state of the RNG that draws the graph's noise, the position in the stream of training
 * batches (shuffles, binarizer RNG, batches taken) and the running sums of the epoch in progress.
 *
 * <p>Stored as a zip of {@code state.properties} (text) and {@code model.sdz} (SameDiff's FlatBuffers format);
 * the zip's CRC-32 per entry tells a damaged file from a good one. Nothing is read with Java deserialization.
 *
 * @param epoch          epochs completed
 * @param batch          minibatches done in epoch {@code epoch + 1} (0 at an epoch's end)
 * @param iterationCount the training config's iteration counter (drives Adam's bias correction)
 * @param epochCount     the training config's epoch counter
 * @param noiseRng       ND4J's global RNG state {root, node}
 * @param data           where the training batches stand
 * @param costs          the epoch in progress: summed costs, examples and seconds so far
 * @param dataFiles      the training data's files and their SHA-256, to refuse resuming on other data
 * @param model          the model, {@link org.vaekit.model.Vae#toBytes()}
 */
record Checkpoint(int epoch, int batch, int iterationCount, int epochCount, long[] noiseRng,
                         TrainingBatches.Position data, EpochCosts.Sums costs, Map<String, String> dataFiles,
                         byte[] model) {
    private static final String STATE = "state.properties";
    private static final String MODEL = "model.sdz";
    private static final int FORMAT = 1;
    private static final int MAX_STATE_BYTES = 1 << 20;

    /** The zip's bytes. */
    byte[] toBytes() {
        Properties p = new Properties();
        p.setProperty("format", String.valueOf(FORMAT));
        p.setProperty("epoch", String.valueOf(epoch));
        p.setProperty("batch", String.valueOf(batch));
        p.setProperty("iteration-count", String.valueOf(iterationCount));
        p.setProperty("epoch-count", String.valueOf(epochCount));
        p.setProperty("noise-rng", longs(noiseRng));
        p.setProperty("data.passes", String.valueOf(data.passes()));
        p.setProperty("data.binarizer-rng", longs(data.binarizerRng()));
        p.setProperty("data.batches", String.valueOf(data.batches()));
        // Double.toString round-trips exactly, so a resumed epoch's running means are bit-identical.
        p.setProperty("costs.cost", Double.toString(costs.cost()));
        p.setProperty("costs.rec", Double.toString(costs.rec()));
        p.setProperty("costs.kl", Double.toString(costs.kl()));
        p.setProperty("costs.examples", String.valueOf(costs.examples()));
        p.setProperty("costs.seconds", Double.toString(costs.seconds()));
        dataFiles.forEach((k, v) -> p.setProperty("data-file." + k, v));
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + 4096);
            StringBuilder text = new StringBuilder();
            new TreeMap<>(p).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                stored(zip, STATE, text.toString().getBytes(StandardCharsets.ISO_8859_1));
                stored(zip, MODEL, model);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory zip failed", e);
        }
    }

    /** An uncompressed entry (weights hardly compress; deflating them would only cost time) with its CRC-32. */
    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Reads a checkpoint's bytes; a damaged or foreign file is a {@link VaekitException} naming {@code origin}.
     */
    static Checkpoint fromBytes(byte[] zipBytes, String origin) {
        byte[] state = null;
        byte[] model = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (STATE.equals(entry.getName())) {
                    state = readLimited(zip, MAX_STATE_BYTES, origin);
                } else if (MODEL.equals(entry.getName())) {
                    model = zip.readAllBytes(); // also checks the entry's CRC-32
                } else {
                    throw new VaekitException(origin + ": unexpected entry '" + entry.getName() + "'");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new VaekitException(origin + " is damaged: " + e.getMessage(), e);
        }
        if (state == null || model == null) {
            throw new VaekitException(origin + " is damaged or not a checkpoint: it lacks "
                    + (state == null ? STATE : MODEL));
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(state, StandardCharsets.ISO_8859_1)));
        } catch (IOException | IllegalArgumentException e) {
            throw new VaekitException(origin + ": unreadable " + STATE + ": " + e.getMessage(), e);
        }
        Fields f = new Fields(p, origin);
        f.integer("format", FORMAT, FORMAT); // a later format is refused by name, not misread
        Map<String, String> files = new LinkedHashMap<>();
        new TreeMap<>(p).forEach((k, v) -> {
            if (k.toString().startsWith("data-file.")) {
                files.put(k.toString().substring("data-file.".length()), v.toString());
            }
        });
        return new Checkpoint(
                f.integer("epoch", 0, Integer.MAX_VALUE),
                f.integer("batch", 0, Integer.MAX_VALUE),
                f.integer("iteration-count", 0, Integer.MAX_VALUE),
                f.integer("epoch-count", 0, Integer.MAX_VALUE),
                f.longs("noise-rng", 2, 2),
                new TrainingBatches.Position(f.integer("data.passes", 0, Integer.MAX_VALUE),
                        f.longs("data.binarizer-rng", 0, 2), f.integer("data.batches", 0, Integer.MAX_VALUE)),
                new EpochCosts.Sums(f.real("costs.cost"), f.real("costs.rec"), f.real("costs.kl"),
                        f.integer("costs.examples", 0, Integer.MAX_VALUE), f.real("costs.seconds")),
                files, model);
    }

    /** "epoch 3, batch 12" or "end of epoch 3". */
    String describe() {
        return batch == 0 ? "end of epoch " + epoch : "epoch " + (epoch + 1) + ", batch " + batch;
    }

    private static byte[] readLimited(InputStream in, int limit, String origin) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new VaekitException(origin + ": " + STATE + " is larger than " + limit + " bytes");
        }
        return bytes;
    }

    private static String longs(long[] values) {
        StringBuilder sb = new StringBuilder();
        for (long v : values) {
            sb.append(sb.length() == 0 ? "" : ",").append(v);
        }
        return sb.toString();
    }

    /** Typed reads of the state file, each failure naming the file and the key. */
    private record Fields(Properties p, String origin) {
        private String raw(String key) {
            String v = p.getProperty(key);
            if (v == null) {
                throw new VaekitException(origin + ": " + STATE + " lacks '" + key + "'");
            }
            return v.trim();
        }

        private VaekitException bad(String key, String expected) {
            return new VaekitException(origin + ": " + STATE + " has " + key + " = '" + raw(key) + "', expected "
                    + expected);
        }

        int integer(String key, int min, int max) {
            try {
                int v = Integer.parseInt(raw(key));
                if (v < min || v > max) {
                    throw bad(key, "a whole number in [" + min + ", " + max + "]");
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "a whole number");
            }
        }

        double real(String key) {
            try {
                double v = Double.parseDouble(raw(key));
                if (!Double.isFinite(v)) {
                    throw bad(key, "a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "a number");
            }
        }

        long[] longs(String key, int minCount, int maxCount) {
            String text = raw(key);
            try {
                long[] v = text.isEmpty() ? new long[0]
                        : Arrays.stream(text.split(",", -1)).map(String::trim).mapToLong(Long::parseLong).toArray();
                if (v.length < minCount || v.length > maxCount) {
                    throw bad(key, minCount + " to " + maxCount + " comma-separated whole numbers");
                }
                return v;
            } catch (NumberFormatException e) {
                throw bad(key, "comma-separated whole numbers");
            }
        }
    }
}
