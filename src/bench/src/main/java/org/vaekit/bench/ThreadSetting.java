package org.vaekit.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vaekit.VaekitException;

/**
 * The threading environment one subject runs under, e.g. {@code OMP_WAIT_POLICY=passive OMP_NUM_THREADS=1}.
 * These variables are read once, when OpenMP, OpenBLAS or libnd4j loads, so each setting needs a process of its
 * own. The value {@value #UNSET} removes a variable from the child's environment.
 */
record ThreadSetting(Map<String, String> env) {
    static final String UNSET = "unset";
    private static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";
    private static final Pattern AXIS = Pattern.compile("([A-Z_][A-Z0-9_]*)=([^=]+)");

    ThreadSetting {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env)); // keeps the order the axes were given in
    }

    /**
     * Every combination of the axes' values, the first axis varying slowest.
     *
     * @param axes each {@code NAME=value1,value2,...}
     */
    static List<ThreadSetting> grid(List<String> axes) {
        List<Map<String, String>> settings = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (String axis : axes) {
            var m = AXIS.matcher(axis.strip());
            if (!m.matches()) {
                throw new VaekitException("bench: --grid wants NAME=value1,value2,... (e.g. "
                        + "OMP_WAIT_POLICY=active,passive), got '" + axis + "'");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> s : settings) {
                for (String value : m.group(2).split(",")) {
                    Map<String, String> env = new LinkedHashMap<>(s);
                    env.put(m.group(1), value.strip());
                    next.add(env);
                }
            }
            settings = next;
        }
        return settings.stream().map(ThreadSetting::new).toList();
    }

    /** As the report names it: the variables in the order given, or "inherited" for none. */
    String name() {
        return env.isEmpty() ? "inherited" : env.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** The compute threads this setting asks for: its OMP_NUM_THREADS, else the inherited one, else the cores. */
    int threads(Map<String, String> inherited, int cores) {
        String n = env.containsKey(OMP_NUM_THREADS) ? env.get(OMP_NUM_THREADS) : inherited.get(OMP_NUM_THREADS);
        if (n == null || n.equals(UNSET)) {
            return cores;
        }
        try {
            return Integer.parseInt(n.strip());
        } catch (NumberFormatException e) {
            throw new VaekitException("bench: OMP_NUM_THREADS must be a whole number, got '" + n + "'");
        }
    }

    /**
     * Applies the setting to a child's environment. For an ND4J child the thread count also goes to
     * {@code SD_MAX_THREADS} and {@code SD_MASTER_THREADS}, which libnd4j reads at load after (and over)
     * OMP_NUM_THREADS ({@code Environment.setMaxThreads} does nothing in this release).
     */
    void applyTo(Map<String, String> child, boolean nd4j) {
        env.forEach((key, value) -> {
            if (value.equals(UNSET)) {
                child.remove(key);
            } else {
                child.put(key, value);
            }
        });
        if (nd4j && env.containsKey(OMP_NUM_THREADS)) {
            for (String key : List.of("SD_MAX_THREADS", "SD_MASTER_THREADS")) {
                if (env.get(OMP_NUM_THREADS).equals(UNSET)) {
                    child.remove(key);
                } else {
                    child.put(key, env.get(OMP_NUM_THREADS));
                }
            }
        }
    }
}
