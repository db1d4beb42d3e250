package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.datavec.api.records.reader.RecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.Fixtures;
import org.vaekit.VaekitException;

class HeldOutLabelsTest {
    private static int[] counts(RecordReader reader) {
        int[] counts = new int[10];
        while (reader.hasNext()) {
            counts[reader.next().get(1).toInt()]++;
        }
        return counts;
    }

    @Test
    void theTrainingSplitLosesTheLabelAndTheOthersKeepIt(@TempDir Path runs) {
        DataSource all = DataSources.open(Fixtures.miniConfig(runs).data());
        int[] before = counts(all.reader(Split.TRAIN, false, 0));
        DataSource without = HeldOutLabels.of(all, List.of(3, 5));

        int[] after = counts(without.reader(Split.TRAIN, true, 1));
        assertTrue(before[3] > 0 && before[5] > 0);
        assertEquals(0, after[3]);
        assertEquals(0, after[5]);
        assertEquals(before[4], after[4]);
        assertEquals(900 - before[3] - before[5], without.size(Split.TRAIN));
        assertEquals(all.size(Split.TEST), without.size(Split.TEST));
        assertTrue(counts(without.reader(Split.TEST, false, 0))[3] > 0);
        assertEquals("[3, 5]", without.provenance().get("train-excluded-labels"));
        assertSame(all, HeldOutLabels.of(all, List.of()));
    }

    @Test
    void unknownLabelsAndAnEmptiedSplitAreRefused(@TempDir Path runs) {
        DataSource all = DataSources.open(Fixtures.miniConfig(runs).data());
        VaekitException e = assertThrows(VaekitException.class, () -> HeldOutLabels.of(all, List.of(10)));
        assertEquals("config: key 'data.exclude-labels' = [10] is invalid: label 10 is not one of the source's 10"
                + " labels (0 to 9)", e.getMessage());
        e = assertThrows(VaekitException.class,
                () -> HeldOutLabels.of(all, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
        assertTrue(e.getMessage().endsWith("leaves no training examples"), e.getMessage());
    }

    @Test
    void negativeLabelsAreRefusedByTheConfig(@TempDir Path runs) {
        VaekitException e = assertThrows(VaekitException.class,
                () -> Fixtures.miniConfig(runs, "data.exclude-labels=[-1]"));
        assertTrue(e.getMessage().contains("'data.exclude-labels'"), e.getMessage());
    }
}
