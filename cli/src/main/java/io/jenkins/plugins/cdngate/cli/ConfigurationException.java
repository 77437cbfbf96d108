package io.jenkins.plugins.cdngate.cli;

/**
 * Something the user must fix before a gate can run (credentials, a profile file, a bad value).
 * The message is one line, names what to fix, and never contains a secret; it ends the process
 * with {@link ExitCodes#USAGE}. One made by {@link #option(String)} is about the command line itself,
 * so its line ends with the same {@code (see 'cdn-gate COMMAND --help')} hint as picocli's usage errors.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean aboutOptions;

    public ConfigurationException(String message) {
        this(message, false);
    }

    private ConfigurationException(String message, boolean aboutOptions) {
        super(message, null, false, false);
        this.aboutOptions = aboutOptions;
    }

    /** A bad option value or combination: the message names the options (e.g. {@code --warn-bytes}). */
    public static ConfigurationException option(String message) {
        return new ConfigurationException(message, true);
    }

    /** Whether the error line should point at the command's --help. */
    public boolean aboutOptions() {
        return aboutOptions;
    }
}
