package org.vaekit.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.AtomicWrite;
import org.vaekit.VaekitException;

/**
 * Named arrays as a NumPy {@code .npz} file: a zip archive with one {@code NAME.npy} entry per array, as
 * {@code numpy.savez} writes and {@code numpy.load} reads. Each entry is encoded and decoded by ND4J's .npy codec;
 * the zip container is handled here because ND4J M2.1 has no .npz writer and its reader
 * ({@code Nd4j.createFromNpzFile}) cannot read compressed archives ({@code numpy.savez_compressed}).
 */
public final class NpzWeights {
    private NpzWeights() {
    }

    /** Writes the arrays atomically; an existing file is not replaced. */
    public static void write(Map<String, INDArray> arrays, Path file) {
        if (Files.exists(file)) {
            throw new VaekitException(file + " already exists: it is kept as it is; choose another file name");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(Nd4j.toNpyByteArray(e.getValue().dup('c')));
                zip.closeEntry();
            }
            zip.finish();
            AtomicWrite.bytes(file, out.toByteArray());
        } catch (IOException e) {
            throw new VaekitException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every {@code .npy} entry of the archive, by name without the extension, in archive order. */
    public static Map<String, INDArray> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VaekitException("weights file " + file + " not found");
        }
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".npy")) {
                    throw new VaekitException(file + ": entry '" + entry.getName() + "' is not a .npy array");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                arrays.put(entry.getName().substring(0, entry.getName().length() - 4), decode(file, entry, bytes));
            }
        } catch (ZipException e) {
            throw new VaekitException(file + " is not an .npz file (a zip of .npy arrays): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new VaekitException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (arrays.isEmpty()) {
            throw new VaekitException(file + " holds no arrays");
        }
        return arrays;
    }

    private static INDArray decode(Path file, ZipEntry entry, byte[] bytes) {
        // The .npy magic string: without it ND4J's native parser would read garbage.
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[2] != 'U') {
            throw new VaekitException(file + ": entry '" + entry.getName() + "' is not in NumPy .npy format");
        }
        try {
            return isFortranOrder(bytes) ? readFortranOrder(bytes) : Nd4j.createNpyFromByteArray(bytes);
        } catch (RuntimeException e) {
            throw new VaekitException(file + ": entry '" + entry.getName() + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isFortranOrder(byte[] npy) {
        return header(npy).contains("'fortran_order': True");
    }

    /**
     * ND4J's .npy parser ignores {@code fortran_order} and reads column-major data as if it were row-major. A
     * column-major array of shape (a, b, ...) holds the bytes of its transpose, a row-major (..., b, a): so the header
     * is rewritten to say that (same length, dropping one padding space) and the result transposed back.
     */
    private static INDArray readFortranOrder(byte[] npy) {
        String header = header(npy);
        String dims = header.substring(header.indexOf('(') + 1, header.indexOf(')'));
        List<String> shape = Arrays.stream(dims.split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList();
        List<String> reversed = new ArrayList<>(shape);
        Collections.reverse(reversed);
        String patched = header.replace("'fortran_order': True", "'fortran_order': False")
                .replace("(" + dims + ")", "(" + String.join(", ", reversed) + (reversed.size() == 1 ? ",)" : ")"));
        int excess = patched.length() - header.length();
        if (excess < 0 || !patched.endsWith(" ".repeat(excess))) {
            throw new IllegalStateException("unexpected .npy header " + header.strip());
        }
        patched = patched.substring(0, header.length());
        byte[] copy = npy.clone();
        byte[] h = patched.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(h, 0, copy, headerStart(npy), h.length);
        INDArray transposed = Nd4j.createNpyFromByteArray(copy);
        int[] back = new int[shape.size()];
        for (int i = 0; i < back.length; i++) {
            back[i] = back.length - 1 - i;
        }
        return transposed.permute(back).dup('c');
    }

    /** The .npy header dictionary, from its opening brace to the newline that ends it (padding included). */
    private static String header(byte[] npy) {
        int start = headerStart(npy);
        int end = start;
        while (end < npy.length && npy[end] != '\n') {
            end++;
        }
        return new String(npy, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** After the magic string, the version (2 bytes) and the header length: 2 bytes in version 1, 4 after. */
    private static int headerStart(byte[] npy) {
        return npy[6] == 1 ? 10 : 12;
    }
}
