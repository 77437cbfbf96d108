package io.jenkins.plugins.cdngate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writing the report files ({@code --report}, {@code --junit}, {@code $GITHUB_STEP_SUMMARY}). A path that cannot
 * be written is a configuration error (exit 2) in one line naming the option and the reason in words, never an
 * exception class or a stack trace. Paths are checked before the gate runs, so a typo costs no API call.
 */
final class ReportFiles {
    /** GitHub Actions sets it to a file whose Markdown is shown on the run's summary page. */
    static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private ReportFiles() {
    }

    /** The path of an option's value, checked: not empty, not a directory, its directory writable if it exists. */
    static Path check(String option, String value) {
        return check(option, value, true);
    }

    /** {@link #check(String, String)} for an option, or for an environment variable ({@code aboutOption} false). */
    static Path check(String option, String value, boolean aboutOption) {
        try {
            return checked(option, value);
        } catch (ConfigurationException e) {
            throw aboutOption ? e : new ConfigurationException(e.getMessage());
        }
    }

    private static Path checked(String option, String value) {
        if (value == null || value.isBlank()) {
            throw ConfigurationException.option(option + " is empty: give a file name, e.g. " + example(option));
        }
        Path path;
        try {
            path = Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw ConfigurationException.option(option + " '" + value.strip() + "' is not a usable file name");
        }
        if (Files.isDirectory(path)) {
            throw ConfigurationException.option(option + " " + path + " is a directory: give a file name, e.g. "
                    + path.resolve(example(option)));
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a report is written beside and moved into place: that would replace a device (/dev/null) or a pipe with
            // a plain file, and appending to a pipe nobody reads would block
            throw ConfigurationException.option(option + " " + path + " is not a regular file (a device or pipe): give a"
                    + " file name");
        }
        Path dir = path.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir != null && (!Files.isDirectory(dir) || !Files.isWritable(dir))) {
            throw ConfigurationException.option(option + " " + path + " cannot be written: " + dir
                    + (Files.isDirectory(dir) ? " is not writable" : " is not a directory"));
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw ConfigurationException.option(option + " " + path + " cannot be written: permission denied");
        }
        return path;
    }

    /**
     * Writes the whole file (UTF-8), creating missing directories; through a temporary file in the same
     * directory, so a reader never sees half a report.
     */
    static void write(String option, Path path, String content) {
        try {
            Path absolute = path.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("cannot write " + option + " " + path + ": " + words(e));
        }
    }

    /** Appends to the file (UTF-8), creating it when missing: GitHub's step summary collects every step's part. */
    static void append(String what, Path path, String content) {
        try {
            // missing parent directories are created, as check() promised and write() does
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new ConfigurationException("cannot append to " + what + " " + path + ": " + words(e));
        }
    }

    /** The reason, in words a CI user can act on. */
    static String words(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m;
    }

    /**
     * Refuses two outputs naming one file (one would overwrite or corrupt the other: an HTML page over the history
     * file leaves nothing but unreadable lines for the next run). {@code named} holds pairs: what names it, the path
     * (null when not given).
     */
    static void requireDistinct(Object... named) {
        for (int i = 0; i < named.length; i += 2) {
            for (int j = i + 2; j < named.length; j += 2) {
                Path a = (Path) named[i + 1];
                Path b = (Path) named[j + 1];
                if (a != null && b != null && same(a, b)) {
                    String message = named[i] + " and " + named[j] + " name the same file (" + a + "): give each its own";
                    throw named[i].toString().startsWith("--") ? ConfigurationException.option(message)
                            : new ConfigurationException(message);
                }
            }
        }
    }

    private static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static String example(String option) {
        return option.equals("--junit") ? "cdn-gate-junit.xml" : "cdn-gate-report.html";
    }
}
