package org.vaekit.plot;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaekit.data.Labels;
import org.vaekit.eval.ExampleScores;

/**
 * Reconstruction error against posterior variance, one dot per example coloured by digit, with their rank
 * correlation: can the quality of a reconstruction be read from the posterior?
 */
public final class ErrorVsVariance {
    private ErrorVsVariance() {
    }

    public static Path write(ExampleScores scores, Labels labels, String title, Path png) {
        // Mean posterior variance over the latent dimensions, per example.
        double[] variance = Transforms.exp(scores.logvar().castTo(DataType.DOUBLE)).mean(1).toDoubleVector();
        double[] error = scores.rec().toDoubleVector();
        Map<Integer, XYSeries> byDigit = new TreeMap<>();
        for (int i = 0; i < error.length; i++) {
            int label = scores.labels()[i];
            byDigit.computeIfAbsent(label, l -> new XYSeries(labels.legend(l), false))
                    .add(variance[i], error[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        LogAxis x = new LogAxis("mean posterior variance exp(logvar) over latent dimensions (log scale)");
        x.setSmallestValue(1e-12);
        x.setNumberFormatOverride(new DecimalFormat("0.###"));
        NumberAxis y = new NumberAxis("reconstruction error -log p(x|z) (nats)");
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = Charts.styled(new JFreeChart(title, Charts.TITLE, plot, true));
        byDigit.forEach((label, series) -> {
            int i = data.getSeriesCount();
            Color c = Charts.digit(label);
            r.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            r.setSeriesShape(i, new Ellipse2D.Double(-2, -2, 4, 4));
            r.setLegendShape(i, new Rectangle(-6, -6, 12, 12));
            data.addSeries(series);
        });
        double rho = error.length > 2 ? new SpearmansCorrelation().correlation(variance, error) : Double.NaN;
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "%d examples; Spearman rank correlation %.2f",
                error.length, rho), Charts.LABEL));
        return Charts.save(chart, png, 1000, 750);
    }
}
