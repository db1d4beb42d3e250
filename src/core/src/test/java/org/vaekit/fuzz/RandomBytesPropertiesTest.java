package org.vaekit.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.ModelSettings;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataSources;
import org.vaekit.Fixtures;
import org.vaekit.model.Vae;
import org.vaekit.data.IdxFile;

/**
 * Random and mutated bytes (and random CSV lines) given to the readers of untrusted files end in our own one-line exception, within a
 * time limit, never in another exception, an allocation the size of a lying header, or a crash.
 */
class RandomBytesPropertiesTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final ModelSettings MODEL = Fixtures.miniConfig(Path.of("unused")).model();
    private static final byte[] GOOD_MODEL = Vae.create(MODEL, 784, 1).toBytes();

    @Property(tries = 300)
    void idxReaderRejectsRandomBytes(@ForAll @Size(max = 64) byte[] bytes) throws Exception {
        readIdx(bytes);
    }

    /** Valid headers with random dimensions (up to 2^31 - 1) over a short body: no allocation follows the header. */
    @Property(tries = 200)
    void idxReaderChecksHeaderSizesBeforeAllocating(@ForAll("idxHeaders") byte[] bytes) throws Exception {
        readIdx(bytes);
    }

    @Property(tries = 100)
    void modelLoaderRejectsRandomBytes(@ForAll @Size(max = 512) byte[] bytes) {
        loadModel(bytes);
    }

    @Property(tries = 100)
    void modelLoaderRejectsAValidModelWithBytesChanged(@ForAll("mutatedModels") byte[] bytes) {
        loadModel(bytes);
    }

    /** Random lines of digits, signs, separators, quotes and words as a CSV source with a header and a label column. */
    @Property(tries = 200)
    void csvSourceRejectsRandomLinesWithItsOwnError(@ForAll("csvLines") String text) throws Exception {
        Path file = Files.createTempFile("fuzz", ".csv");
        try {
            Files.writeString(file, text);
            VaeConfig cfg = ConfigLoader.fromString("data { source = csv, train = [\"" + file + "\"], train-size = 0,"
                    + " validation-fraction = 0.2, test-fraction = 0.2, binarization = none,"
                    + " csv { skip-lines = 1, label-column = 2, scale = minmax } }", List.of());
            assertTimeoutPreemptively(LIMIT, () -> {
                try {
                    DataSources.open(cfg.data());
                } catch (VaekitException expected) {
                    // the one outcome allowed besides data that read
                    // a content error names the file; an empty split names the config key to change
                    String message = expected.getMessage();
                    assertOneLineNaming(expected, message.contains("data.") ? "data." : file.getFileName().toString());
                }
            });
        } finally {
            Files.delete(file);
        }
    }

    /**
     * Found by {@link #modelLoaderRejectsAValidModelWithBytesChanged}: SameDiff sized a list by the file's count of
     * variables, so a changed count ended in an OutOfMemoryError that took the JVM down.
     */
    @Example
    void modelLoaderRejectsAHugeCountOfVariables() {
        byte[] bytes = GOOD_MODEL.clone();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        // FlatBuffers layout: root table -> its vtable -> the offset of field 1 (variables) -> the vector's length
        int root = b.getInt(0);
        int vtable = root - b.getInt(root);
        int field = root + b.getShort(vtable + 4 + 2 * 1);
        b.putInt(field + b.getInt(field), Integer.MAX_VALUE);
        VaekitException e = assertThrows(VaekitException.class, () -> Vae.fromBytes(bytes, "model file fuzz.sdz", MODEL));
        assertOneLineNaming(e, "fuzz.sdz");
        assertTrue(e.getMessage().contains("FlatGraph.variables claims 2147483647 entries"), e.getMessage());
    }

    @Provide
    Arbitrary<String> csvLines() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789.-+eE").ofMaxLength(6),
                Arbitraries.of("", "NaN", "Infinity", "abc", "\"", "\"1,2\"", " ", "1e999", "\t"));
        Arbitrary<String> line = cell.list().ofMaxSize(5).map(cells -> String.join(",", cells));
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<byte[]> idxHeaders() {
        return Arbitraries.integers().between(1, 4).flatMap(dims -> Arbitraries.integers().greaterOrEqual(0)
                .list().ofSize(dims).flatMap(sizes -> Arbitraries.bytes().array(byte[].class).ofMaxSize(32)
                        .map(body -> {
                            ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims + body.length);
                            b.putInt(0x0800 | dims);
                            sizes.forEach(b::putInt);
                            return b.put(body).array();
                        })));
    }

    @Provide
    Arbitrary<byte[]> mutatedModels() {
        return Arbitraries.integers().between(0, GOOD_MODEL.length - 1).list().ofMinSize(1).ofMaxSize(8)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] b = GOOD_MODEL.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        b[positions.get(i)] = values.get(i);
                    }
                    return b;
                }));
    }

    private static void readIdx(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("fuzz", "-idx");
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(LIMIT, () -> {
                try {
                    IdxFile.read(file);
                } catch (VaekitException expected) {
                    // the one outcome allowed besides a valid file
                    assertOneLineNaming(expected, file.toString());
                }
            });
        } finally {
            Files.delete(file);
        }
    }

    private static void loadModel(byte[] bytes) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                Vae.fromBytes(bytes, "model file fuzz.sdz", MODEL);
            } catch (VaekitException expected) {
                // the one outcome allowed besides a model that still has the right architecture
                assertOneLineNaming(expected, "fuzz.sdz");
            }
        });
    }

    /** Our errors are one line that names the file, never a stack trace. */
    private static void assertOneLineNaming(VaekitException e, String file) {
        String message = e.getMessage();
        assertTrue(message != null && !message.contains("\n") && message.contains(file),
                "expected one line naming " + file + ", got: " + message);
    }
}
