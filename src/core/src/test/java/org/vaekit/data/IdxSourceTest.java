package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.DataSettings;

class IdxSourceTest {
    @TempDir
    Path dir;

    private static String pair(String prefix) {
        Path m = Fixtures.mnistMini();
        return "[\"" + m.resolve(prefix + "-images-idx3-ubyte.gz") + "\", \"" + m.resolve(prefix + "-labels-idx1-ubyte.gz")
                + "\"]";
    }

    private static DataSettings settings(String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of("data.source=idx", "data.train=" + pair("train"),
                "data.test=" + pair("t10k"), "data.train-size=0", "data.validation-fraction=0.25"));
        all.addAll(List.of(overrides));
        return ConfigLoader.fromString("", all).data();
    }

    private static Set<Long> items(DataSource source, Split split) {
        Set<Long> out = new HashSet<>();
        var reader = source.reader(split, false, 0);
        while (reader.hasNext()) {
            Record r = reader.nextRecord();
            out.add(((RecordMetaDataIndex) r.getMetaData()).getIndex());
        }
        return out;
    }

    @Test
    void sizeComesFromTheHeaderAndValidationIsASeededShareOfTraining() {
        DataSource source = DataSources.open(settings());
        assertEquals(784, source.inputSize());
        assertEquals(10, source.numClasses());
        assertEquals(750, source.size(Split.TRAIN));
        assertEquals(250, source.size(Split.VALIDATION));
        assertEquals(200, source.size(Split.TEST));
        Set<Long> train = items(source, Split.TRAIN);
        Set<Long> validation = items(source, Split.VALIDATION);
        assertEquals(750, train.size());
        assertTrue(validation.stream().noneMatch(train::contains), "disjoint");
        assertEquals(validation, items(DataSources.open(settings()), Split.VALIDATION), "seeded");
        assertTrue(!validation.equals(items(DataSources.open(settings("data.split-seed=8")),
                Split.VALIDATION)));
    }

    @Test
    void splitsOfDifferentImageSizesAreAnErrorNamingBoth() throws IOException {
        Path images = dir.resolve("small-images");
        Path labels = dir.resolve("small-labels");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x803);
            out.writeInt(2);
            out.writeInt(2);
            out.writeInt(3);
            out.write(new byte[12]);
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x801);
            out.writeInt(2);
            out.write(new byte[2]);
        }
        VaekitException e = assertThrows(VaekitException.class,
                () -> DataSources.open(settings("data.test=[\"" + images + "\", \"" + labels + "\"]")));
        assertTrue(e.getMessage().startsWith(images + " has 6 pixels per image but "), e.getMessage());
        assertTrue(e.getMessage().endsWith("has 784"), e.getMessage());

        e = assertThrows(VaekitException.class, () -> DataSources.open(settings("data.test=[\"" + images + "\"]")));
        assertTrue(e.getMessage().contains("needs two files per split, [images, labels]"), e.getMessage());
    }
}
