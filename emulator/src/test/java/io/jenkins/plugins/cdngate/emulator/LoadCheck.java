package io.jenkins.plugins.cdngate.emulator;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test (no timing assertion belongs in the suite): a quick throughput check of the emulator with a
 * light keep-alive client that signs every request itself. Prints requests per second.
 *
 * <pre>
 * ./mvnw -B -q -o -pl emulator test-compile
 * java -cp emulator/target/classes:emulator/target/test-classes:$HOME/.m2/repository/com/google/code/gson/gson/2.11.0/gson-2.11.0.jar \
 *      io.jenkins.plugins.cdngate.emulator.LoadCheck 8 5000
 * </pre>
 */
public final class LoadCheck {
    private LoadCheck() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 5000;
        try (CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false))) {
            emu.addAccount(Account.create("LTAI-load-0001", "load-secret-0001").activated(true).locks("financial"));
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    byte[] buf = new byte[8192];
                    while (System.nanoTime() < end) {
                        Map<String, String> q = RawClient.common("DescribeCdnService", "LTAI-load-0001");
                        q.put("Signature", RawClient.sign("GET", q, "load-secret-0001"));
                        try {
                            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + emu.endpoint() + "/?"
                                    + RawClient.form(q)).toURL().openConnection(Proxy.NO_PROXY);
                            int status = c.getResponseCode();
                            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                                while (in.read(buf) > 0) {
                                    // drain so the connection is kept alive
                                }
                            }
                            (status == 200 ? ok : failed).incrementAndGet();
                        } catch (java.io.IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(millis + 60_000, TimeUnit.MILLISECONDS);
            System.out.printf("[CDN Gate] emulator load check: %d threads, %d ok, %d failed, %d requests/s%n",
                    threads, ok.get(), failed.get(), ok.get() * 1000 / millis);
        }
    }
}
