package io.jenkins.plugins.cdngate.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone runner: {@code java -jar emulator/target/cdn-gate-emulator.jar --port 18080 --accounts accounts.json}.
 * Runs until interrupted (Ctrl-C).
 */
public final class EmulatorMain {
    static final int EXIT_USAGE = 2;

    private EmulatorMain() {
    }

    /** Parsed command line. */
    record Args(int port, String bind, Path accounts, boolean rateLimits, boolean help) { }

    public static void main(String[] argv) throws InterruptedException {
        Args args;
        try {
            args = parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println(usageError(e.getMessage()));
            System.exit(EXIT_USAGE);
            return;
        }
        if (args.help()) {
            System.out.println("usage: " + usage());
            return;
        }
        CdnEmulator emu;
        try {
            emu = start(args, System.out);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("[CDN Gate] " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emu.close();
            stopped.countDown();
        }, "cdn-emulator-shutdown"));
        stopped.await();
    }

    /** One line: what is wrong with the command line, and how it should look. */
    static String usageError(String problem) {
        return "[CDN Gate] " + problem + "; usage: " + usage();
    }

    static String usage() {
        return "java -jar cdn-gate-emulator.jar [--port 18080] [--bind 127.0.0.1] [--accounts accounts.json]"
                + " [--no-rate-limits]";
    }

    static Args parse(String[] argv) {
        int port = 18080;
        String bind = "127.0.0.1";
        Path accounts = null;
        boolean rateLimits = true;
        boolean help = false;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--port" -> {
                    String v = value(argv, ++i, a);
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number within 0..65535, was '" + v + "'");
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port must be within 0..65535, was " + port);
                    }
                }
                case "--bind" -> bind = value(argv, ++i, a);
                case "--accounts" -> accounts = Path.of(value(argv, ++i, a));
                case "--no-rate-limits" -> rateLimits = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new Args(port, bind, accounts, rateLimits, help);
    }

    private static String value(String[] argv, int i, String option) {
        if (i >= argv.length || argv[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return argv[i];
    }

    /** Loads the accounts file (if any), starts, prints where it listens. */
    static CdnEmulator start(Args args, PrintStream out) {
        AccountsJson.Contents contents = args.accounts() == null
                ? new AccountsJson.Contents(java.util.List.of(), java.util.List.of())
                : AccountsJson.readFile(args.accounts());
        CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().bindAddress(args.bind()).port(args.port())
                .rateLimits(args.rateLimits()));
        contents.accounts().forEach(emu::addAccount);
        contents.faults().forEach(f -> emu.inject(f.action(), f.fault()));
        out.println("[CDN Gate] emulator listening on http://" + emu.endpoint() + "/ (" + contents.accounts().size()
                + " account(s), rate limits " + (args.rateLimits() ? "on" : "off") + ")");
        for (Account a : contents.accounts()) {
            out.println("[CDN Gate]   account " + a.maskedId() + (a.isActivated() ? " activated" : " not activated"));
        }
        out.println(emu.isLoopback()
                ? "[CDN Gate] admin path: http://" + emu.endpoint() + "/_emulator/accounts | /faults | /requests"
                : "[CDN Gate] admin path disabled (not bound to a loopback address)");
        return emu;
    }
}
