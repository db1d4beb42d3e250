package org.vaekit.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reading data files: plain or gzipped alike, and their SHA-256 for provenance and checksum checks. */
public final class DataFiles {
    private DataFiles() {
    }

    /** The file's bytes, gunzipped (all members) when it starts with gzip's magic bytes. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        byte[] signature = new byte[2];
        in.mark(signature.length);
        int n = in.readNBytes(signature, 0, signature.length);
        in.reset();
        return GzipCompressorInputStream.matches(signature, n) ? new GzipCompressorInputStream(in, true) : in;
    }

    /** A new SHA-256 digest. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The SHA-256 of the file's bytes as stored (not gunzipped), in hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
