package org.vaekit.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that runs a main class in a new JVM like this one: the same class path and memory options. */
final class ChildJvm {
    private static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private ChildJvm() {
    }

    static List<String> command(Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-Xm") || option.startsWith("-Xss") || option.startsWith("-XX:")) {
                cmd.add(option);
            }
        }
        // set by the CLI's main at run time, so not among the input arguments; it changes speed by ~10%
        String maxPhysical = System.getProperty(MAX_PHYSICAL_BYTES);
        if (maxPhysical != null) {
            cmd.add("-D" + MAX_PHYSICAL_BYTES + "=" + maxPhysical);
        }
        cmd.add("-cp");
        cmd.add(classPath(main));
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * The class path {@code main} was loaded from. Under {@code mvn exec:java} the project's classes come from a
     * URL class loader inside Maven's JVM, whose own {@code java.class.path} is Maven's launcher only.
     */
    private static String classPath(Class<?> main) {
        if (main.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
