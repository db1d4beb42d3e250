package org.vaekit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.XYPlot;
import org.vaekit.AtomicWrite;
import org.vaekit.VaekitException;

/** The common look of the figures (white background, light grid, one colour per digit) and PNG writing. */
final class Charts {
    /** Matplotlib's "tab10" palette, so digit colours match the usual Python plots. */
    private static final Color[] DIGITS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    static final Color TRAIN = DIGITS[0];
    static final Color VALIDATION = DIGITS[1];
    static final Color TEST = DIGITS[2];
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private Charts() {
    }

    static Color digit(int label) {
        return label < 0 ? Color.GRAY : DIGITS[label % DIGITS.length];
    }

    /** Applies the common theme; call before adding annotations and series colours. */
    static JFreeChart styled(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(LABEL);
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xdddddd));
        theme.setRangeGridlinePaint(new Color(0xdddddd));
        theme.apply(chart);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
        }
        return chart;
    }

    /** Writes the chart as a PNG of the given size (atomically), creating its folder. */
    static Path save(JFreeChart chart, Path file, int width, int height) {
        return write(file, png -> ChartUtils.writeChartAsPNG(png, chart, width, height));
    }

    /** Writes an image as a PNG (atomically), creating its folder. */
    static Path save(BufferedImage image, Path file) {
        return write(file, png -> ImageIO.write(image, "png", png));
    }

    private interface PngWriter {
        void write(OutputStream png) throws IOException;
    }

    private static Path write(Path file, PngWriter writer) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            writer.write(png);
            AtomicWrite.bytes(file, png.toByteArray());
            return file;
        } catch (IOException e) {
            throw new VaekitException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
