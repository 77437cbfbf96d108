package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.forecast.Reading;
import io.jenkins.plugins.cdngate.core.forecast.Readings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * {@code --history FILE}: earlier readings, one JSON object a line ({@link Readings}). Read before the gate (a
 * file that cannot be read or written is a usage error, exit code 2, before any call: fail closed rather than
 * run without the history the user asked for); this run's reading appended after it, only when the gate verified
 * it. Holds times and byte counts only, never a secret.
 */
final class HistoryFile {
    /** A history file above this is refused rather than read into memory (about a million lines). */
    static final long MAX_BYTES = 64L << 20;

    private HistoryFile() {
    }

    /** The readings of {@code file}; none when it does not exist yet (it is created on the first append). */
    static Readings.Parsed read(Path file) {
        if (file.toString().isBlank()) {
            throw ConfigurationException.option("--history is empty: give a file, e.g. cdn-gate-history.jsonl");
        }
        if (Files.isDirectory(file)) {
            throw ConfigurationException.option("--history " + file + " is a folder: give a file");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw ConfigurationException.option("--history " + file + ": its folder does not exist; create it first");
            }
            if (!Files.isWritable(parent)) {
                throw ConfigurationException.option("--history " + file + " does not exist and cannot be created: "
                        + "its folder is not writable");
            }
            return Readings.parse(java.util.List.of());
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw ConfigurationException.option("--history " + file + " must be readable and writable");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw ConfigurationException.option("--history " + file + " is larger than " + (MAX_BYTES >> 20)
                        + " MiB; only the last 30 days are used, so keep the recent lines only");
            }
            // Undecodable bytes become U+FFFD, so such a line is skipped as unreadable rather than failing the run.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return Readings.parse(Arrays.asList(text.split("\r?\n", -1)));
        } catch (IOException e) {
            throw ConfigurationException.option("--history " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Appends one line; a missing file is created. */
    static void append(Path file, Reading reading) throws IOException {
        byte[] line = (Readings.line(reading) + "\n").getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file)) {
            // a last line without a newline (a hand edit) would otherwise be joined with ours and both be lost
            line = ("\n" + new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(channel.size() - 1);
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one);
            return one.get(0) == '\n';
        }
    }
}
