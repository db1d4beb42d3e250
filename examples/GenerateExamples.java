import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/**
 * Writes the small synthetic datasets the example configs train on (run from the repository root:
 * {@code java examples/GenerateExamples.java}). Everything is drawn from fixed seeds.
 *
 * <ul>
 *   <li>{@code examples/shapes/<class>/NNN.png}: 16x16 grayscale circles, squares and triangles of random size
 *       and position, 120 per class (the images example);</li>
 *   <li>{@code examples/shapes-idx/}: the same kind of shapes as IDX files, gzipped: 600 training and 150 test
 *       images with their labels (the idx example);</li>
 *   <li>{@code examples/blobs.csv.gz}: 1,500 rows of 8 real-valued features from three Gaussian clusters, with a
 *       header line and the cluster's name in the last column (the csv example).</li>
 * </ul>
 */
public final class GenerateExamples {
    private static final String[] SHAPES = {"circle", "square", "triangle"};
    private static final int SIZE = 16;

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "examples");
        writePngs(root.resolve("shapes"), 120, new Random(1));
        Path idx = Files.createDirectories(root.resolve("shapes-idx"));
        writeIdx(idx, "train", 600, new Random(2));
        writeIdx(idx, "test", 150, new Random(3));
        writeCsv(root.resolve("blobs.csv.gz"), 1500, new Random(4));
    }

    /** A shape drawn white on black with a little noise, as gray levels 0..255. */
    private static BufferedImage shape(int kind, Random r) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1.5f));
        int s = 6 + r.nextInt(7);
        int x = r.nextInt(SIZE - s);
        int y = r.nextInt(SIZE - s);
        switch (kind) {
            case 0 -> g.fillOval(x, y, s, s);
            case 1 -> g.fillRect(x, y, s, s);
            default -> g.fillPolygon(new int[] {x, x + s, x + s / 2}, new int[] {y + s, y + s, y}, 3);
        }
        g.dispose();
        for (int i = 0; i < SIZE; i++) {
            for (int j = 0; j < SIZE; j++) {
                int v = img.getRaster().getSample(i, j, 0) + (int) (r.nextGaussian() * 10);
                img.getRaster().setSample(i, j, 0, Math.max(0, Math.min(255, v)));
            }
        }
        return img;
    }

    private static void writePngs(Path dir, int perClass, Random r) throws IOException {
        for (int kind = 0; kind < SHAPES.length; kind++) {
            Path classDir = Files.createDirectories(dir.resolve(SHAPES[kind]));
            for (int i = 0; i < perClass; i++) {
                ImageIO.write(shape(kind, r), "png", classDir.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
            }
        }
    }

    private static void writeIdx(Path dir, String split, int n, Random r) throws IOException {
        byte[] pixels = new byte[n * SIZE * SIZE];
        byte[] labels = new byte[n];
        for (int k = 0; k < n; k++) {
            int kind = r.nextInt(SHAPES.length);
            labels[k] = (byte) kind;
            BufferedImage img = shape(kind, r);
            for (int i = 0; i < SIZE; i++) {
                for (int j = 0; j < SIZE; j++) {
                    pixels[k * SIZE * SIZE + i * SIZE + j] = (byte) img.getRaster().getSample(j, i, 0);
                }
            }
        }
        try (DataOutputStream out = gzip(dir.resolve(split + "-images-idx3-ubyte.gz"))) {
            out.writeInt(0x00000803);
            out.writeInt(n);
            out.writeInt(SIZE);
            out.writeInt(SIZE);
            out.write(pixels);
        }
        try (DataOutputStream out = gzip(dir.resolve(split + "-labels-idx1-ubyte.gz"))) {
            out.writeInt(0x00000801);
            out.writeInt(n);
            out.write(labels);
        }
    }

    /** Three clusters in a 2-D plane, mapped linearly to 8 features plus noise. */
    private static void writeCsv(Path file, int n, Random r) throws IOException {
        String[] names = {"north", "east", "west"};
        double[][] centres = {{0, 3}, {2.6, -1.5}, {-2.6, -1.5}};
        double[][] map = new double[8][2];
        for (double[] row : map) {
            row[0] = r.nextGaussian();
            row[1] = r.nextGaussian();
        }
        try (PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            out.println("f0,f1,f2,f3,f4,f5,f6,f7,cluster");
            for (int i = 0; i < n; i++) {
                int c = r.nextInt(3);
                double u = centres[c][0] + 0.7 * r.nextGaussian();
                double v = centres[c][1] + 0.7 * r.nextGaussian();
                StringBuilder line = new StringBuilder();
                for (double[] row : map) {
                    line.append(String.format(Locale.ROOT, "%.4f,", 10 + row[0] * u + row[1] * v + 0.1 * r.nextGaussian()));
                }
                out.println(line.append(names[c]));
            }
        }
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        return new DataOutputStream(out);
    }
}
