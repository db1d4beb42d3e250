package org.vaekit.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.vaekit.data.Labels;

/**
 * The {@code capacity} examples a model explains worst (highest {@link ScoredExample#badness()}; the lower index
 * first among equals) with their features, kept in a bounded heap: memory does not grow with the number of examples.
 */
public final class WorstExamples {
    /** One of the worst examples and its features as the model saw them. */
    public record Entry(ScoredExample score, float[] features) {
    }

    private static final Comparator<ScoredExample> WORSE_FIRST = Comparator.comparingDouble(ScoredExample::badness)
            .reversed().thenComparingLong(ScoredExample::index);

    private final int capacity;
    /** The best of the kept examples at the head, so it is the one replaced. */
    private final PriorityQueue<Entry> heap;

    public WorstExamples(int capacity) {
        this.capacity = capacity;
        this.heap = new PriorityQueue<>(Comparator.comparing(Entry::score, WORSE_FIRST.reversed()));
    }

    /** Keeps the example if it is among the worst so far; {@code features} is called only then. */
    public void offer(ScoredExample score, Supplier<float[]> features) {
        if (capacity == 0) {
            return;
        }
        if (heap.size() < capacity) {
            heap.add(new Entry(score, features.get()));
        } else if (WORSE_FIRST.compare(score, heap.peek().score()) < 0) {
            heap.poll();
            heap.add(new Entry(score, features.get()));
        }
    }

    /** The kept examples, worst first. */
    public List<Entry> worstFirst() {
        List<Entry> out = new ArrayList<>(heap);
        out.sort(Comparator.comparing(Entry::score, WORSE_FIRST));
        return out;
    }

    /** A table of the kept examples, worst first: rank, index, label, negative ELBO, its parts and log p(x). */
    public String table(Labels labels) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5s %9s %-12s %10s %10s %10s %10s%n",
                "rank", "index", labels.kind(), "-ELBO", "rec", "KL", "log p(x)"));
        int rank = 1;
        for (Entry e : worstFirst()) {
            ScoredExample s = e.score();
            sb.append(String.format(Locale.ROOT, "%5d %9d %-12s %10.2f %10.2f %10.2f %10s%n", rank++, s.index(),
                    s.label() < 0 ? "-" : labels.name(s.label()), s.negativeElbo(), s.rec(), s.kl(),
                    Double.isNaN(s.logPx()) ? "-" : String.format(Locale.ROOT, "%.2f", s.logPx())));
        }
        return sb.toString().stripTrailing();
    }
}
