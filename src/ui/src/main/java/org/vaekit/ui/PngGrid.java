package org.vaekit.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Square grayscale images (rows of values in [0, 1], e.g. 784 = 28 x 28) laid out in a grid with a one-pixel gap,
 * as a PNG data URI the page shows as it is and the stats file keeps.
 */
final class PngGrid {
    private static final int GAP_GRAY = 0x80;

    private PngGrid() {
    }

    /** Whether examples of {@code size} values can be shown as square grayscale images. */
    static boolean isSquare(int size) {
        int side = side(size);
        return side >= 2 && side * side == size;
    }

    static int side(int size) {
        return (int) Math.round(Math.sqrt(size));
    }

    /** {@code images} ([n][side * side]) in rows of {@code columns}, as {@code data:image/png;base64,...}. */
    static String dataUri(float[][] images, int columns) {
        int side = side(images[0].length);
        int rows = (images.length + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(columns * (side + 1) + 1, rows * (side + 1) + 1,
                BufferedImage.TYPE_BYTE_GRAY);
        var raster = grid.getRaster();
        for (int x = 0; x < grid.getWidth(); x++) {
            for (int y = 0; y < grid.getHeight(); y++) {
                raster.setSample(x, y, 0, GAP_GRAY);
            }
        }
        for (int i = 0; i < images.length; i++) {
            int left = 1 + (i % columns) * (side + 1);
            int top = 1 + (i / columns) * (side + 1);
            for (int p = 0; p < images[i].length; p++) {
                double v = Math.max(0.0, Math.min(1.0, images[i][p]));
                raster.setSample(left + p % side, top + p / side, 0, (int) Math.round(v * 255));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(grid, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
