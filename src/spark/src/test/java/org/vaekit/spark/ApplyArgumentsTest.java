package org.vaekit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.vaekit.VaekitException;
import org.vaekit.data.Split;

class ApplyArgumentsTest {
    @Test
    void everyOptionIsRead() {
        ApplyArguments a = ApplyArguments.parse("score", "runs/x", "--out", "hdfs:///scores", "--data", "d.conf",
                "--split", "Validation", "--partitions", "12", "--iwae-samples", "100", "--block-size", "500",
                "--seed", "-7");
        assertEquals(new ApplyArguments(Output.SCORE, Path.of("runs/x"), "hdfs:///scores", Optional.of(Path.of(
                "d.conf")), Split.VALIDATION, 12, 100, 500, OptionalLong.of(-7)), a);
    }

    @Test
    void defaultsAreTheCommandLines() {
        ApplyArguments a = ApplyArguments.parse("encode", "--out", "codes", "runs/x");
        assertEquals(new ApplyArguments(Output.ENCODE, Path.of("runs/x"), "codes", Optional.empty(), Split.TEST, 0, 0,
                1000, OptionalLong.empty()), a);
    }

    @Test
    void mistakesAreOneLine() {
        assertEquals(ApplyArguments.USAGE, refused());
        assertEquals("unknown command 'train': " + ApplyArguments.USAGE, refused("train", "runs/x"));
        assertEquals("--out DIR is missing: " + ApplyArguments.USAGE, refused("encode", "runs/x"));
        assertEquals("RUN_DIR is missing: " + ApplyArguments.USAGE, refused("encode", "--out", "o"));
        assertEquals("unexpected argument 'runs/y': " + ApplyArguments.USAGE,
                refused("encode", "runs/x", "runs/y", "--out", "o"));
        assertEquals("unknown option --top: " + ApplyArguments.USAGE, refused("score", "runs/x", "--top", "5"));
        assertEquals("--seed needs a value: " + ApplyArguments.USAGE, refused("score", "runs/x", "--seed"));
        assertEquals("--partitions 0: expected a whole number >= 1",
                refused("encode", "runs/x", "--out", "o", "--partitions", "0"));
        assertEquals("--block-size ten: expected a whole number",
                refused("encode", "runs/x", "--out", "o", "--block-size", "ten"));
        assertEquals("--split dev: expected train, validation or test",
                refused("encode", "runs/x", "--out", "o", "--split", "dev"));
        assertEquals("--data test.csv: expected a config file (.conf) whose data.* keys name the data",
                refused("encode", "runs/x", "--out", "o", "--data", "test.csv"));
        assertEquals("--iwae-samples is an option of score, not encode",
                refused("encode", "runs/x", "--out", "o", "--iwae-samples", "5"));
    }

    private static String refused(String... args) {
        return assertThrows(VaekitException.class, () -> ApplyArguments.parse(args)).getMessage();
    }
}
