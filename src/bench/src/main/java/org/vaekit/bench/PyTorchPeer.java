package org.vaekit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.datasets.datavec.RecordReaderDataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.vaekit.config.VaeConfig;
import org.vaekit.data.DataSource;
import org.vaekit.data.Split;

/**
 * PyTorch on CPU as a peer: runs {@code bench/pytorch_vae.py} as a child process on the same training images
 * (handed over as a .npy of gray levels; the script binarizes each minibatch afresh, as vaekit's pipeline does).
 * Absent Python or PyTorch is reported, not fatal.
 */
final class PyTorchPeer {
    /** Exit status of the script when PyTorch cannot be imported. */
    private static final int NO_TORCH = 3;

    private final Path script;
    private final List<String> pythons;
    private final int threads;
    private final Path data;
    private String version = "";
    private String absence;

    /**
     * @param pythons interpreters to try in order; the first that can import torch is used
     */
    PyTorchPeer(Path script, List<String> pythons, int threads, DataSource source, VaeConfig config) {
        this.script = script;
        this.pythons = pythons;
        this.threads = threads;
        this.data = writeGrayLevels(source, config);
    }

    /** PyTorch's version and thread count once it ran, or why it did not. */
    String description() {
        return absence != null ? "absent: " + absence : version;
    }

    /**
     * Runs the script for one batch size; returns samples/s by figure name ("pipeline", "training",
     * "inference"), or empty when PyTorch is absent (the reason is in {@link #description()}).
     */
    Optional<Map<String, Double>> measure(VaeConfig config, int batch, int runs, int warmupSeconds) {
        if (!Files.isRegularFile(script)) {
            absence = "no " + script + " (run the bench from the project folder)";
            return Optional.empty();
        }
        List<String> tried = new ArrayList<>();
        for (String python : pythons) {
            var result = run(python, config, batch, runs, warmupSeconds);
            if (result.isPresent()) {
                absence = null;
                return result;
            }
            tried.add(python);
        }
        absence = "none of " + String.join(", ", tried) + " can import torch (Debian: apt-get install python3-torch)";
        return Optional.empty();
    }

    private Optional<Map<String, Double>> run(String python, VaeConfig config, int batch, int runs,
                                              int warmupSeconds) {
        var m = config.model();
        if (m.encoder().size() != 1 || !m.encoder().equals(m.decoder())) {
            absence = "the PyTorch script models one hidden layer of the same size each side";
            return Optional.empty();
        }
        List<String> command = List.of(python, script.toString(), "--data", data.toString(),
                "--batch", String.valueOf(batch), "--runs", String.valueOf(runs),
                "--warmup", String.valueOf(warmupSeconds), "--threads", String.valueOf(threads),
                "--hidden", String.valueOf(m.encoder().get(0)), "--latent", String.valueOf(m.latent()),
                "--lr", String.valueOf(config.train().learningRate()), "--seed", String.valueOf(config.run().seed()));
        Process p;
        Path errors;
        try {
            errors = Files.createTempFile("vaekit-bench-", ".err");
            errors.toFile().deleteOnExit();
            p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            return Optional.empty(); // no such interpreter
        }
        Map<String, Double> figures = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                String name = node.path("name").asText();
                if (name.equals("version")) {
                    version = "torch " + node.path("torch").asText() + ", " + node.path("threads").asInt() + " threads, "
                            + python;
                } else {
                    figures.put(name, node.path("samples_per_second").asDouble());
                }
            }
            int status = p.waitFor();
            if (status == NO_TORCH) {
                return Optional.empty();
            }
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit status " + status
                        + ": " + Files.readString(errors).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(figures);
    }

    /** The training split's gray levels in reader order, [n, inputSize] float32, in a temporary .npy file. */
    private static Path writeGrayLevels(DataSource source, VaeConfig config) {
        var it = new RecordReaderDataSetIterator(source.reader(Split.TRAIN, false, 0), 1000, 1,
                Math.max(source.numClasses(), 1));
        List<INDArray> parts = new ArrayList<>();
        while (it.hasNext()) {
            parts.add(it.next().getFeatures());
        }
        try {
            Path file = Files.createTempFile("vaekit-bench-", ".npy");
            file.toFile().deleteOnExit();
            Nd4j.writeAsNumpy(Nd4j.vstack(parts).castTo(DataType.FLOAT), file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
