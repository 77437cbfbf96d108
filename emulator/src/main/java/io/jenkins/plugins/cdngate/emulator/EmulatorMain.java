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
    record Args(int port, String bind, Path accounts, boolean rateLimits, boolean help, Path roles, String metadata,
                boolean metadataHardened, Path tls) {
        Args(int port, String bind, Path accounts, boolean rateLimits, boolean help) {
            this(port, bind, accounts, rateLimits, help, null, null, false, null);
        }
    }

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
                + " [--no-rate-limits] [--roles roles.json] [--metadata HOST:PORT [--metadata-hardened]] [--tls DIR]";
    }

    static Args parse(String[] argv) {
        int port = 18080;
        String bind = "127.0.0.1";
        Path accounts = null;
        boolean rateLimits = true;
        boolean help = false;
        Path roles = null;
        String metadata = null;
        boolean hardened = false;
        Path tls = null;
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
                case "--roles" -> roles = Path.of(value(argv, ++i, a));
                case "--metadata" -> {
                    metadata = value(argv, ++i, a);
                    if (!metadata.matches(".+:\\d{1,5}")) {
                        throw new IllegalArgumentException("--metadata must be HOST:PORT, was '" + metadata + "'");
                    }
                }
                case "--metadata-hardened" -> hardened = true;
                case "--tls" -> tls = Path.of(value(argv, ++i, a));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (hardened && metadata == null) {
            throw new IllegalArgumentException("--metadata-hardened needs --metadata HOST:PORT");
        }
        return new Args(port, bind, accounts, rateLimits, help, roles, metadata, hardened, tls);
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
        Role instanceRole = null;
        if (args.roles() != null) {
            for (RoleFile r : readRoles(args.roles())) {
                Account owner = emu.account(r.owner());
                if (owner == null) {
                    throw new IllegalArgumentException(args.roles() + ": role " + r.role().arn() + " names owner "
                            + Account.mask(r.owner()) + ", which is not an account of the emulator");
                }
                emu.addRole(owner, r.role());
                out.println("[CDN Gate]   role " + r.role().arn() + " of " + owner.maskedId()
                        + (r.instanceRole() ? " (the ECS instance's role)" : ""));
                if (r.instanceRole()) {
                    instanceRole = r.role();
                }
            }
        }
        if (args.tls() != null) {
            try {
                EmulatorTls tls = EmulatorTls.create(args.tls());
                int port = emu.startTls(tls.keyStore(), tls.password().toCharArray());
                out.println("[CDN Gate] HTTPS (CDN and STS) on " + emu.endpoint().replaceFirst(":\\d+$", ":" + port)
                        + "; clients trust it with " + String.join(" ", tls.trustOptions()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("--tls " + args.tls() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalArgumentException("--tls interrupted");
            }
        }
        if (args.metadata() != null) {
            int colon = args.metadata().lastIndexOf(':');
            MetadataService m = emu.startMetadata(args.metadata().substring(0, colon),
                    Integer.parseInt(args.metadata().substring(colon + 1)));
            m.instanceRole(instanceRole).hardened(args.metadataHardened());
            out.println("[CDN Gate] ECS metadata service on http://" + m.address() + "/latest/meta-data/ram/security-credentials/"
                    + (args.metadataHardened() ? " (hardened: token required)" : ""));
        }
        out.println(emu.isLoopback()
                ? "[CDN Gate] admin path: http://" + emu.endpoint() + "/_emulator/accounts | /faults | /requests"
                : "[CDN Gate] admin path disabled (not bound to a loopback address)");
        return emu;
    }

    /** One entry of the roles file. */
    record RoleFile(String owner, Role role, boolean instanceRole) { }

    /**
     * The roles file: a JSON array of {@code {"owner": "<AccessKey ID of the owning account>", "arn": "...",
     * "trust": ["<AccessKey ID or role ARN>", ...], "externalId": "...", "maxSessionDuration": 3600,
     * "oidcProvider": "...", "oidcToken": "...", "instanceRole": true}}; only owner and arn are required.
     */
    static java.util.List<RoleFile> readRoles(Path file) {
        com.google.gson.JsonElement root;
        try {
            root = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(file));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the roles file " + file + ": " + e.getClass().getSimpleName());
        }
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("the roles file " + file + " must be a JSON array of roles");
        }
        java.util.List<RoleFile> out = new java.util.ArrayList<>();
        int n = 0;
        for (com.google.gson.JsonElement e : root.getAsJsonArray()) {
            String where = file + " [" + n++ + "]";
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            com.google.gson.JsonObject o = e.getAsJsonObject();
            if (!o.has("owner") || !o.has("arn")) {
                throw new IllegalArgumentException(where + " needs \"owner\" and \"arn\"");
            }
            Role role = Role.create(o.get("arn").getAsString());
            if (o.has("trust")) {
                o.getAsJsonArray("trust").forEach(t -> role.trust(t.getAsString()));
            }
            if (o.has("externalId")) {
                role.externalId(o.get("externalId").getAsString());
            }
            if (o.has("maxSessionDuration")) {
                role.maxSessionDuration(o.get("maxSessionDuration").getAsInt());
            }
            if (o.has("oidcProvider") || o.has("oidcToken")) {
                role.oidc(o.has("oidcProvider") ? o.get("oidcProvider").getAsString() : null,
                        o.has("oidcToken") ? o.get("oidcToken").getAsString() : null);
            }
            out.add(new RoleFile(o.get("owner").getAsString(), role,
                    o.has("instanceRole") && o.get("instanceRole").getAsBoolean()));
        }
        return out;
    }
}
