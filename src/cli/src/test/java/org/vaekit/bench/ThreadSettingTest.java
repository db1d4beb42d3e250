package org.vaekit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaekit.VaekitException;

/** The grid of thread settings and how a setting reaches a child's environment. */
class ThreadSettingTest {
    @Test
    void theGridIsEveryCombinationFirstAxisSlowest() {
        List<ThreadSetting> grid = ThreadSetting.grid(List.of("OMP_WAIT_POLICY=active,passive", "OMP_NUM_THREADS=2,1"));
        assertEquals(List.of("OMP_WAIT_POLICY=active OMP_NUM_THREADS=2", "OMP_WAIT_POLICY=active OMP_NUM_THREADS=1",
                        "OMP_WAIT_POLICY=passive OMP_NUM_THREADS=2", "OMP_WAIT_POLICY=passive OMP_NUM_THREADS=1"),
                grid.stream().map(ThreadSetting::name).toList());
        assertEquals("inherited", ThreadSetting.grid(List.of()).get(0).name());
        assertThrows(VaekitException.class, () -> ThreadSetting.grid(List.of("omp_wait_policy=passive")));
        assertThrows(VaekitException.class, () -> ThreadSetting.grid(List.of("OMP_WAIT_POLICY")));
    }

    @Test
    void theThreadCountReachesNd4jsOwnVariablesAndUnsetRemovesAVariable() {
        ThreadSetting s = ThreadSetting.grid(List.of("OMP_NUM_THREADS=1", "OPENBLAS_THREAD_TIMEOUT=unset")).get(0);
        Map<String, String> env = new HashMap<>(Map.of("OPENBLAS_THREAD_TIMEOUT", "4", "SD_MAX_THREADS", "2"));
        s.applyTo(env, true);
        assertEquals(Map.of("OMP_NUM_THREADS", "1", "SD_MAX_THREADS", "1", "SD_MASTER_THREADS", "1"), env);

        Map<String, String> python = new HashMap<>();
        s.applyTo(python, false);
        assertEquals(Map.of("OMP_NUM_THREADS", "1"), python);
        assertEquals(1, s.threads(Map.of(), 2));
    }

    @Test
    void withoutACountTheThreadsAreTheInheritedOnesOrTheCores() {
        ThreadSetting s = ThreadSetting.grid(List.of("OMP_WAIT_POLICY=passive")).get(0);
        assertEquals(3, s.threads(Map.of("OMP_NUM_THREADS", "3"), 2));
        assertEquals(2, s.threads(Map.of(), 2));
    }
}
