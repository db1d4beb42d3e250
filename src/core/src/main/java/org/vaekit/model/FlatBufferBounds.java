package org.vaekit.model;

import com.google.flatbuffers.Table;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import org.nd4j.graph.FlatArray;
import org.nd4j.graph.FlatGraph;
import org.vaekit.VaekitException;

/**
 * Checks the sizes a SameDiff model file states against the file's own size, before SameDiff trusts them.
 * SameDiff allocates lists and arrays as large as the counts and shapes it reads, so one changed byte in a
 * count would otherwise ask for gigabytes (an OutOfMemoryError) instead of failing as a corrupt file.
 */
final class FlatBufferBounds {
    /** Deeper than any table SameDiff writes (graph, node, array, ...): a loop of offsets in a damaged file. */
    private static final int MAX_DEPTH = 8;

    private final String origin;
    private final int fileSize;
    /** Every table takes at least 4 bytes of the file, so a damaged file cannot make us visit more. */
    private int tablesLeft;

    private FlatBufferBounds(String origin, int fileSize) {
        this.origin = origin;
        this.fileSize = fileSize;
        this.tablesLeft = fileSize / 4;
    }

    /** Throws a one-line {@link VaekitException} naming {@code origin} when a count or shape cannot fit in the bytes. */
    static void check(byte[] bytes, String origin) {
        FlatBufferBounds bounds = new FlatBufferBounds(origin, bytes.length);
        if (bytes.length < 8) {
            throw bounds.corrupt(bytes.length + " bytes, too short for a FlatBuffers graph");
        }
        bounds.visit(FlatGraph.getRootAsFlatGraph(ByteBuffer.wrap(bytes)), 0);
    }

    /**
     * Every {@code xLength()} of the table's generated class must be at most the file size (an entry takes at
     * least one byte); then the tables it refers to are visited, through {@code x()} and {@code x(int)}.
     */
    private void visit(Table table, int depth) {
        if (depth > MAX_DEPTH || --tablesLeft < 0) {
            throw corrupt("its tables nest deeper than a model's or refer to each other in a loop");
        }
        if (table instanceof FlatArray array) {
            checkArray(array);
        }
        for (Method m : table.getClass().getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            if (m.getParameterCount() == 0 && Table.class.isAssignableFrom(m.getReturnType())) {
                Table child = (Table) call(m, table);
                if (child != null) {
                    visit(child, depth + 1);
                }
            } else if (m.getParameterCount() == 0 && m.getReturnType() == int.class && m.getName().endsWith("Length")) {
                String field = m.getName().substring(0, m.getName().length() - "Length".length());
                int length = (Integer) call(m, table);
                if (length < 0 || length > fileSize) {
                    throw corrupt(table.getClass().getSimpleName() + "." + field + " claims " + length
                            + " entries in a file of " + fileSize + " bytes");
                }
                visitEntries(table, field, length, depth);
            }
        }
    }

    private void visitEntries(Table table, String field, int length, int depth) {
        Method entry;
        try {
            entry = table.getClass().getMethod(field, int.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        if (Table.class.isAssignableFrom(entry.getReturnType())) {
            for (int i = 0; i < length; i++) {
                Table child = (Table) call(entry, table, i);
                if (child != null) {
                    visit(child, depth + 1);
                }
            }
        }
    }

    /** Nd4j.createFromFlatArray allocates rank-sized and element-count-sized arrays before reading the data. */
    private void checkArray(FlatArray array) {
        if (array.shapeLength() == 0) {
            return;
        }
        long rank = array.shape(0);
        if (rank < 0 || rank > 32 || array.shapeLength() < 2 * rank + 4) {
            throw corrupt("an array's shape header has rank " + rank + " in " + array.shapeLength() + " values");
        }
        long elements = 1;
        for (int i = 1; i <= rank; i++) {
            long size = array.shape(i);
            if (size < 0 || size > array.bufferLength()) {
                throw corrupt("an array of " + array.bufferLength() + " bytes claims a dimension of " + size);
            }
            elements *= size; // stays below 2^63: each factor is at most the file size, and the product is checked
            if (elements > array.bufferLength()) {
                throw corrupt("an array of " + array.bufferLength() + " bytes claims more elements than that");
            }
        }
    }

    private static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private VaekitException corrupt(String what) {
        return new VaekitException(origin + " is corrupt or not a SameDiff model: " + what);
    }
}
