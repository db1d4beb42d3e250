package org.vaekit.plot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.VaekitException;

/** Square gray images (one per row of an array, values in [0, 1]) laid out in a grid, white on black. */
public final class ImageGrid {
    private static final int GAP = 2;

    private ImageGrid() {
    }

    /** Whether a row of {@code inputSize} values can be drawn as a square grayscale image. */
    public static boolean isSquare(int inputSize) {
        int side = (int) Math.round(Math.sqrt(inputSize));
        return side * side == inputSize;
    }

    /** The side of the square images a row of {@code inputSize} values holds. */
    public static int side(int inputSize) {
        int side = (int) Math.round(Math.sqrt(inputSize));
        if (!isSquare(inputSize)) {
            throw new VaekitException("image figures need square images, but examples have " + inputSize + " values");
        }
        return side;
    }

    /**
     * Rows of {@code images} [n, side*side] in a grid of {@code columns}, each pixel {@code scale} x {@code scale},
     * {@value #GAP} pixels apart (0 gap when {@code tight}, e.g. for the manifold). Pixel value v becomes gray
     * level round(255 v).
     */
    public static BufferedImage of(INDArray images, int columns, int scale, boolean tight) {
        int n = (int) images.size(0);
        int side = side((int) images.size(1));
        int gap = tight ? 0 : GAP;
        int rows = (n + columns - 1) / columns;
        int cell = side * scale + gap;
        BufferedImage out = new BufferedImage(columns * cell - gap, rows * cell - gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0x555555));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.dispose();
        for (int i = 0; i < n; i++) {
            int x0 = (i % columns) * cell;
            int y0 = (i / columns) * cell;
            for (int p = 0; p < side * side; p++) {
                int v = (int) Math.round(255 * Math.min(1, Math.max(0, images.getDouble(i, p))));
                int rgb = (v << 16) | (v << 8) | v;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        out.setRGB(x0 + (p % side) * scale + dx, y0 + (p / side) * scale + dy, rgb);
                    }
                }
            }
        }
        return out;
    }

    /** Writes the image as a PNG, creating its folder. */
    public static Path write(BufferedImage image, Path png) {
        return Charts.save(image, png);
    }

    /**
     * The grid with a title above it and a label left of each row of {@code rowHeight} pixels, on white; without
     * row labels the grid is centred under the title.
     */
    public static BufferedImage titled(BufferedImage grid, String title, List<String> rowLabels, int rowHeight) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        pg.setFont(Charts.LABEL);
        FontMetrics labels = pg.getFontMetrics();
        int labelWidth = rowLabels.stream().mapToInt(labels::stringWidth).max().orElse(0);
        pg.setFont(Charts.TITLE);
        int titleWidth = pg.getFontMetrics().stringWidth(title);
        pg.dispose();
        int margin = 16;
        int left = labelWidth == 0 ? margin : labelWidth + 2 * margin;
        int top = 48;
        int width = Math.max(left + grid.getWidth() + margin, titleWidth + 2 * margin);
        BufferedImage out = new BufferedImage(width, top + grid.getHeight() + margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(grid, rowLabels.isEmpty() ? (width - grid.getWidth()) / 2 : left, top, null);
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        FontMetrics tm = g.getFontMetrics();
        g.drawString(title, (out.getWidth() - tm.stringWidth(title)) / 2, (top + tm.getAscent()) / 2 - 2);
        g.setFont(Charts.LABEL);
        for (int r = 0; r < rowLabels.size(); r++) {
            int y = top + r * (rowHeight + GAP) + (rowHeight + labels.getAscent()) / 2 - 2;
            g.drawString(rowLabels.get(r), left - margin - labels.stringWidth(rowLabels.get(r)), y);
        }
        g.dispose();
        return out;
    }
}
