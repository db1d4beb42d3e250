package org.vaekit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** vaekit's and DL4J's versions, written into version.properties by the Maven build. */
public final class Versions {
    private static final Properties VERSIONS = new Properties();

    static {
        try (InputStream in = Versions.class.getResourceAsStream("/org/vaekit/version.properties")) {
            if (in != null) {
                VERSIONS.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Versions() {
    }

    /** This build of vaekit, e.g. 0.1.0-SNAPSHOT. */
    public static String vaekit() {
        return VERSIONS.getProperty("vaekit", "unknown");
    }

    /** The Deeplearning4j release vaekit was built against. */
    public static String dl4j() {
        return VERSIONS.getProperty("dl4j", "unknown");
    }
}
