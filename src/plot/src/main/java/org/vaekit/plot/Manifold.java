package org.vaekit.plot;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Align;
import org.jfree.data.xy.XYSeriesCollection;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.model.Vae;

/**
 * The decoded 2-D manifold: the means of p(x|z) over an n x n grid of codes in two latent dimensions (the
 * others held at 0), drawn so that each image sits at its z on the chart's axes.
 *
 * @param xs        the grid's values of latent dimension {@code dx}, increasing
 * @param ys        the grid's values of latent dimension {@code dy}, increasing
 * @param latent    size of the latent code
 * @param quantiles whether the grid is evenly spaced in prior quantiles Phi(z) rather than in z
 */
public record Manifold(double[] xs, double[] ys, int dx, int dy, int latent, boolean quantiles) {

    /** n evenly spaced values from the smallest to the largest posterior mean in each dimension. */
    public static Manifold overRange(INDArray mu, int dx, int dy, int n) {
        return new Manifold(linspace(mu.getColumn(dx).minNumber().doubleValue(),
                mu.getColumn(dx).maxNumber().doubleValue(), n), linspace(mu.getColumn(dy).minNumber().doubleValue(),
                mu.getColumn(dy).maxNumber().doubleValue(), n), dx, dy, (int) mu.size(1), false);
    }

    /** z = Phi^-1((i + 0.5) / n) for i = 0..n-1 in both dimensions: equal prior mass per cell. */
    public static Manifold overQuantiles(int dx, int dy, int latent, int n) {
        NormalDistribution normal = new NormalDistribution();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = normal.inverseCumulativeProbability((i + 0.5) / n);
        }
        return new Manifold(z, z.clone(), dx, dy, latent, true);
    }

    /**
     * The codes in figure order, [n*n, latent]: image row r (from the top) has z_dy = ys[n-1-r] and column c has
     * z_dx = xs[c], so that z_dy grows upwards as on the chart's axis.
     */
    public INDArray codes() {
        int n = xs.length;
        INDArray z = Nd4j.zeros(DataType.FLOAT, (long) n * n, latent);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                z.putScalar(new long[] {(long) r * n + c, dx}, xs[c]);
                z.putScalar(new long[] {(long) r * n + c, dy}, ys[n - 1 - r]);
            }
        }
        return z;
    }

    /** The grid image: decoded means, one tile per code in {@link #codes()} order, 2 pixels per pixel. */
    public BufferedImage image(Vae vae) {
        return ImageGrid.of(vae.decode(codes()), xs.length, 2, true);
    }

    /** Writes the chart: the grid image spanning the axes so each tile's centre is at its z (or its quantile). */
    public Path write(Vae vae, String title, Path png) {
        int n = xs.length;
        String x = "z" + (dx + 1);
        String y = "z" + (dy + 1);
        NumberAxis xAxis = new NumberAxis(quantiles ? "\u03a6(" + x + "): prior quantile of " + x : x);
        NumberAxis yAxis = new NumberAxis(quantiles ? "\u03a6(" + y + "): prior quantile of " + y : y);
        if (quantiles) {
            xAxis.setRange(0, 1);
            yAxis.setRange(0, 1);
        } else {
            double hx = (xs[n - 1] - xs[0]) / (2 * (n - 1));
            double hy = (ys[n - 1] - ys[0]) / (2 * (n - 1));
            xAxis.setRange(xs[0] - hx, xs[n - 1] + hx);
            yAxis.setRange(ys[0] - hy, ys[n - 1] + hy);
        }
        XYPlot plot = new XYPlot(new XYSeriesCollection(), xAxis, yAxis, new XYLineAndShapeRenderer());
        JFreeChart chart = Charts.styled(new JFreeChart(title, Charts.TITLE, plot, false));
        plot.setBackgroundImage(image(vae));
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        chart.getRenderingHints().put(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        String others = latent > 2 ? ", other latent dimensions at 0" : "";
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT, "means of p(x|z) on a %d x %d grid%s", n, n,
                others), Charts.LABEL));
        return Charts.save(chart, png, 860, 900);
    }

    private static double[] linspace(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + (to - from) * i / (n - 1);
        }
        return v;
    }
}
