package org.vaekit.train;

import java.util.List;
import org.nd4j.autodiff.listeners.Listener;
import org.vaekit.model.Vae;

/** Extra training listeners for a run, made once its folder and model exist (e.g. the training UI's). */
@FunctionalInterface
public interface RunListeners {
    RunListeners NONE = (run, vae) -> List.of();

    List<Listener> create(RunFolder run, Vae vae);
}
