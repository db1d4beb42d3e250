package org.vaekit.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vaekit.train.EpochMetrics;
import org.vaekit.train.TrainingListener;

/** A terminal progress bar per epoch: examples done, ETA and the running mean cost. */
final class ProgressBarListener implements TrainingListener {
    private ProgressBar bar;

    @Override
    public void epochStarted(int epoch, int epochs, long examples) {
        close();
        bar = new ProgressBarBuilder().setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                .setInitialMax(examples).setUnit(" ex", 1).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).showSpeed().build();
    }

    @Override
    public void batchDone(int epoch, long batchSize, double meanCost) {
        if (bar != null) {
            bar.stepBy(batchSize);
            bar.setExtraMessage(String.format(Locale.ROOT, " cost %.2f", meanCost));
        }
    }

    /** Closes the bar before the epoch's summary line is logged. */
    @Override
    public void epochDone(EpochMetrics metrics) {
        close();
    }

    private void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
