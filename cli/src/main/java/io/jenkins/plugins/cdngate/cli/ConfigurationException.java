package io.jenkins.plugins.cdngate.cli;

/**
 * Something the user must fix before a gate can run (credentials, a profile file, a bad value).
 * The message is one line, names what to fix, and never contains a secret; it ends the process
 * with {@link ExitCodes#USAGE}.
 */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message, null, false, false);
    }
}
