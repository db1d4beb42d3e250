package org.vaekit.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.deeplearning4j.core.storage.Persistable;

/**
 * One report of the UI's VAE page as a run's stats file stores it: session, worker, time stamp and a JSON
 * document ({@link VaePageListener} writes iteration and epoch reports). The file stores a report by class
 * name and reads it back through the public no-argument constructor and {@link #decode(byte[])}.
 */
public final class VaeReport implements Persistable {
    /** The type id of the VAE page's reports in a stats file. */
    public static final String TYPE_ID = "VaePage";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String sessionId;
    private String workerId;
    private long timestamp;
    private String content;

    /** For the stats file, which fills it with {@link #decode(byte[])}. */
    public VaeReport() {
    }

    VaeReport(String sessionId, String workerId, long timestamp, JsonNode content) {
        this.sessionId = sessionId;
        this.workerId = workerId;
        this.timestamp = timestamp;
        try {
            this.content = JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report's JSON document. */
    public JsonNode content() {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a VAE page report is not JSON", e);
        }
    }

    @Override
    public String getSessionID() {
        return sessionId;
    }

    @Override
    public String getTypeID() {
        return TYPE_ID;
    }

    @Override
    public String getWorkerID() {
        return workerId;
    }

    @Override
    public long getTimeStamp() {
        return timestamp;
    }

    @Override
    public int encodingLengthBytes() {
        return encode().length;
    }

    @Override
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            encode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void encode(ByteBuffer buffer) {
        buffer.put(encode());
    }

    @Override
    public void encode(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeUTF(sessionId);
        data.writeUTF(workerId);
        data.writeLong(timestamp);
        byte[] json = content.getBytes(StandardCharsets.UTF_8);
        data.writeInt(json.length);
        data.write(json);
        data.flush();
    }

    @Override
    public void decode(byte[] bytes) {
        try {
            decode(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void decode(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        decode(bytes);
    }

    @Override
    public void decode(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        sessionId = data.readUTF();
        workerId = data.readUTF();
        timestamp = data.readLong();
        byte[] json = new byte[data.readInt()];
        data.readFully(json);
        content = new String(json, StandardCharsets.UTF_8);
    }
}
