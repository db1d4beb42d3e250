package org.vaekit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vaekit.data.Labels;
import org.vaekit.eval.ExampleScores;

/**
 * The posterior of each example as an ellipse in the latent plane: centred at mu(x), with half-axes of one
 * standard deviation exp(logvar(x) / 2) along the two shown dimensions, coloured by digit.
 */
public final class LatentSpace {
    private LatentSpace() {
    }

    /** Draws the first {@code limit} examples along latent dimensions {@code dx}, {@code dy}. */
    public static Path write(ExampleScores scores, Labels labels, int dx, int dy, int limit, String title, Path png) {
        int n = Math.min(limit, scores.size());
        Map<Integer, XYSeries> centres = new TreeMap<>();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        XYPlot plot = new XYPlot(null, new NumberAxis("z" + (dx + 1) + "  (latent dimension " + dx + ")"),
                new NumberAxis("z" + (dy + 1) + "  (latent dimension " + dy + ")"), renderer);
        JFreeChart chart = Charts.styled(new JFreeChart(title, Charts.TITLE, plot, true));
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        BasicStroke thin = new BasicStroke(0.5f);
        for (int i = 0; i < n; i++) {
            double mx = scores.mu().getDouble(i, dx);
            double my = scores.mu().getDouble(i, dy);
            double sx = Math.exp(0.5 * scores.logvar().getDouble(i, dx));
            double sy = Math.exp(0.5 * scores.logvar().getDouble(i, dy));
            int label = scores.labels()[i];
            Color c = Charts.digit(label);
            plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(mx - sx, my - sy, 2 * sx, 2 * sy), thin,
                    darker(c), new Color(c.getRed(), c.getGreen(), c.getBlue(), 70)), false);
            centres.computeIfAbsent(label, l -> new XYSeries(labels.legend(l))).add(mx, my);
            minX = Math.min(minX, mx - sx);
            maxX = Math.max(maxX, mx + sx);
            minY = Math.min(minY, my - sy);
            maxY = Math.max(maxY, my + sy);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        centres.forEach((label, series) -> {
            renderer.setSeriesPaint(data.getSeriesCount(), Charts.digit(label));
            renderer.setSeriesShape(data.getSeriesCount(), new Ellipse2D.Double(-1, -1, 2, 2));
            renderer.setLegendShape(data.getSeriesCount(), new Rectangle(-6, -6, 12, 12));
            data.addSeries(series);
        });
        plot.setDataset(data);
        double padX = 0.03 * (maxX - minX);
        double padY = 0.03 * (maxY - minY);
        plot.getDomainAxis().setRange(minX - padX, maxX + padX);
        plot.getRangeAxis().setRange(minY - padY, maxY + padY);
        chart.addSubtitle(new TextTitle(n + " examples; ellipses: mean +- one posterior"
                + " standard deviation", Charts.LABEL));
        return Charts.save(chart, png, 900, 900);
    }

    private static Color darker(Color c) {
        return new Color(c.getRed() * 3 / 4, c.getGreen() * 3 / 4, c.getBlue() * 3 / 4, 160);
    }
}
