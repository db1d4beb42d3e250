package org.vaekit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What the figures were measured on: CPU and the vector extensions that matter for these kernels, cores, JVM,
 * ND4J backend and native build, the load average when the bench started, and the CPU's single-precision peak,
 * estimated as cores x clock x FLOP per cycle from its vector extensions.
 */
record Machine(String cpu, List<String> simd, int cores, double mhz, String jvm, String nd4j, double flopsPerCycle,
               String loadAtStart) {
    private static final List<String> SIMD = List.of("avx2", "avx512f", "fma");

    static Machine probe() {
        List<String> cpuinfo = List.of();
        try {
            cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            // not Linux: described as unknown
        }
        String cpu = field(cpuinfo, "model name", System.getProperty("os.arch"));
        double mhz = Double.parseDouble(field(cpuinfo, "cpu MHz", "0"));
        String flags = " " + field(cpuinfo, "flags", "") + " ";
        // Single-precision FLOP per cycle and core with two FMA units: 2 x 2 x (vector width / 32 bits).
        double flopsPerCycle = flags.contains(" avx512f ") ? 64 : flags.contains(" fma ") ? 32 : flags.contains(" avx ") ? 16 : 8;
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        var nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
        String nd4j = String.format(Locale.ROOT, "%s %s, native library %s%s (binary level %s, CPU supports %s), "
                        + "BLAS %s with %s threads, %s OpenMP threads, JavaCPP maxPhysicalBytes %s",
                Nd4j.getBackend().getClass().getSimpleName(), nd4jVersion(),
                nativeBuild(), nativeOps.buildInfo().contains("HAVE_ONEDNN") ? " with oneDNN" : "",
                level(nativeOps.binaryLevel()), level(nativeOps.optimalLevel()),
                env.get(Nd4jEnvironment.BLAS_VENDOR_KEY), env.get(Nd4jEnvironment.BLAS_THREADS_KEY),
                env.get(Nd4jEnvironment.OMP_THREADS_KEY),
                Pointer.maxPhysicalBytes() == 0 ? "0 (check off)" : Pointer.maxPhysicalBytes());
        List<String> simd = SIMD.stream().filter(f -> flags.contains(" " + f + " ")).toList();
        return new Machine(cpu, simd, Runtime.getRuntime().availableProcessors(), mhz, jvm, nd4j, flopsPerCycle,
                loadAverage());
    }

    /**
     * The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown": on a shared machine the figures
     * mean little without them.
     */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /**
     * The native build JavaCPP loaded, named by the folder of libnd4jcpu (e.g. {@code linux-x86_64} or
     * {@code linux-x86_64-onednn-avx2}): with several nd4j-native classifiers on the class path JavaCPP picks one
     * by itself, so the property that may have chosen it is not a reliable name.
     */
    private static String nativeBuild() {
        String path = Loader.getLoadedLibraries().get("nd4jcpu");
        if (path != null) {
            Path dir = Path.of(path).getParent();
            if (dir != null && dir.getFileName() != null) {
                return dir.getFileName().toString();
            }
        }
        return Loader.getPlatform() + System.getProperty("org.bytedeco.javacpp.platform.extension", "");
    }

    /** Estimated single-precision peak in FLOP/s. */
    double peakFlops() {
        return cores * mhz * 1e6 * flopsPerCycle;
    }

    String describe() {
        return String.format(Locale.ROOT, "CPU: %s, flags %s, %d cores at %.0f MHz (peak estimate %.0f GFLOP/s single "
                        + "precision, %.0f FLOP/cycle/core)%nJVM: %s%nND4J: %s", cpu,
                simd.isEmpty() ? "without avx2, avx512f or fma" : String.join(" ", simd), cores, mhz,
                peakFlops() / 1e9, flopsPerCycle, jvm, nd4j);
    }

    /** The ND4J version the build used (recorded in vaekit's version.properties). */
    private static String nd4jVersion() {
        Properties versions = new Properties();
        try (InputStream in = Machine.class.getResourceAsStream("/org/vaekit/version.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (IOException e) {
            // described as unknown
        }
        return versions.getProperty("dl4j", "(version unknown)");
    }

    /** ND4J's names of its native builds' instruction-set levels. */
    private static String level(int level) {
        return level == 3 ? "AVX512" : level == 2 ? "AVX2" : "generic x86";
    }

    private static String field(List<String> cpuinfo, String key, String fallback) {
        return cpuinfo.stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(fallback);
    }
}
