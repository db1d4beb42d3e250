package org.vaekit.plot;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.vaekit.VaekitException;

/**
 * The cost across epochs from a run's {@code metrics.csv}: train and validation negative ELBO with their
 * reconstruction parts above, the KL parts below (a scale of their own, being some 30 times smaller).
 */
public final class CostCurves {
    private CostCurves() {
    }

    /** Reads the metrics and writes the figure. */
    public static Path write(Path metricsCsv, Path png) {
        List<String> lines;
        try {
            lines = Files.readAllLines(metricsCsv);
        } catch (IOException e) {
            throw new VaekitException("cannot read " + metricsCsv + ": " + e.getMessage(), e);
        }
        if (lines.size() < 2) {
            throw new VaekitException(metricsCsv + " has no epochs to plot");
        }
        List<String> header = Arrays.asList(lines.get(0).split(","));
        List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(",")).toList();

        XYSeriesCollection costs = new XYSeriesCollection();
        XYSeriesCollection kls = new XYSeriesCollection();
        add(costs, "train cost", "train_cost", header, rows, metricsCsv);
        add(costs, "validation cost", "valid_cost", header, rows, metricsCsv);
        add(costs, "train reconstruction", "train_rec", header, rows, metricsCsv);
        add(costs, "validation reconstruction", "valid_rec", header, rows, metricsCsv);
        add(kls, "train KL", "train_kl", header, rows, metricsCsv);
        add(kls, "validation KL", "valid_kl", header, rows, metricsCsv);

        NumberAxis epoch = new NumberAxis("epoch");
        epoch.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epoch);
        plot.setGap(12);
        XYPlot top = subplot(costs, "nats per example");
        XYPlot bottom = subplot(kls, "KL (nats)");
        plot.add(top, 3);
        plot.add(bottom, 1);
        JFreeChart chart = Charts.styled(new JFreeChart("Cost across epochs (negative ELBO = reconstruction + KL)",
                Charts.TITLE, plot, true));
        style(top);
        style(bottom);
        double last = costs.getSeries(0).getMaxX();
        epoch.setRange(0.5, Math.max(last, 2) + 0.5);
        return Charts.save(chart, png, 1000, 700);
    }

    private static XYPlot subplot(XYSeriesCollection data, String label) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        return new XYPlot(data, null, y, new XYLineAndShapeRenderer(true, true));
    }

    /** Train in one colour, validation in another; the reconstruction parts dashed. Applied after the theme. */
    private static void style(XYPlot plot) {
        XYSeriesCollection data = (XYSeriesCollection) plot.getDataset();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String key = (String) data.getSeriesKey(i);
            r.setSeriesPaint(i, key.startsWith("train") ? Charts.TRAIN : Charts.VALIDATION);
            boolean part = key.contains("reconstruction");
            r.setSeriesStroke(i, part ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2.2f));
            r.setSeriesShapesVisible(i, data.getItemCount(i) <= 60);
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
    }

    /** Adds the column as a series; columns older runs lack (validation parts) are left out. */
    private static void add(XYSeriesCollection data, String name, String column, List<String> header,
                            List<String[]> rows, Path csv) {
        int c = header.indexOf(column);
        int e = header.indexOf("epoch");
        if (c < 0 || e < 0) {
            return;
        }
        XYSeries s = new XYSeries(name);
        for (int i = 0; i < rows.size(); i++) {
            try {
                s.add(Double.parseDouble(rows.get(i)[e]), Double.parseDouble(rows.get(i)[c]));
            } catch (RuntimeException ex) {
                throw new VaekitException(csv + ": line " + (i + 2) + ": expected numbers in columns epoch and "
                        + column);
            }
        }
        data.addSeries(s);
    }
}
