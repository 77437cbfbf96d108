package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.Report;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code cdn-gate}: the CDN Gate for any CI. Prints the report on stdout and exits with one of
 * {@link ExitCodes}; errors are one line on stderr, never a stack trace, never a secret.
 */
@Command(name = "cdn-gate",
        mixinStandardHelpOptions = true,
        versionProvider = CdnGate.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
                "Stops a deployment before it reaches an Alibaba Cloud CDN account that is not ready for it.",
                "Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus "
                        + "ALIBABA_CLOUD_SECURITY_TOKEN for STS), or --profile NAME of the aliyun CLI."},
        subcommands = {EnsureActiveCommand.class, RequireQuotaCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:PASS - the account is ready: deploy.",
                "1:FAIL - do not deploy (or nothing could be verified).",
                "2:usage or configuration error (bad option, no credentials).",
                "3:UNSTABLE - deploy, but someone must look.",
                "4:internal error - nothing was verified; treat as FAIL.",
                "130:interrupted (Ctrl-C, or SIGTERM when a CI job is cancelled); nothing was verified (if an"
                        + " activation request was on its way, stderr says its outcome is unknown)."},
        footer = {"", "Run 'cdn-gate demo' to see both gates against an embedded emulator; docs/cli.md has the rest."})
public final class CdnGate implements Callable<Integer> {
    private final CliEnvironment environment;
    /** Every secret resolved in this run, scrubbed from any error message that might quote it. */
    private final List<String> secrets = new ArrayList<>();

    /** Told of every report a gate subcommand makes in this run (the demo collects them for its HTML page). */
    private final Consumer<Report> reports;

    @Spec
    CommandSpec spec;

    public CdnGate(CliEnvironment environment) {
        this(environment, report -> { });
    }

    CdnGate(CliEnvironment environment, Consumer<Report> reports) {
        this.environment = environment;
        this.reports = reports;
    }

    /** The line a cancelled run leaves in the build log (stderr). */
    static final String INTERRUPTED_LINE = "[CDN Gate] interrupted; nothing was verified";

    public static void main(String[] args) {
        // The SDK depends on slf4j-api without a binding; SLF4J 2 would print a three-line warning on stderr at
        // the first call, in every build log. Nothing logs through SLF4J that a gate user needs.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        // UTF-8 whatever the locale: plan names are often Chinese (CDN流量包), JSON is UTF-8 by definition, and a
        // CI runner with LANG=C would otherwise print them as '?'.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        AtomicBoolean finished = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> onSignal(finished, err), "cdn-gate-interrupted"));
        int code = runToEnd(finished, CliEnvironment.system(), out, err, args);
        System.exit(code);
    }

    /**
     * {@link #run} for {@link #main}: whatever happens, {@code finished} is set before this returns, so the
     * shutdown hook only ever speaks for a real signal (an Error escaping here once made the hook report an
     * OutOfMemoryError as "interrupted", exit 130).
     */
    static int runToEnd(AtomicBoolean finished, CliEnvironment environment, PrintWriter out, PrintWriter err,
            String... args) {
        try {
            return run(environment, out, err, args);
        } catch (Throwable t) { // run() catches everything already; this is the last resort of the last resort
            return internalError(err, t, List.of());
        } finally {
            out.flush();
            err.flush();
            finished.set(true);
        }
    }

    /**
     * Jenkins, GitLab and GitHub Actions cancel a job with SIGTERM, a terminal with SIGINT (Ctrl-C): the JVM
     * runs its shutdown hooks for both, and would then exit 143 or 130 having printed nothing. A cancelled gate
     * says so in one line and always exits {@link ExitCodes#INTERRUPTED}; halt, because exit() from a shutdown
     * hook would block forever (java.lang.Runtime#exit). Nothing on stdout: --json stays empty, not half an object.
     */
    private static void onSignal(AtomicBoolean finished, PrintWriter err) {
        if (finished.get()) {
            return;
        }
        // An OpenCdnService request on the wire may activate the account whatever happens to this process, and
        // activation cannot be undone: then the line says so, in core's words (Interruptions).
        err.println(io.jenkins.plugins.cdngate.core.Interruptions.activationInFlight()
                ? "[CDN Gate] " + io.jenkins.plugins.cdngate.core.Interruptions.ACTIVATION_UNKNOWN : INTERRUPTED_LINE);
        err.flush();
        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }

