package org.vaekit.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.vaekit.VaekitException;

/** Typed reads of a resolved config; each bad value becomes one line naming the key, the value and what is allowed. */
final class Settings {
    private final Config config;

    Settings(Config config) {
        this.config = config;
    }

    String string(String key) {
        return read(key, "a string", () -> config.getString(key));
    }

    Path path(String key) {
        String value = string(key);
        if (value.isBlank()) {
            throw invalid(key, "a non-empty path");
        }
        return Path.of(value);
    }

    /** A path, or null when the value is empty (a key only some settings need). */
    Path optionalPath(String key) {
        String value = string(key);
        return value.isBlank() ? null : Path.of(value);
    }

    boolean bool(String key) {
        return read(key, "true or false", () -> config.getBoolean(key));
    }

    long longValue(String key) {
        return read(key, "a whole number", () -> config.getLong(key));
    }

    int intAtLeast(String key, int min) {
        int value = read(key, "a whole number >= " + min, () -> config.getInt(key));
        if (value < min) {
            throw invalid(key, "a whole number >= " + min);
        }
        return value;
    }

    int intIn(String key, int min, int max) {
        String expected = "a whole number in [" + min + ", " + max + "]";
        int value = read(key, expected, () -> config.getInt(key));
        if (value < min || value > max) {
            throw invalid(key, expected);
        }
        return value;
    }

    double doubleIn(String key, double lo, boolean loInclusive, double hi, boolean hiInclusive) {
        String range = (loInclusive ? "[" : "(") + fmt(lo) + ", " + fmt(hi) + (hiInclusive ? "]" : ")");
        String expected = "a number in " + range;
        double value = read(key, expected, () -> config.getDouble(key));
        boolean aboveLo = loInclusive ? value >= lo : value > lo;
        boolean belowHi = hiInclusive ? value <= hi : value < hi;
        if (!aboveLo || !belowHi || Double.isNaN(value)) {
            throw invalid(key, expected);
        }
        return value;
    }

    List<Integer> positiveIntList(String key) {
        String expected = "a list of whole numbers >= 1, e.g. [500]";
        List<Integer> values = read(key, expected, () -> config.getIntList(key));
        if (values.stream().anyMatch(v -> v < 1)) {
            throw invalid(key, expected);
        }
        return values;
    }

    /** Two distinct latent dimensions, each below {@code latent} (any pair is accepted for a 1-D code). */
    List<Integer> latentPair(String key, int latent) {
        String expected = "two different dimensions in [0, " + (latent - 1) + "], e.g. [0, 1]";
        List<Integer> values = read(key, expected, () -> config.getIntList(key));
        boolean inRange = latent < 2 || values.stream().allMatch(v -> v >= 0 && v < latent);
        if (values.size() != 2 || values.get(0).equals(values.get(1)) || !inRange) {
            throw invalid(key, expected);
        }
        return values;
    }

    List<Path> pathList(String key) {
        String expected = "a list of paths, e.g. [\"data/train.csv.gz\"]";
        List<String> values = read(key, expected, () -> config.getStringList(key));
        if (values.stream().anyMatch(String::isBlank)) {
            throw invalid(key, expected);
        }
        return values.stream().map(Path::of).toList();
    }

    List<String> stringList(String key) {
        return read(key, "a list of strings", () -> config.getStringList(key));
    }

    List<Integer> intList(String key, int min) {
        String expected = "a list of whole numbers >= " + min;
        List<Integer> values = read(key, expected, () -> config.getIntList(key));
        if (values.stream().anyMatch(v -> v < min)) {
            throw invalid(key, expected);
        }
        return values;
    }

    /** A list of exactly {@code size} numbers. */
    List<Double> doubleList(String key, int size) {
        String expected = "a list of " + size + " numbers";
        List<Double> values = read(key, expected, () -> config.getDoubleList(key));
        if (values.size() != size || values.stream().anyMatch(v -> !Double.isFinite(v))) {
            throw invalid(key, expected);
        }
        return values;
    }

    /** A single character, e.g. a CSV separator; {@code \t} stands for a tab. */
    char character(String key) {
        String value = string(key);
        String text = value.equals("\\t") ? "\t" : value;
        if (text.length() != 1) {
            throw invalid(key, "a single character, e.g. \",\" or \"\\t\"");
        }
        return text.charAt(0);
    }

    /** The word {@code word}, or a number in (lo, inf); returns NaN for the word. */
    double wordOrPositive(String key, String word) {
        String expected = word + " or a number > 0";
        String value = read(key, expected, () -> config.getValue(key).unwrapped().toString());
        if (value.equals(word)) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(value);
            if (d > 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw invalid(key, expected);
    }

    String oneOf(String key, String... allowed) {
        String value = string(key);
        if (!Arrays.asList(allowed).contains(value)) {
            throw invalid(key, "one of " + String.join(", ", allowed));
        }
        return value;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        E[] constants = type.getEnumConstants();
        String allowed = Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        String value = read(key, "one of " + allowed, () -> config.getString(key));
        for (E c : constants) {
            if (c.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return c;
            }
        }
        throw invalid(key, "one of " + allowed);
    }

    private <T> T read(String key, String expected, java.util.function.Supplier<T> getter) {
        try {
            return getter.get();
        } catch (ConfigException.Missing e) {
            throw new VaekitException("config: missing key '" + key + "': expected " + expected);
        } catch (ConfigException e) {
            throw invalid(key, expected);
        }
    }

    VaekitException invalid(String key, String expected) {
        ConfigValue value = config.getValue(key);
        return new VaekitException("config " + origin(value) + ": key '" + key + "' = "
                + value.render().trim() + " is invalid: expected " + expected);
    }

    static String origin(ConfigValue value) {
        return value.origin().description().replaceAll("\\s+", " ");
    }

    private static String fmt(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
