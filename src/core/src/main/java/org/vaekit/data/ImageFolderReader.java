package org.vaekit.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.datavec.api.io.labels.ParentPathLabelGenerator;
import org.datavec.api.split.CollectionInputSplit;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.datavec.image.recordreader.ImageRecordReader;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.vaekit.VaekitException;
import org.vaekit.config.ImageSettings;

/**
 * Reads folder trees of images with DataVec's {@link ImageRecordReader}, one image at a time, into a {@link Table}
 * file: each image resized to
 * height x width, grayscale or RGB (channel-major), values scaled from 0..255 to [0,1], labelled with the name of
 * its parent folder ({@link ParentPathLabelGenerator}). Only files under the root are read: links to folders are
 * not followed and a link to a file outside the root is an error.
 */
final class ImageFolderReader implements TableSource.Reader {
    private final ImageSettings settings;

    ImageFolderReader(ImageSettings settings) {
        this.settings = settings;
    }

    /** What a table made by this reader depends on besides its files' bytes (for the cache key). */
    @Override
    public String describe() {
        return "images 1 height=" + settings.height() + " width=" + settings.width() + " channels="
                + settings.channels() + " extensions=" + settings.extensions();
    }

    /** Streams every image under the {@code roots}, in sorted path order, into {@code out}. */
    @Override
    public void read(List<Path> roots, TableWriter out) throws IOException {
        List<URI> files = new ArrayList<>();
        for (Path root : roots) {
            files.addAll(list(root));
        }
        String origin = String.join(", ", roots.stream().map(Path::toString).toList());
        if (files.isEmpty()) {
            return;
        }
        ImageRecordReader reader = new ImageRecordReader(settings.height(), settings.width(), settings.channels(),
                new ParentPathLabelGenerator());
        try {
            reader.initialize(new CollectionInputSplit(files));
        } catch (IOException e) {
            throw new VaekitException(origin + ": cannot read images: " + e.getMessage(), e);
        }
        while (reader.hasNext()) {
            List<Writable> record;
            try {
                record = reader.next();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new VaekitException(reader.getCurrentFile() + ": not a readable image (" + cause.getMessage()
                        + ")", e);
            }
            INDArray pixels = ((NDArrayWritable) record.get(0)).get();
            float[] row = pixels.reshape(pixels.length()).toFloatVector();
            for (int j = 0; j < row.length; j++) {
                row[j] /= 255f;
            }
            out.add(row, reader.getLabels().get(record.get(1).toInt()));
        }
    }

    /** The image files under {@code root}, sorted; rejects links that lead outside it. */
    private List<URI> list(Path root) {
        if (!Files.isDirectory(root)) {
            throw new VaekitException(root + ": image folder not found");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            Path realRoot = root.toRealPath();
            List<Path> images = walk.filter(p -> hasImageExtension(p, settings.extensions()))
                    .filter(Files::isRegularFile).sorted().toList();
            for (Path image : images) {
                if (!image.toRealPath().startsWith(realRoot)) {
                    throw new VaekitException(image + ": links to " + image.toRealPath() + ", outside the image folder "
                            + root + "; copy the file into the folder instead");
                }
            }
            return images.stream().map(p -> p.toAbsolutePath().toUri()).toList();
        } catch (IOException e) {
            throw new VaekitException(root + ": cannot list images: " + e.getMessage(), e);
        }
    }

    private static boolean hasImageExtension(Path p, Collection<String> extensions) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(e -> name.endsWith("." + e.toLowerCase(Locale.ROOT)));
    }
}