    /** Runs one command line and returns its exit code; the entry point tests use. */
    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        return run(environment, out, err, report -> { }, args);
    }

    /** {@link #run(CliEnvironment, PrintWriter, PrintWriter, String...)}, handing each gate's report to {@code reports}. */
    static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, Consumer<Report> reports,
                   String... args) {
        String undecodable = undecodableArgument(environment, args);
        if (undecodable != null) {
            err.println("cdn-gate: " + undecodable);
            err.flush();
            return ExitCodes.USAGE;
        }
        CommandLine commandLine = commandLine(environment, out, err, reports);
        try {
            return commandLine.execute(args);
        } catch (Throwable t) {
            // picocli hands only Exceptions to executionErrors(); an Error (OutOfMemoryError, StackOverflowError,
            // LinkageError) would leave with a stack trace. Nothing was verified: exit 4, one line, no secret.
            return internalError(err, t, ((CdnGate) commandLine.getCommand()).secrets);
        }
    }

    /**
     * The JVM decodes arguments with the locale's charset (sun.jnu.encoding; -Dfile.encoding does not change it):
     * under LANG=C every non-ASCII byte becomes U+FFFD, and a --plan-filter '中国' would silently match nothing.
     * The argument itself is not shown (it may be a secret in the wrong place).
     */
    static String undecodableArgument(CliEnvironment environment, String... args) {
        for (String arg : args) {
            if (arg != null && arg.indexOf('\uFFFD') >= 0) {
                return "an argument could not be decoded in this locale (" + localeSetting(environment)
                        + "): run with LC_ALL=C.UTF-8";
            }
        }
        return null;
    }

    /** The variable that decides the character set, as the C library reads them: LC_ALL, LC_CTYPE, LANG. */
    private static String localeSetting(CliEnvironment environment) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = environment.variables().get(name);
            if (value != null && !value.isEmpty()) {
                return name + "=" + value;
            }
        }
        return "LANG/LC_ALL unset";
    }

    private static int internalError(PrintWriter err, Throwable t, List<String> secrets) {
        String message = "internal error (" + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage()) + "); nothing was verified, do not deploy";
        err.println("cdn-gate: " + oneLine(redact(message, secrets)));
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                   Consumer<Report> reports) {
        CdnGate root = new CdnGate(environment, reports);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        // "@file" arguments would read options from a file: surprising in a gate, and a way to print a file's
        // lines in an error message.
        commandLine.setExpandAtFiles(false);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(root.usageErrors());
        commandLine.setExecutionExceptionHandler(root.executionErrors());
        return commandLine;
    }

    /** No subcommand: say what to run. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: use ensure-active, require-quota or demo");
    }

    AccessKey credentials(String profile, Path configFile) {
        AccessKey key = new CredentialResolver(environment).resolve(profile, configFile);
        secrets.add(key.secret());
        if (key.securityToken() != null) {
            secrets.add(key.securityToken());
        }
        return key;
    }

    CliEnvironment environment() {
        return environment;
    }

    void reported(Report report) {
        reports.accept(report);
    }

    private IParameterExceptionHandler usageErrors() {
        return (ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("cdn-gate: " + oneLine(usageMessage(ex, args)) + " (see " + help(cmd) + ")");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        };
    }

    private static String help(CommandLine cmd) {
        return "'" + cmd.getCommandSpec().qualifiedName() + " --help'";
    }

    /**
     * Picocli's message for unknown arguments quotes every one of them. Someone who tries
     * {@code --secret VALUE} would see the secret in the CI log, so only option names are shown.
     */
    private static String usageMessage(ParameterException ex, String[] args) {
        if (ex instanceof UnmatchedArgumentException unmatched && unmatched.getCommandLine().getParent() == null
                && args.length > 0 && !args[0].startsWith("-") && unmatched.getUnmatched().contains(args[0])) {
            // never echoed: `cdn-gate $SECRET` (a variable in the wrong place) must not print the secret
            return "unknown command (not shown); commands: ensure-active, require-quota, demo";
        }
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> options = new ArrayList<>();
            int values = 0;
            for (String arg : unmatched.getUnmatched()) {
                if (arg.startsWith("-")) {
                    int eq = arg.indexOf('=');
                    options.add(eq < 0 ? arg : arg.substring(0, eq) + "=...");
                } else {
                    values++;
                }
            }
            String text = options.isEmpty() ? "" : "unknown option " + String.join(", ", options);
            if (values > 0) {
                text += (text.isEmpty() ? "" : " and ") + values + " unexpected argument" + (values == 1 ? "" : "s")
                        + " (not shown)";
            }
            if (options.stream().anyMatch(o -> o.toLowerCase().contains("secret") || o.toLowerCase().contains("token"))) {
                text += "; cdn-gate never takes a secret on the command line: " + CredentialResolver.HOW_TO_PROVIDE;
            }
            return text;
        }
        return ex.getMessage();
    }

    private IExecutionExceptionHandler executionErrors() {
        return (ex, cmd, parseResult) -> {
            int code;
            String message;
            if (ex instanceof ConfigurationException config) {
                code = ExitCodes.USAGE;
                message = config.aboutOptions() ? config.getMessage() + " (see " + help(cmd) + ")" : config.getMessage();
            } else if (ex instanceof ParameterException p) {
                return usageErrors().handleParseException(p, new String[0]);
            } else if (ex instanceof InterruptedException) {
                code = ExitCodes.INTERRUPTED;
                message = io.jenkins.plugins.cdngate.core.Interruptions.message((InterruptedException) ex);
            } else {
                return internalError(cmd.getErr(), ex, secrets);
            }
            cmd.getErr().println("cdn-gate: " + oneLine(redact(message, secrets)));
            cmd.getErr().flush();
            return code;
        };
    }

    private static String redact(String message, List<String> secrets) {
        String result = message;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "****");
            }
        }
        return result;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    /** The version from the build (resource filtered by Maven). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties properties = new Properties();
            try (InputStream in = CdnGate.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            return new String[] {"cdn-gate " + properties.getProperty("version", "unknown")};
        }
    }
}
