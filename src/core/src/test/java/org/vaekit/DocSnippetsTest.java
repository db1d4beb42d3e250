package org.vaekit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block in the README and docs/ is compiled: its lines stand, in order and together, in a Java source
 * file that the build compiles (the modules' sources and tests, examples/consumer), indentation aside.
 */
class DocSnippetsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheDocsIsInACompiledSource() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> sources = compiledSources();
        int blocks = 0;
        for (Path doc : docs) {
            Matcher m = JAVA_BLOCK.matcher(Files.readString(doc));
            while (m.find()) {
                blocks++;
                String block = normalized(m.group(1));
                assertFalse(block.isEmpty(), doc + ": an empty Java block");
                assertTrue(sources.stream().anyMatch(s -> s.contains(block)),
                        doc + ": this Java block is in no compiled source file:\n" + m.group(1));
            }
        }
        assertTrue(blocks >= 2, "the README and docs/library.md show Java code; found " + blocks + " blocks");
    }

    private static List<String> compiledSources() throws IOException {
        List<String> out = new ArrayList<>();
        for (Path root : List.of(Path.of("src"), Path.of("examples", "consumer", "src"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> out.add(normalized(read(p))));
            }
        }
        return out;
    }

    /** Lines without their indentation, blank lines dropped, joined with newlines. */
    private static String normalized(String text) {
        return "\n" + String.join("\n", text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) + "\n";
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
