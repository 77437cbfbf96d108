package io.jenkins.plugins.cdngate.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the CLI reads from its surroundings, injectable so tests never depend on the real
 * environment or home directory.
 *
 * @param variables the process environment
 * @param home      the user's home directory (where {@code .aliyun/config.json} lives), may be null
 */
public record CliEnvironment(Map<String, String> variables, Path home) {
    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CliEnvironment system() {
        return of(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The home directory is {@code $HOME}, as for the aliyun CLI (Go's os.UserHomeDir reads it): in containers
     * it often differs from Java's {@code user.home}, which comes from the password database (e.g. "?" or "/"
     * for a user id without an entry). {@code user.home} only when HOME is unset or blank.
     */
    static CliEnvironment of(Map<String, String> variables, String userHome) {
        String home = variables.get("HOME");
        if (home == null || home.isBlank()) {
            home = userHome;
        }
        return new CliEnvironment(variables, home == null || home.isBlank() ? null : Path.of(home.trim()));
    }

    /** The variable's value, or null when it is unset or blank. */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether the variable is set to an empty or blank value (a CI secret that did not expand). */
    public boolean isBlank(String name) {
        String value = variables.get(name);
        return value != null && value.isBlank();
    }
}
