package org.vaekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaekit.VaekitException;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.DataSettings;

class ImageFolderSourceTest {
    @TempDir
    Path dir;

    /** An 8x6 image whose every pixel has gray level (or red level) {@code level}. */
    private void png(Path file, int level, boolean rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(8, 6, rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 6; y++) {
                if (rgb) {
                    img.setRGB(x, y, level << 16);
                } else {
                    img.getRaster().setSample(x, y, 0, level); // setRGB would convert sRGB to linear gray
                }
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    /** root/{cats,dogs}/... nested one level further for dogs, 5 images each; a README that is not an image. */
    private Path tree() throws IOException {
        Path root = dir.resolve("pets");
        for (int i = 0; i < 5; i++) {
            png(root.resolve("cats").resolve("c" + i + ".png"), 51, false);
            png(root.resolve("more").resolve("dogs").resolve("d" + i + ".PNG"), 204, false);
        }
        Files.writeString(root.resolve("README.txt"), "not an image");
        return root;
    }

    private DataSettings settings(Path root, String... overrides) {
        List<String> all = new ArrayList<>(List.of("data.source=images", "data.train=[\"" + root + "\"]",
                "data.train-size=0", "data.images.height=4", "data.images.width=3", "data.images.channels=1",
                "data.validation-fraction=0.2", "data.test-fraction=0.2"));
        all.addAll(List.of(overrides));
        return ConfigLoader.fromString("", all).data();
    }

    @Test
    void nestedFoldersGiveLabelsFromParentNamesAndResizedScaledPixels() throws IOException {
        TableSource source = (TableSource) DataSources.open(settings(tree()));
        assertEquals(12, source.inputSize()); // 4 x 3 x 1
        assertEquals(2, source.numClasses());
        assertEquals(6, source.size(Split.TRAIN));
        assertEquals(2, source.size(Split.VALIDATION));
        assertEquals(2, source.size(Split.TEST));
        for (Split split : Split.values()) {
            SplitRows t = SplitRows.of(source, split);
            assertEquals(List.of("cats", "dogs"), t.classes());
            for (int i = 0; i < t.size(); i++) {
                float expected = t.labels()[i] == 0 ? 51 / 255f : 204 / 255f;
                for (float v : t.rows()[i]) {
                    assertEquals(expected, v, 1.5 / 255, "pixel of a " + t.classes().get(t.labels()[i]));
                }
            }
        }
    }

    @Test
    void rgbImagesHaveThreeChannels() throws IOException {
        Path root = dir.resolve("rgb");
        for (int i = 0; i < 5; i++) {
            png(root.resolve("red").resolve(i + ".png"), 255, true);
        }
        TableSource source = (TableSource) DataSources.open(settings(root, "data.images.channels=3"));
        assertEquals(36, source.inputSize());
        float[] row = SplitRows.of(source, Split.TRAIN).rows()[0];
        // Channel-major; OpenCV orders the channels B, G, R.
        assertEquals(0f, row[0], 1e-6);
        assertEquals(1f, row[35], 1e-6);
    }

    @Test
    void anUnreadableImageIsReportedByPath() throws IOException {
        Path root = tree();
        Path broken = root.resolve("cats").resolve("broken.png");
        Files.writeString(broken, "this is no PNG");
        VaekitException e = assertThrows(VaekitException.class, () -> DataSources.open(settings(root)));
        assertTrue(e.getMessage().startsWith(broken.toAbsolutePath() + ": not a readable image"), e.getMessage());
    }

    @Test
    void linksOutOfTheRootAreRefusedAndAnEmptyFolderIsAnError() throws IOException {
        Path root = tree();
        png(dir.resolve("outside.png"), 0, false);
        Path link = Files.createSymbolicLink(root.resolve("cats").resolve("escape.png"), dir.resolve("outside.png"));
        VaekitException e = assertThrows(VaekitException.class, () -> DataSources.open(settings(root)));
        assertTrue(e.getMessage().startsWith(link + ": links to "), e.getMessage());
        assertTrue(e.getMessage().contains("outside the image folder"), e.getMessage());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        e = assertThrows(VaekitException.class, () -> DataSources.open(settings(empty)));
        assertEquals(empty + ": no examples found (data.train)", e.getMessage());
    }
}
