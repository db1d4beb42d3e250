package org.vaekit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.AtomicWrite;
import org.vaekit.VaekitException;

/** Samples of non-image data as a CSV table: the code z_0.. and the values x_0.., one row per sample. */
final class SampleTable {
    private SampleTable() {
    }

    static void write(INDArray z, INDArray x, Path file) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < z.size(1); j++) {
            sb.append("z_").append(j).append(',');
        }
        for (int j = 0; j < x.size(1); j++) {
            sb.append("x_").append(j).append(j + 1 < x.size(1) ? "," : "\n");
        }
        for (int i = 0; i < x.size(0); i++) {
            for (int j = 0; j < z.size(1); j++) {
                sb.append(String.format(Locale.ROOT, "%.6g,", z.getDouble(i, j)));
            }
            for (int j = 0; j < x.size(1); j++) {
                sb.append(String.format(Locale.ROOT, "%.6g", x.getDouble(i, j))).append(j + 1 < x.size(1) ? "," : "\n");
            }
        }
        try {
            AtomicWrite.bytes(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VaekitException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
