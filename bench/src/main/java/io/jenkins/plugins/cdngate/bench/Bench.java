package io.jenkins.plugins.cdngate.bench;

import com.aliyuncs.IAcsClient;
import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.EnsureActive;
import io.jenkins.plugins.cdngate.core.EnsureActiveRequest;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.RequireQuota;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.core.flow.Governor;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Fault;
import io.jenkins.plugins.cdngate.emulator.Plan;
import io.jenkins.plugins.cdngate.emulator.RecordedRequest;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load benchmark of issue 4 (docs/performance.md). Not a test: it asserts nothing, it measures and
 * prints. Scenarios:
 * <ol>
 *   <li>{@code raw}: the emulator's own throughput with a bare SDK client (is it the bottleneck?)</li>
 *   <li>{@code load}: 1,000 gates from 200 threads on one account, emulator rate limits on and 20 ms
 *       added latency; our limiter and coalescing on, limiter only, and both off</li>
 *   <li>{@code overhead}: a warm require-quota gate against the bare SDK call it makes, interleaved (its plan in
 *       use, 30 history readings and a days-left minimum, so the forecast is on the measured path)</li>
 *   <li>{@code forecast}: the forecast alone (pace, pool drain, history pace, its report lines and JSON) on
 *       1, 5 and 50 plans with 0, 30 and 1,000 readings: what it adds to a gate's warm path</li>
 *   <li>{@code cold}: whole-process wall, CPU and peak RSS of one CLI require-quota run against the
 *       standalone emulator, next to one bare SDK call in a fresh JVM</li>
 * </ol>
 * Usage: {@code java -jar bench/target/cdn-gate-bench.jar [--only raw,load,overhead,forecast,cold] [--gates 1000]
 * [--threads 200] [--iterations 2000] [--cold-runs 5] [--cli-jar cli/target/cdn-gate.jar]
 * [--emulator-jar emulator/target/cdn-gate-emulator.jar]} from the repository root.
 */
public final class Bench {
    private static final String KEY_ID = "LTAI-bench-0001";
    private static final String SECRET = "bench-secret-0001";
    private static final long MIN_BYTES = 1L << 30;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, String> options = new LinkedHashMap<>();

