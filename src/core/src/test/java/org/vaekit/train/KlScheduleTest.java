package org.vaekit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vaekit.config.ConfigLoader;
import org.vaekit.config.TrainSettings;

class KlScheduleTest {
    @Test
    void warmUpRisesLinearlyToBetaThenStays() {
        KlSchedule s = new KlSchedule(0.5, 4);
        assertEquals(0.125, s.weight(1), 1e-12);
        assertEquals(0.25, s.weight(2), 1e-12);
        assertEquals(0.375, s.weight(3), 1e-12);
        assertEquals(0.5, s.weight(4), 1e-12);
        assertEquals(0.5, s.weight(40), 1e-12);
    }

    @Test
    void theDefaultsArePlainElbo() {
        TrainSettings t = ConfigLoader.defaults().train();
        assertEquals(KlSchedule.ELBO, t.kl());
        for (int epoch = 1; epoch < 5; epoch++) {
            assertEquals(1.0, t.kl().weight(epoch));
        }
        assertEquals(new KlSchedule(2.0, 0), ConfigLoader.fromString("", java.util.List.of("train.kl-beta=2")).train().kl());
    }
}
