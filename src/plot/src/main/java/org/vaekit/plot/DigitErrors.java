package org.vaekit.plot;

import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.vaekit.data.Labels;
import org.vaekit.data.Split;
import org.vaekit.eval.ExampleScores;
import org.vaekit.model.Elbo;

/** Mean reconstruction error -log p(x|z) per label (digit), one bar per split: which labels are reconstructed well. */
public final class DigitErrors {
    private DigitErrors() {
    }

    public static Path write(Map<Split, ExampleScores> scores, Labels labels, Path png) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Split split : Split.values()) {
            for (Map.Entry<Integer, Elbo> e : scores.get(split).elboByLabel().entrySet()) {
                data.addValue(e.getValue().reconstruction(), split.label(), labels.name(e.getKey()));
            }
        }
        JFreeChart chart = Charts.styled(ChartFactory.createBarChart("Reconstruction error per " + labels.kind(), labels.kind(),
                "mean -log p(x|z) (nats per example)", data, PlotOrientation.VERTICAL, true, false, false));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setSeriesPaint(0, Charts.TRAIN);
        r.setSeriesPaint(1, Charts.VALIDATION);
        r.setSeriesPaint(2, Charts.TEST);
        return Charts.save(chart, png, 1000, 600);
    }
}