    private Bench(String[] args) {
        options.put("only", "raw,load,overhead,forecast,cold");
        options.put("gates", "1000");
        options.put("threads", "200");
        options.put("iterations", "2000");
        options.put("cold-runs", "5");
        options.put("latency-ms", "20");
        options.put("cli-jar", "cli/target/cdn-gate.jar");
        options.put("emulator-jar", "emulator/target/cdn-gate-emulator.jar");
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!options.containsKey(name) || i + 1 >= args.length) {
                System.err.println("[bench] unknown option or missing value: " + args[i] + "; options: "
                        + options.keySet());
                System.exit(2);
            }
            options.put(name, args[++i]);
        }
    }

    private int number(String name) {
        return Integer.parseInt(options.get(name));
    }

    private boolean runs(String scenario) {
        return Arrays.asList(options.get("only").split(",")).contains(scenario);
    }

    public static void main(String[] args) throws Exception {
        new Bench(args).run();
    }

    private void run() throws Exception {
        System.out.println("# CDN Gate load benchmark");
        System.out.println(machine());
        long wallStart = System.nanoTime();
        if (runs("raw")) {
            rawThroughput();
        }
        if (runs("load")) {
            load();
        }
        if (runs("overhead")) {
            overhead();
        }
        if (runs("forecast")) {
            forecast();
        }
        if (runs("cold")) {
            cold();
        }
        System.out.printf(Locale.ROOT, "%nbenchmark wall time %.1f s; load average at the end: %s%n",
                (System.nanoTime() - wallStart) / 1e9, loadAverage());
        System.exit(0);
    }

    // ------------------------------------------------------------------ machine

    private static String machine() {
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: memory unknown
        }
        return String.format(Locale.ROOT, "machine: %d CPUs (nproc), %.1f GiB memory, %s %s (%s), %s %s; "
                        + "load average at start: %s",
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0,
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"),
                loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Account account() {
        return Account.create(KEY_ID, SECRET).activated(true)
                // in use (500 GiB left of 1 TiB), so the forecast computes a pace on the measured path
                .plan(Plan.dataTransfer("FP-bench-0001", "CDN data transfer plan (Chinese mainland)", 536870912000L,
                        1099511627776L, "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z"));
    }

    private static ConnectionSettings connection(CdnEmulator emu) {
        return ConnectionSettings.defaults().withEndpoint(emu.endpoint());
    }

    // ------------------------------------------------------------------ scenario: raw emulator throughput

    private void rawThroughput() throws Exception {
        System.out.println();
        System.out.println("## Emulator raw throughput (bare SDK client, emulator rate limits off, no added latency)");
        try (CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false))) {
            emu.addAccount(account());
            IAcsClient client = BareSdkCall.client(KEY_ID, SECRET);
            for (int i = 0; i < 300; i++) {
                BareSdkCall.call(client, emu.endpoint());
            }
            for (int threads : new int[] {1, 8}) {
                AtomicLong done = new AtomicLong();
                AtomicLong failed = new AtomicLong();
                long end = System.nanoTime() + 3 * SECOND;
                long start = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        while (System.nanoTime() - end < 0) {
                            try {
                                int status = BareSdkCall.call(client, emu.endpoint()).getHttpStatus();
                                (status == 200 ? done : failed).incrementAndGet();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                        }
                    });
                    worker.start();
                    workers.add(worker);
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%d client thread(s): %.0f requests/s (%d answered 200, %d failed,"
                        + " %.1f s)%n", threads, done.get() / seconds, done.get(), failed.get(), seconds);
            }
        }
    }

    // ------------------------------------------------------------------ scenario: load

    private void load() throws Exception {
        int gates = number("gates");
        int threads = number("threads");
        int latencyMs = number("latency-ms");
        System.out.println();
        System.out.printf(Locale.ROOT, "## Load: %d gates (half ensure-active, half require-quota) from %d threads on"
                + " one account; emulator rate limits on (5/s Open, 30/s each Describe), +%d ms latency%n",
                gates, threads, latencyMs);
        GovernorSettings on = GovernorSettings.defaults();
        GovernorSettings[] configs = {on, on.withCoalescing(false), on.withRateLimited(false).withCoalescing(false)};
        String[] names = {"limiter + coalescing on", "limiter on, coalescing off", "limiter + coalescing off"};
        try (CdnEmulator emu = CdnEmulator.start()) {
            emu.addAccount(account());
            emu.inject(CdnEmulator.ANY_ACTION, Fault.latency(latencyMs));
            for (int c = 0; c < configs.length; c++) {
                loadOnce(emu, names[c], configs[c], gates, threads, false);
            }
            // Activation storm: every gate is an ensure-active on an account that is not active yet, so the
            // first wave describes "not activated" and each of them asks OpenCdnService (5/s).
            emu.removeAccount(KEY_ID);
            emu.addAccount(account().activated(false));
            loadOnce(emu, "activation storm: " + threads + " ensure-active gates on an account not yet active,"
                    + " limiter + coalescing on", on, threads, threads, true);
            emu.removeAccount(KEY_ID);
            emu.addAccount(account());
        } finally {
            CallGovernor.shared().configure(GovernorSettings.defaults());
        }
    }

    private void loadOnce(CdnEmulator emu, String name, GovernorSettings settings, int gates, int threads,
                          boolean ensureActiveOnly) throws Exception {
        // a clean slate: nothing of the previous round may count in this one's windows
        Thread.sleep(1500);
        emu.resetRateLimits();
        emu.clearRequests();
        CallGovernor.shared().configure(settings);
        Governor.Stats before = CallGovernor.shared().engine().stats();
        AccessKey key = AccessKey.of(KEY_ID, SECRET);
        ConnectionSettings connection = connection(emu);
        Latencies latencies = new Latencies();
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> failures = new TreeMap<>();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                try {
                    go.await();
                    for (int i = next.getAndIncrement(); i < gates; i = next.getAndIncrement()) {
                        long gateStart = System.nanoTime();
                        Report report = ensureActiveOnly || i % 2 == 0
                                ? EnsureActive.run(EnsureActiveRequest.of(key, connection))
                                : RequireQuota.run(RequireQuotaRequest.of(key, connection, MIN_BYTES));
                        latencies.add(System.nanoTime() - gateStart);
                        if (report.verdict() != Verdict.PASS) {
                            failed.incrementAndGet();
                            String code = report.findings().stream().filter(f -> f.verdict() != Verdict.PASS)
                                    .map(f -> String.valueOf(f.errorCode())).findFirst().orElse("?");
                            synchronized (failures) {
                                failures.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        start = System.nanoTime();
        go.countDown();
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double wall = (System.nanoTime() - start) / 1e9;
        Governor.Stats after = CallGovernor.shared().engine().stats();
        // latency-delayed answers are logged when sent; let the last ones land
        Thread.sleep(200);
        List<RecordedRequest> requests = emu.requests();
        Map<String, List<Long>> admitted = new TreeMap<>();
        Map<String, Integer> perAction = new TreeMap<>();
        int throttled = 0;
        for (RecordedRequest r : requests) {
            perAction.merge(r.action(), 1, Integer::sum);
            if (r.code() != null && r.code().startsWith("Throttling")) {
                throttled++;
            }
            if (r.status() == 200 || r.code() != null && !r.code().startsWith("Throttling")) {
                admitted.computeIfAbsent(r.action(), k -> new ArrayList<>()).add(r.nanoTime());
            }
        }
        System.out.println();
        System.out.println("### " + name);
        System.out.printf(Locale.ROOT, "gates/s %.1f; wall %.2f s; failed gates %d%s%n", gates / wall, wall,
                failed.get(), failures.isEmpty() ? "" : " " + failures);
        System.out.printf(Locale.ROOT, "gate latency: %s%n", latencies.summary());
        System.out.println("API calls per action: " + perAction + "; Throttling answers received: " + throttled);
        StringBuilder peaks = new StringBuilder();
        for (Map.Entry<String, List<Long>> e : admitted.entrySet()) {
            peaks.append(peaks.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(maxInAnyWindow(e.getValue(), SECOND));
        }
        System.out.println("highest number of admitted calls in any 1 s window (arrival times): {" + peaks + "}");
        System.out.printf(Locale.ROOT, "governor: %d attempts for %d calls, %d joined a call in flight, %d waited"
                        + " for a permit%n", after.attempts() - before.attempts(), after.calls() - before.calls(),
                after.coalesced() - before.coalesced(), after.rateWaits() - before.rateWaits());
    }

    /** The largest number of instants that fall within one window of the given width. */
    static int maxInAnyWindow(List<Long> instants, long width) {
        long[] sorted = instants.stream().mapToLong(Long::longValue).sorted().toArray();
        int best = 0;
        int from = 0;
        for (int to = 0; to < sorted.length; to++) {
            while (sorted[to] - sorted[from] >= width) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

    // ------------------------------------------------------------------ scenario: forecast alone

    /**
     * What the forecast adds to a gate's warm path, measured directly: {@code Forecaster.forecast} (per-plan pace,
     * history pace, the pool drained earliest-expiry first) plus its human lines and its JSON form, as every front
     * end renders them. In-process, one thread, after warm-up; a checksum keeps the JIT from dropping the work.
     */
    private void forecast() {
        int iterations = number("iterations") * 10;
        java.time.Instant now = java.time.Instant.parse("2026-11-21T00:00:00Z");
        System.out.println();
        System.out.printf(Locale.ROOT, "## Forecast alone: Forecaster.forecast + ForecastText.lines + the JSON "
                + "'forecast' object, %d iterations per shape after %d warm-up, one thread%n", iterations, iterations);
        long checksum = 0;
        for (int[] shape : new int[][] {{1, 0}, {5, 30}, {50, 1000}}) {
            List<io.jenkins.plugins.cdngate.core.ResourcePlan> plans = new ArrayList<>();
            for (int p = 0; p < shape[0]; p++) {
                long total = 1099511627776L;
                long left = p % 3 == 0 ? total : total / (2 + p % 5); // some unused, some in use
                plans.add(new io.jenkins.plugins.cdngate.core.ResourcePlan("FP-bench-" + p, "cdnflowbag",
                        "CDN data transfer plan (Chinese mainland)", "CDN data transfer plan", "valid",
                        now.minus(Duration.ofDays(10 + p)).toString(), now.plus(Duration.ofDays(5 + 7 * p)).toString(),
                        Long.toString(left), Long.toString(total), io.jenkins.plugins.cdngate.core.ResourcePlan.Unit.BYTES,
                        left, total, true, null));
            }
            List<io.jenkins.plugins.cdngate.core.forecast.Reading> history = readings(now, shape[1]);
            Latencies l = new Latencies();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = 0;
            for (int i = 0; i < iterations * 2; i++) {
                if (i == iterations) {
                    // CPU time of this thread: unlike wall time, barely moved by other processes on a busy machine
                    cpuStart = threads.getCurrentThreadCpuTime();
                }
                long t0 = System.nanoTime();
                io.jenkins.plugins.cdngate.core.forecast.QuotaForecast f =
                        io.jenkins.plugins.cdngate.core.forecast.Forecaster.forecast(plans, now, history, MIN_BYTES,
                                null, 7, 30, null);
                List<String> lines = io.jenkins.plugins.cdngate.core.forecast.ForecastText.lines(f, plans);
                Report report = new Report("require-quota", Verdict.PASS, "ok", List.of(), "LTAI****0001", null, null,
                        List.of(), 0L, null, false, f, null);
                String json = io.jenkins.plugins.cdngate.core.ReportJson.toTree(report).get("forecast").toString();
                long t1 = System.nanoTime();
                checksum += lines.size() + json.length();
                if (i >= iterations) {
                    l.add(t1 - t0);
                }
            }
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / iterations;
            System.out.printf(Locale.ROOT, "%2d plans, %4d readings: wall %s, mean %.4f ms; CPU mean %.4f ms%n",
                    shape[0], shape[1], l.summary(), l.meanMs(), cpuMs);
        }
        System.out.println("(checksum " + checksum + ")");
    }

    /** {@code count} readings over the last 29 days, 10 GiB used a day. */
    private static List<io.jenkins.plugins.cdngate.core.forecast.Reading> readings(java.time.Instant now, int count) {
        List<io.jenkins.plugins.cdngate.core.forecast.Reading> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long ago = Duration.ofDays(29).getSeconds() * (count - i) / count;
            out.add(new io.jenkins.plugins.cdngate.core.forecast.Reading(now.minusSeconds(ago),
                    536870912000L + ago * 10737418240L / 86400));
        }
        return out;
    }

    // ------------------------------------------------------------------ scenario: warm overhead

    private void overhead() throws Exception {
        int iterations = number("iterations");
        System.out.println();
        System.out.printf(Locale.ROOT, "## Warm overhead: require-quota gate vs the bare SDK call it makes,"
                + " %d iterations each, interleaved, one thread; emulator rate limits off, no added latency;"
                + " our limiter off (at 30/s it would dominate), coalescing on (nothing to share)%n", iterations);
        CallGovernor.shared().configure(GovernorSettings.defaults().withRateLimited(false));
        try (CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false))) {
            emu.addAccount(account());
            IAcsClient client = BareSdkCall.client(KEY_ID, SECRET);
            RequireQuotaRequest request = RequireQuotaRequest.of(AccessKey.of(KEY_ID, SECRET), connection(emu),
                    MIN_BYTES).withDaysLeft(7, 30).withHistory(readings(java.time.Instant.now(), 30));
            for (int i = 0; i < 500; i++) {
                BareSdkCall.call(client, emu.endpoint());
                RequireQuota.run(request);
            }
            Latencies raw = new Latencies();
            Latencies gate = new Latencies();
            int notPass = 0;
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                BareSdkCall.call(client, emu.endpoint());
                long t1 = System.nanoTime();
                Report report = RequireQuota.run(request);
                long t2 = System.nanoTime();
                raw.add(t1 - t0);
                gate.add(t2 - t1);
                if (report.verdict() != Verdict.PASS) {
                    notPass++;
                }
            }
            System.out.printf(Locale.ROOT, "bare SDK call: %s, mean %.3f ms%n", raw.summary(), raw.meanMs());
            System.out.printf(Locale.ROOT, "gate:          %s, mean %.3f ms (%d not PASS)%n", gate.summary(),
                    gate.meanMs(), notPass);
            System.out.printf(Locale.ROOT, "gate overhead: p50 %+.3f ms, mean %+.3f ms%n",
                    gate.percentileMs(50) - raw.percentileMs(50), gate.meanMs() - raw.meanMs());
            // the share of the governor alone: a trivial attempt through its worker hand-off
            Governor governor = new Governor();
            governor.configure(GovernorSettings.defaults().withRateLimited(false));
            Latencies handOff = new Latencies();
            for (int i = 0; i < iterations * 5; i++) {
                long t0 = System.nanoTime();
                governor.call(KEY_ID, "DescribeCdnService", null, t0 + SECOND * 60, () -> Boolean.TRUE);
                if (i >= iterations) {
                    handOff.add(System.nanoTime() - t0);
                }
            }
            System.out.printf(Locale.ROOT, "governor alone (trivial attempt, limiter off, worker hand-off): %s, mean %.3f ms%n",
                    handOff.summary(), handOff.meanMs());
        } finally {
            CallGovernor.shared().configure(GovernorSettings.defaults());
        }
    }

    // ------------------------------------------------------------------ scenario: cold CLI

    private void cold() throws Exception {
        int runs = number("cold-runs");
        // Absolute paths, as the ./cdn-gate launcher passes them.
        Path cliJar = Path.of(options.get("cli-jar")).toAbsolutePath().normalize();
        Path emulatorJar = Path.of(options.get("emulator-jar")).toAbsolutePath();
        System.out.println();
        System.out.printf(Locale.ROOT, "## Cold start: one process per run, %d runs each, median (min-max);"
                + " against the standalone emulator%n", runs);
        if (!Files.isRegularFile(cliJar) || !Files.isRegularFile(emulatorJar)) {
            System.out.println("skipped: build " + cliJar + " and " + emulatorJar + " first (see docs/performance.md)");
            return;
        }
        Path benchJar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jsa = cliJar.resolveSibling("cdn-gate.jsa");
        Path dir = Files.createTempDirectory("cdn-gate-bench");
        Path accounts = dir.resolve("accounts.json");
        Files.writeString(accounts, "{\"accounts\":[{\"accessKeyId\":\"" + KEY_ID + "\",\"accessKeySecret\":\""
                + SECRET + "\",\"activated\":true,\"plans\":[{\"instanceId\":\"FP-bench-0001\","
                + "\"commodityCode\":\"cdnflowbag\",\"displayName\":\"CDN data transfer plan (Chinese mainland)\","
                + "\"templateName\":\"CDN data transfer plan\",\"status\":\"valid\","
                + "\"startTime\":\"2026-01-01T00:00:00Z\",\"endTime\":\"2099-01-01T00:00:00Z\","
                + "\"currCapacity\":\"536870912000\",\"initCapacity\":\"536870912000\"}]}]}",
                StandardCharsets.UTF_8);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process emulator = new ProcessBuilder(java, "-jar", emulatorJar.toString(), "--port", String.valueOf(port),
                "--accounts", accounts.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("emulator.log").toFile()).start();
        try {
            awaitPort(port);
            String endpoint = "127.0.0.1:" + port;
            List<String> launcherFlags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
            List<String> gateArgs = List.of("-jar", cliJar.toString(), "require-quota", "--min-bytes", "1GiB",
                    "--endpoint", endpoint);
            List<String> bareArgs = List.of("-cp", benchJar.toString(), BareSdkCall.class.getName(), endpoint);
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("bare SDK call, default JVM flags", concat(List.of(java), bareArgs));
            commands.put("bare SDK call, launcher JVM flags", concat(List.of(java), launcherFlags, bareArgs));
            commands.put("cdn-gate require-quota, default JVM flags", concat(List.of(java), gateArgs));
            commands.put("cdn-gate require-quota, launcher flags, no CDS archive",
                    concat(List.of(java), launcherFlags, gateArgs));
            if (Files.isRegularFile(jsa)) {
                commands.put("cdn-gate require-quota, launcher flags + " + jsa.getFileName() + " (as ./cdn-gate runs it)",
                        concat(List.of(java), launcherFlags, List.of("-XX:SharedArchiveFile=" + jsa,
                                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), gateArgs));
            } else {
                System.out.println("(no " + jsa + ": the CLI's class-data-sharing archive was not built)");
            }
            Path launcher = Path.of("cdn-gate");
            if (Files.isExecutable(launcher)
                    && cliJar.equals(Path.of("cli/target/cdn-gate.jar").toAbsolutePath().normalize())) {
                // the launcher also checks whether the jar is older than the sources (a find over the tree)
                commands.put("./cdn-gate require-quota (the launcher script itself)",
                        concat(List.of(launcher.toAbsolutePath().toString()), gateArgs.subList(2, gateArgs.size())));
            }
            boolean timeAvailable = new File("/usr/bin/time").canExecute();
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                List<double[]> samples = new ArrayList<>();
                int lastExit = -1;
                for (int i = 0; i < runs + 1; i++) {
                    double[] sample = new double[3];
                    lastExit = measure(command.getValue(), dir, timeAvailable, sample);
                    if (i > 0) { // the first run warms the page cache
                        samples.add(sample);
                    }
                }
                System.out.printf(Locale.ROOT, "%-80s wall %s s, CPU %s s, peak RSS %s MiB (exit %d)%n",
                        command.getKey() + ":", stat(samples, 0, "%.3f"), stat(samples, 1, "%.2f"),
                        stat(samples, 2, "%.0f"), lastExit);
            }
            if (!timeAvailable) {
                System.out.println("(/usr/bin/time not found: CPU and RSS not measured)");
            }
            if (Files.isRegularFile(jsa)) {
                System.out.printf(Locale.ROOT, "CDS archive: %s, %.1f MiB%n", jsa, Files.size(jsa) / 1048576.0);
            }
        } finally {
            emulator.destroy();
            emulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** Runs one process under /usr/bin/time; fills wall s, CPU s (user + sys), peak RSS MiB. */
    private static int measure(List<String> command, Path dir, boolean timeAvailable, double[] sample)
            throws Exception {
        Path timeFile = dir.resolve("time.txt");
        List<String> full = new ArrayList<>();
        if (timeAvailable) {
            full.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%e %U %S %M"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile());
        builder.environment().put("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID);
        builder.environment().put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET);
        builder.environment().put("NO_PROXY", "127.0.0.1");
        builder.environment().remove("ALIBABA_CLOUD_SECURITY_TOKEN");
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        sample[0] = (System.nanoTime() - start) / 1e9;
        if (timeAvailable) {
            String[] f = Files.readString(timeFile).trim().split("\\s+");
            String[] last = Arrays.copyOfRange(f, f.length - 4, f.length);
            sample[0] = Double.parseDouble(last[0]);
            sample[1] = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
            sample[2] = Long.parseLong(last[3]) / 1024.0;
        }
        return exit;
    }

    private static String stat(List<double[]> samples, int index, String format) {
        double[] values = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
        if (values.length == 0) {
            return "n/a";
        }
        double median = values[values.length / 2];
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median, values[0],
                values[values.length - 1]);
    }

    private static void awaitPort(int port) throws Exception {
        long end = System.nanoTime() + 30 * SECOND;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - end > 0) {
                    throw new IllegalStateException("the standalone emulator did not start on port " + port);
                }
                Thread.sleep(50);
            }
        }
    }

}
