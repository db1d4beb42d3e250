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
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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
    private final Path data;
    private String version = "";
    private String absence;
    private long residentBytes = -1;

    /**
     * @param pythons interpreters to try in order; the first that can import torch is used
     */
    PyTorchPeer(Path script, List<String> pythons, DataSource source, VaeConfig config) {
        this.script = script;
        this.pythons = pythons;
        this.data = writeGrayLevels(source, config);
    }

    /** PyTorch's version and thread count once it ran, or why it did not. */
    String description() {
        return absence != null ? "absent: " + absence : version;
    }

    /** The peak resident set of the last run's whole process (all batch sizes), or -1 before one ran. */
    long residentBytes() {
        return residentBytes;
    }

    /**
     * Runs the script for the batch sizes under one thread setting (applied to the environment this process hands
     * on, which reaches PyTorch's OpenMP and BLAS as they load); returns its figures ("pipeline", "training",
     * "inference"), or empty when PyTorch is absent (the reason is in {@link #description()}).
     */
    Optional<List<BenchReport.Figure>> measure(VaeConfig config, List<Integer> batches, int runs, int warmupSeconds,
                                                ThreadSetting setting) {
        if (!Files.isRegularFile(script)) {
            absence = "no " + script + " (run the bench from the project folder)";
            return Optional.empty();
        }
        List<String> tried = new ArrayList<>();
        for (String python : pythons) {
            var result = run(python, config, batches, runs, warmupSeconds, setting);
            if (result.isPresent()) {
                absence = null;
                return result;
            }
            tried.add(python);
        }
        absence = "none of " + String.join(", ", tried) + " can import torch (Debian: apt-get install python3-torch)";
        return Optional.empty();
    }

    private Optional<List<BenchReport.Figure>> run(String python, VaeConfig config, List<Integer> batches, int runs,
                                                   int warmupSeconds, ThreadSetting setting) {
        var m = config.model();
        if (m.encoder().size() != 1 || !m.encoder().equals(m.decoder())) {
            absence = "the PyTorch script models one hidden layer of the same size each side";
            return Optional.empty();
        }
        int threads = setting.threads(System.getenv(), Runtime.getRuntime().availableProcessors());
        List<String> command = List.of(python, script.toString(), "--data", data.toString(),
                "--batch", batches.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--runs", String.valueOf(runs),
                "--warmup", String.valueOf(warmupSeconds), "--threads", String.valueOf(threads),
                "--hidden", String.valueOf(m.encoder().get(0)), "--latent", String.valueOf(m.latent()),
                "--lr", String.valueOf(config.train().learningRate()), "--seed", String.valueOf(config.run().seed()));
        Process p;
        Path errors;
        try {
            errors = Files.createTempFile("vaekit-bench-", ".err");
            errors.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
            setting.applyTo(builder.environment(), false);
            p = builder.start();
        } catch (IOException e) {
            return Optional.empty(); // no such interpreter
        }
        List<BenchReport.Figure> figures = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                JsonNode node = json.readTree(line);
                String name = node.path("name").asText();
                if (name.equals("version")) {
                    version = "torch " + node.path("torch").asText() + ", " + node.path("threads").asInt() + " threads, "
                            + "BLAS " + node.path("blas").asText() + ", " + python;
                } else if (name.equals("memory")) {
                    residentBytes = node.path("resident_bytes").asLong();
                } else {
                    figures.add(new BenchReport.Figure(name, node.path("batch").asInt(), BenchReport.PYTORCH,
                            node.path("samples_per_second").asDouble()));
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
