package org.vaekit.train;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** A terminal progress bar for one epoch: examples done, ETA and the running mean cost. */
final class ProgressBarListener extends BaseListener implements AutoCloseable {
    private final ProgressBar bar;
    private final EpochCosts costs;

    ProgressBarListener(String task, long examples, EpochCosts costs) {
        this.costs = costs;
        this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(examples).setUnit(" ex", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).showSpeed().build();
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        bar.stepBy(dataSet.getFeatures(0).size(0));
        bar.setExtraMessage(String.format(Locale.ROOT, " cost %.2f", costs.meanCost()));
    }

    @Override
    public void close() {
        bar.close();
    }
}
